using System.Globalization;
using System.Net;
using Emergency.TestSupport;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

public sealed class ExpertEditTests : ExpertsTest
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string EditPath(int expert) => "/experts/Profile/Edit?id=" + Id(expert);

    /// <summary>The edit form as a browser sends it: every field, the ticked fields repeated.</summary>
    private static List<KeyValuePair<string, string>> Form(string mobile, string email, string employer, string employerEmail, string title, params int[] fields)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.Mobile", mobile),
            new("Input.Email", email),
            new("Input.Employer", employer),
            new("Input.EmployerEmail", employerEmail),
            new("Input.Title", title),
        };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>("Input.FieldIds", Id(f))));
        return form;
    }

    private static async Task<string> EditAsync(HttpClient client, int expert, List<KeyValuePair<string, string>> form)
    {
        var response = await RecommendationSteps.PostPairsAsync(client, EditPath(expert), form);
        return Text(await response.Content.ReadAsStringAsync());
    }

    private static Task<int> ChangesAsync(TestApp app, string where = "1=1") =>
        CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM ExpertChanges WHERE {where}");

    private static async Task<string> ValueAsync(TestApp app, string column, int expert)
    {
        await using var db = app.OpenStore("experts");
        var sql = "SELECT COALESCE(" + column + ", '') AS Value FROM Experts WHERE Id = {0}";
        return await db.Database.SqlQueryRaw<string>(sql, expert).SingleAsync();
    }

    [Fact]
    public async Task The_bureau_edits_two_contacts_a_title_and_several_fields_directly_and_the_profile_shows_old_and_new()
    {
        await using var app = await StartAsync();
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var expert = await SeedExpertAsync(app, "许晴", "气象灾害", 0, weatherId, "xuqing@expert.example.cn", null, departmentName: "气象局");
        var weatherField = await FieldIdAsync(app, "气象灾害");
        var geology = await FieldIdAsync(app, "地质灾害");
        var bureau = await app.AsAsync(Bureau);

        var form = Text(await bureau.GetStringAsync(EditPath(expert)));
        form.Should().Contain("修改专家信息").And.Contain("许晴").And.Contain("领域（可多选）");

        var saved = await EditAsync(bureau, expert, Form("13911112222", "xuqing@new.example.cn", "许晴的单位", "hr@xuqing.example.cn", "正高级工程师", weatherField, geology));
        saved.Should().Contain("已修改 许晴 的信息");

        (await ValueAsync(app, "Mobile", expert)).Should().Be("13911112222");
        (await ValueAsync(app, "EmployerEmail", expert)).Should().Be("hr@xuqing.example.cn");
        (await ValueAsync(app, "Title", expert)).Should().Be("正高级工程师");
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM ExpertFields WHERE ExpertId = {expert}")).Should().Be(2);
        (await ChangesAsync(app, $"ExpertId = {expert} AND Status = 1 AND DecidedBy = 'yjj'")).Should().Be(1, "a direct edit is recorded as applied");

        var profile = Text(await bureau.GetStringAsync($"/experts/Profile?id={expert}"));
        profile.Should().Contain("手机：13800000000 → 13911112222")
            .And.Contain("工作单位邮箱：（空） → hr@xuqing.example.cn")
            .And.Contain("职称：高级工程师 → 正高级工程师")
            .And.Contain("已生效")
            .And.NotContain("工作单位：", "the employer's name did not change");
        profile.Should().MatchRegex("领域：气象灾害 → (地质灾害、气象灾害|气象灾害、地质灾害)");

        (await EditAsync(bureau, expert, Form("13911112222", "xuqing@new.example.cn", "许晴的单位", "hr@xuqing.example.cn", "正高级工程师", weatherField, geology)))
            .Should().Contain("没有修改任何内容");
        (await ChangesAsync(app)).Should().Be(1);
    }

    [Fact]
    public async Task A_departments_edit_is_filed_waits_on_the_bureaus_to_do_and_applies_once_confirmed()
    {
        await using var app = await StartAsync();
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var expert = await SeedExpertAsync(app, "罗江", "气象灾害", 1, weatherId, "luojiang@expert.example.cn", null, departmentName: "气象局");
        var field = await FieldIdAsync(app, "气象灾害");
        var weather = await app.AsAsync(Weather);

        Text(await weather.GetStringAsync(EditPath(expert))).Should().Contain("本部门的修改将报备应急管理局，确认后生效");
        (await EditAsync(weather, expert, Form("13922223333", "luojiang@expert.example.cn", "青山县气象台", "", "高级工程师", field)))
            .Should().Contain("已报备 罗江 的信息变更，待应急管理局确认");
        (await ValueAsync(app, "Mobile", expert)).Should().Be("13800000000", "nothing applies before the bureau confirms");
        (await ValueAsync(app, "Employer", expert)).Should().Be("罗江的单位");
        (await ChangesAsync(app, "Status = 0")).Should().Be(1);

        (await EditAsync(weather, expert, Form("13933334444", "luojiang@expert.example.cn", "青山县气象台", "", "高级工程师", field)))
            .Should().Contain("该专家已有一项变更待确认");
        (await ChangesAsync(app)).Should().Be(1);

        var bureau = await app.AsAsync(Bureau);
        Text(await bureau.GetStringAsync("/")).Should().Contain("1 项部门报备的专家信息变更待确认");
        var pending = Text(await bureau.GetStringAsync("/experts/Changes"));
        pending.Should().Contain("罗江").And.Contain("手机：13800000000 → 13922223333").And.Contain("工作单位：罗江的单位 → 青山县气象台").And.Contain("气象局");

        var change = await CountAsync(app, "experts", "SELECT Id AS Value FROM ExpertChanges");
        var refused = await TestApp.PostFormAsync(weather, $"/experts/Changes?handler=Confirm&changeId={change}", new Dictionary<string, string>(), tokenFrom: "/Account/ChangePassword");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a department does not confirm its own filing");

        var confirmed = await TestApp.PostFormAsync(bureau, $"/experts/Changes?handler=Confirm&changeId={change}", new Dictionary<string, string>(), tokenFrom: "/Account/ChangePassword");
        Text(await confirmed.Content.ReadAsStringAsync()).Should().Contain("已确认 罗江 的信息变更");
        (await ValueAsync(app, "Mobile", expert)).Should().Be("13922223333");
        (await ValueAsync(app, "Employer", expert)).Should().Be("青山县气象台");
        (await ChangesAsync(app, "Status = 1 AND DecidedBy = 'yjj' AND ProposedBy = 'qxj'")).Should().Be(1);
        Text(await bureau.GetStringAsync("/")).Should().NotContain("专家信息变更待确认");
        Text(await weather.GetStringAsync($"/experts/Profile?id={expert}")).Should().Contain("手机：13800000000 → 13922223333").And.Contain("已生效");
    }

    [Fact]
    public async Task The_bureau_sends_a_filed_change_back_with_a_reason_and_the_record_stays()
    {
        await using var app = await StartAsync();
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var expert = await SeedExpertAsync(app, "田野", "气象灾害", 1, weatherId, "tianye@expert.example.cn", null, departmentName: "气象局");
        var field = await FieldIdAsync(app, "气象灾害");
        await EditAsync(await app.AsAsync(Weather), expert, Form("13800000000", "tianye@expert.example.cn", "田野的单位", "", "研究员", field));
        var change = await CountAsync(app, "experts", "SELECT Id AS Value FROM ExpertChanges");
        var bureau = await app.AsAsync(Bureau);

        var noReason = await TestApp.PostFormAsync(bureau, $"/experts/Changes?handler=Reject&changeId={change}", new Dictionary<string, string> { ["Reason"] = " " }, tokenFrom: "/Account/ChangePassword");
        Text(await noReason.Content.ReadAsStringAsync()).Should().Contain("请填写退回理由");
        (await ChangesAsync(app, "Status = 0")).Should().Be(1);

        var rejected = await TestApp.PostFormAsync(bureau, $"/experts/Changes?handler=Reject&changeId={change}", new Dictionary<string, string> { ["Reason"] = "职称证书未提供" }, tokenFrom: "/Account/ChangePassword");
        Text(await rejected.Content.ReadAsStringAsync()).Should().Contain("已退回 田野 的信息变更");
        (await ValueAsync(app, "Title", expert)).Should().Be("高级工程师");
        (await ChangesAsync(app, "Status = 2 AND RejectReason = '职称证书未提供'")).Should().Be(1);
        Text(await bureau.GetStringAsync($"/experts/Profile?id={expert}")).Should().Contain("职称：高级工程师 → 研究员").And.Contain("已退回 职称证书未提供");

        var again = await TestApp.PostFormAsync(bureau, $"/experts/Changes?handler=Confirm&changeId={change}", new Dictionary<string, string>(), tokenFrom: "/Account/ChangePassword");
        Text(await again.Content.ReadAsStringAsync()).Should().Contain("该变更已处理");
        (await ValueAsync(app, "Title", expert)).Should().Be("高级工程师");
    }

    [Fact]
    public async Task Bad_values_are_named_beside_their_fields_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var expert = await SeedExpertAsync(app, "邓林", "危险化学品", 0, null, "denglin@expert.example.cn", null);
        var bureau = await app.AsAsync(Bureau);

        var html = await (await RecommendationSteps.PostPairsAsync(bureau, EditPath(expert), Form("12345", "denglin@", "", "hr-at-example", "高级工程师"))).Content.ReadAsStringAsync();
        html.Should().MatchRegex("data-testid=\"error-mobile\"[^>]*>手机号码应为以 1 开头的 11 位数字<");
        html.Should().MatchRegex("data-testid=\"error-email\"[^>]*>邮箱格式不正确<");
        html.Should().MatchRegex("data-testid=\"error-employer-email\"[^>]*>工作单位邮箱格式不正确<");
        html.Should().MatchRegex("data-testid=\"error-fields\"[^>]*>请至少选择一个领域<");
        Text(html).Should().Contain("请填写工作单位");
        (await ChangesAsync(app)).Should().Be(0);
        (await ValueAsync(app, "Mobile", expert)).Should().Be("13800000000");
    }

    [Fact]
    public async Task Another_departments_or_countys_expert_is_not_found_and_a_leader_or_foreign_department_may_not_edit()
    {
        const string other = "450998";
        await using var app = await StartAsync();
        var bureauId = await DepartmentIdAsync(app, "应急管理局");
        var bureauTeam = await SeedExpertAsync(app, "毛竹", "危险化学品", 1, bureauId, "maozhu@expert.example.cn", null, departmentName: "应急管理局");
        var countyTeam = await SeedExpertAsync(app, "石磊", "危险化学品", 0, bureauId, "shilei@expert.example.cn", null, departmentName: "应急管理局");
        var weather = await app.AsAsync(Weather);
        (await weather.GetAsync(EditPath(bureauTeam))).StatusCode.Should().Be(HttpStatusCode.NotFound, "another department's team");
        (await weather.GetAsync(EditPath(countyTeam))).StatusCode.Should().Be(HttpStatusCode.Forbidden, "opened, but recommended by another department");
        (await (await app.AsAsync("leader")).GetAsync(EditPath(countyTeam))).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = other, Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "experts" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await app.Services.GetRequiredService<Emergency.BuildingBlocks.Persistence.StoreCatalog>()
            .MigrateAsync(Emergency.BuildingBlocks.Persistence.StoreKey.ForCounty(other, "experts"), CancellationToken.None);
        var foreign = await SeedExpertAsync(app, "白石专家", "危险化学品", 0, null, "baishi@expert.example.cn", null, county: other);
        await using (var db = app.OpenStore("experts", other))
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM ExpertFields WHERE ExpertId = {0}; UPDATE Experts SET Id = 9001 WHERE Id = {0}", foreign);
        }

        var bureau = await app.AsAsync(Bureau);
        (await bureau.GetAsync(EditPath(9001))).StatusCode.Should().Be(HttpStatusCode.NotFound, "the expert is in another county's store");
        var posted = await TestApp.PostFormAsync(bureau, EditPath(9001), new Dictionary<string, string> { ["Input.Mobile"] = "13900000000" }, tokenFrom: "/Account/ChangePassword");
        posted.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_employer_email_entered_by_an_edit_receives_the_feedback_letter_and_the_exit_notice()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "程远", "交通运输", 0, null, "chengyuan@expert.example.cn", null);
        var field = await FieldIdAsync(app, "交通运输");
        var bureau = await app.AsAsync(Bureau);

        var unsent = await TestApp.PostFormAsync(bureau, $"/experts/Incentives?handler=Send&id={expert}&year=2026", new Dictionary<string, string>(), tokenFrom: "/Account/ChangePassword");
        Text(await unsent.Content.ReadAsStringAsync()).Should().Contain("程远 的工作单位没有登记邮箱");

        await EditAsync(bureau, expert, Form("13800000000", "chengyuan@expert.example.cn", "青山县交通运输局", "renshi@jtj.example.cn", "高级工程师", field));
        var sent = await TestApp.PostFormAsync(bureau, $"/experts/Incentives?handler=Send&id={expert}&year=2026", new Dictionary<string, string>(), tokenFrom: "/Account/ChangePassword");
        Text(await sent.Content.ReadAsStringAsync()).Should().Contain("已将 程远 的 2026 年度反馈函发送至 renshi@jtj.example.cn");
        var letter = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Single();
        letter.To.Mailboxes.Single().Address.Should().Be("renshi@jtj.example.cn");
        letter.Subject.Should().Be("关于程远同志2026年度参与应急管理专家工作情况的函");
        letter.TextBody.Should().Contain("青山县交通运输局：", "the letter is addressed to the employer as edited");

        var dismissed = await TestApp.PostFormAsync(bureau, "/experts/Exits?handler=Dismiss",
            new Dictionary<string, string> { ["Input.ExpertId"] = Id(expert), ["Input.Reason"] = "违反保密纪律" }, tokenFrom: "/experts/Exits");
        Text(await dismissed.Content.ReadAsStringAsync()).Should().Contain("已解聘 程远");
        var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
        var notice = mails.Single(m => m.Subject == "应急管理专家变动通知：程远");
        notice.To.Mailboxes.Single().Address.Should().Be("renshi@jtj.example.cn");
        notice.TextBody.Should().Contain("已被解聘").And.Contain("违反保密纪律");
    }
}
