using Emergency.TestSupport;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

public sealed class IncentivesTests : ExpertsTest
{
    private static async Task ParticipationAsync(TestApp app, int expert, string title, string atUtc, int? rating, bool classified = false)
    {
        await using var db = app.OpenStore("experts");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Participations (ExpertId, Kind, ReferenceId, Title, AtUtc, DepartmentId, DepartmentName, Rating, Classified) VALUES ({0}, 0, NULL, {1}, {2}, NULL, '应急管理局', {3}, {4})",
            expert, title, atUtc, rating!, classified);
    }

    [Fact]
    public async Task Counts_and_average_ratings_per_expert_and_team_by_year_and_the_feedback_letter_to_the_employer()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var tang = await SeedExpertAsync(app, "唐峰", "危险化学品", 0, null, "tangfeng@expert.example.cn", "hr@tangfeng.example.cn");
        var song = await SeedExpertAsync(app, "宋溪", "气象灾害", 1, weatherId, "songxi@expert.example.cn", "hr@songxi.example.cn", departmentName: "气象局");
        await ParticipationAsync(app, tang, "化工厂爆炸处置", "2026-03-01 02:00:00", 5);
        await ParticipationAsync(app, tang, "危化品仓库检查", "2026-06-01 02:00:00", 4);
        await ParticipationAsync(app, tang, "去年的调用", "2025-06-01 02:00:00", 1);
        await ParticipationAsync(app, song, "秘密行动代号甲", "2026-07-01 02:00:00", null, classified: true);

        var bureau = await app.AsAsync(Bureau);
        var page = Text(await bureau.GetStringAsync("/experts/Incentives?year=2026"));
        page.Should().Contain("唐峰 唐峰的单位 县政府专家队伍 2 4.5").And.Contain("宋溪 宋溪的单位 部门专家队伍 气象局 1 —");
        page.Should().Contain("县政府专家队伍 1 2 4.5").And.Contain("气象局 1 1 —");
        Text(await bureau.GetStringAsync("/experts/Incentives?year=2025")).Should().Contain("唐峰 唐峰的单位 县政府专家队伍 1 1.0");

        var letterHtml = await (await app.AsAsync(Weather)).GetStringAsync($"/experts/Incentives/Letter?id={song}&year=2026");
        letterHtml.Should().Contain("/_content/Experts/css/letter.css").And.NotContain("module-nav", "a clean print page");
        Text(letterHtml).Should().Contain("关于宋溪同志2026年度参与应急管理专家工作情况的函").And.Contain("涉密事项").And.NotContain("秘密行动代号甲");

        var sent = await TestApp.PostFormAsync(bureau, $"/experts/Incentives?handler=Send&id={tang}&year=2026", new Dictionary<string, string>(), tokenFrom: "/experts/Incentives?year=2026");
        Text(await sent.Content.ReadAsStringAsync()).Should().Contain("已将 唐峰 的 2026 年度反馈函发送至 hr@tangfeng.example.cn");
        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Single();
        mail.To.Mailboxes.Single().Address.Should().Be("hr@tangfeng.example.cn");
        mail.Subject.Should().Be("关于唐峰同志2026年度参与应急管理专家工作情况的函");
        mail.TextBody.Should().Contain("2026 年度共参与应急管理专家工作 2 次，平均评分 4.5").And.Contain("化工厂爆炸处置").And.NotContain("去年的调用");
    }
}
