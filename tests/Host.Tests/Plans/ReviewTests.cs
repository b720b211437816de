using System.Globalization;
using System.Text.RegularExpressions;
using Emergency.Experts.Contracts;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Plans;

/// <summary>
/// 评审/论证 before issue: a reviewer of the owner unit or among the version's 编制人 recuses (refused with the reason,
/// nothing written); a plan type that needs review is not issued without a passed review; experts come from Plans'
/// read copy of the Experts pool (ExpertAdmitted).
/// </summary>
public sealed class ReviewTests : PlansTest
{
    private async Task<(HttpClient Township, int Id)> SpecialPlanAsync(TestApp app, string author = "")
    {
        var township = await app.AsAsync(Township);
        var general = await GeneralAsync(app);
        var id = await RegisterAsync(app, township, "青山镇防汛抗旱专项应急预案", "TownshipSpecial", $"township:{await TownshipIdAsync(app, "青山镇")}", general, "FloodDrought");
        (await UploadAsync(township, id, Pdf, "预案.pdf", "application/pdf", author: author)).EnsureSuccessStatusCode();
        return (township, id);
    }

    private static Task<HttpResponseMessage> ConveneAsync(HttpClient client, int plan, string name, string unit) =>
        ActAsync(client, plan, "Review", new() { ["Review.HeldOn"] = "2026-11-20", ["Review.Names[0]"] = name, ["Review.Units[0]"] = unit });

    [Fact]
    public async Task A_reviewer_employed_by_the_owner_unit_is_refused_with_the_reason_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var (township, id) = await SpecialPlanAsync(app);
        var html = await (await ConveneAsync(township, id, "张建国", "青山镇")).Content.ReadAsStringAsync();
        Regex.IsMatch(html, "data-testid=\"reviewer-error\"[^>]*>张建国是预案编制单位（青山镇）人员，应当回避<").Should().BeTrue("the reason stands beside the reviewers");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM PlanReviews")).Should().Be(0);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM PlanReviewers")).Should().Be(0);
    }

    [Fact]
    public async Task The_author_of_the_version_is_refused_as_a_reviewer()
    {
        await using var app = await StartAsync();
        var (township, id) = await SpecialPlanAsync(app, "李明、王芳");
        Text(await (await ConveneAsync(township, id, "王芳", "县水利局")).Content.ReadAsStringAsync()).Should().Contain("王芳是本版预案编制人，应当回避");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM PlanReviews")).Should().Be(0);
    }

    [Fact]
    public async Task Issuing_without_a_passed_review_is_refused_and_with_one_allowed()
    {
        await using var app = await StartAsync();
        var (township, id) = await SpecialPlanAsync(app);
        Text(await (await IssueAsync(app, township, id, new DateOnly(2026, 11, 20))).Content.ReadAsStringAsync()).Should().Contain("第 1 版尚未通过评审（论证），不能签发");
        (await CountAsync(app, $"SELECT Status AS Value FROM Plans WHERE Id = {id}")).Should().Be(0);

        await PassReviewAsync(app, township, id);
        Text(await (await IssueAsync(app, township, id, new DateOnly(2026, 11, 20))).Content.ReadAsStringAsync()).Should().Contain("已签发，该版本现行有效");
        (await CountAsync(app, $"SELECT Status AS Value FROM Plans WHERE Id = {id}")).Should().Be(1);
    }

    [Fact]
    public async Task An_admitted_expert_is_offered_as_a_reviewer_from_the_local_copy()
    {
        await using var app = await StartAsync();
        await using (var experts = app.OpenStore("experts"))
        {
            experts.Publish(new ExpertAdmitted { ExpertId = 901, Name = "孙水文", Level = ExpertTeamLevel.County, Fields = ["水旱灾害"], CertificateNumber = "QS-901", TermEnd = new DateOnly(2029, 12, 31) });
            await experts.SaveChangesAsync();
        }

        (await Eventually.WaitAsync(() => CountAsync(app, "SELECT COUNT(*) AS Value FROM ReviewExperts WHERE ExpertId = 901 AND Active = 1"), n => n == 1)).Should().Be(1);
        var (township, id) = await SpecialPlanAsync(app);
        Text(await township.GetStringAsync($"/plans/Details?id={id}")).Should().Contain("孙水文（县政府专家队伍；水旱灾害）");
        var row = await CountAsync(app, "SELECT Id AS Value FROM ReviewExperts WHERE ExpertId = 901");
        Text(await (await ActAsync(township, id, "Review", new() { ["Review.HeldOn"] = "2026-11-20", ["Review.ExpertIds[0]"] = Invariant(row) })).Content.ReadAsStringAsync()).Should().Contain("已组织评审");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM PlanReviewers WHERE ExpertId = 901 AND Name = '孙水文'")).Should().Be(1);
    }

    [Fact]
    public async Task An_expert_employed_by_the_owner_unit_recuses_by_the_normalised_employer_name()
    {
        await using var app = await StartAsync();
        await using (var experts = app.OpenStore("experts"))
        {
            experts.Publish(new ExpertAdmitted { ExpertId = 902, Name = "钱工", Level = ExpertTeamLevel.County, Fields = ["水旱灾害"], CertificateNumber = "QS-902", TermEnd = new DateOnly(2029, 12, 31), Employer = "　青山镇 " });
            await experts.SaveChangesAsync();
        }

        (await Eventually.WaitAsync(() => CountAsync(app, "SELECT COUNT(*) AS Value FROM ReviewExperts WHERE ExpertId = 902"), n => n == 1)).Should().Be(1);
        var (township, id) = await SpecialPlanAsync(app);
        var row = await CountAsync(app, "SELECT Id AS Value FROM ReviewExperts WHERE ExpertId = 902");
        Text(await (await ActAsync(township, id, "Review", new() { ["Review.HeldOn"] = "2026-11-20", ["Review.ExpertIds[0]"] = Invariant(row) })).Content.ReadAsStringAsync())
            .Should().Contain("钱工是预案编制单位（青山镇）人员，应当回避");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM PlanReviews")).Should().Be(0, "nothing written");
    }

    [Fact]
    public async Task An_employer_changed_in_Experts_moves_the_recusal_with_it()
    {
        await using var app = await StartAsync();
        await using (var experts = app.OpenStore("experts"))
        {
            experts.Publish(new ExpertAdmitted { ExpertId = 903, Name = "李工", Level = ExpertTeamLevel.County, Fields = ["水旱灾害"], CertificateNumber = "QS-903", TermEnd = new DateOnly(2029, 12, 31), Employer = "县气象台" });
            await experts.SaveChangesAsync();
        }

        await Eventually.WaitAsync(() => CountAsync(app, "SELECT COUNT(*) AS Value FROM ReviewExperts WHERE ExpertId = 903"), n => n == 1);
        await using (var experts = app.OpenStore("experts"))
        {
            experts.Publish(new ExpertEmployerChanged { ExpertId = 903, Name = "李工", Employer = "青山镇" });
            await experts.SaveChangesAsync();
        }

        (await Eventually.WaitAsync(() => CountAsync(app, "SELECT COUNT(*) AS Value FROM ReviewExperts WHERE ExpertId = 903 AND Employer = '青山镇'"), n => n == 1)).Should().Be(1);
        var (township, id) = await SpecialPlanAsync(app);
        var row = await CountAsync(app, "SELECT Id AS Value FROM ReviewExperts WHERE ExpertId = 903");
        Text(await (await ActAsync(township, id, "Review", new() { ["Review.HeldOn"] = "2026-11-20", ["Review.ExpertIds[0]"] = Invariant(row) })).Content.ReadAsStringAsync())
            .Should().Contain("李工是预案编制单位（青山镇）人员，应当回避");
    }
}
