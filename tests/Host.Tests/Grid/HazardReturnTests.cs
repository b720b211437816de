using System.Globalization;
using System.Net;
using Emergency.TestSupport;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Grid;

/// <summary>
/// The hazard loop between township and department: assigning only to a department that has the module on
/// (and telling it), the department returning (退回) a hazard it has not started, and the township reassigning
/// (重新交办) one whose department switched the module off.
/// </summary>
public sealed class HazardReturnTests : GridTest
{
    private const string Assigned = "grid.hazard-assigned";
    private const string Returned = "grid.hazard-returned";

    private static string Deadline(DateTime chinaTime) => chinaTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private async Task<int> AssignedToWeatherAsync(TestApp app, int grid, string place)
    {
        var id = await ReportedHazardAsync(app, grid, place);
        var response = await AssignAsync(app, id, await DepartmentIdAsync(app, "气象局"), InChinaTime(TimeSpan.FromDays(7)));
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已交办气象局");
        return id;
    }

    private static Task<HttpResponseMessage> ReturnAsync(TestApp app, string user, int hazard, string? reason) =>
        StepAsync(app, user, hazard, "Return", reason is null ? null : new Dictionary<string, string> { ["Input.Note"] = reason });

    private static Task<int> HistoryAsync(TestApp app, int hazard, string action) =>
        CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {hazard} AND Action = '{action}'");

    [Fact]
    public async Task The_assign_form_offers_only_departments_with_the_grid_module()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村水渠");

        var page = await (await app.AsAsync(Township)).GetStringAsync($"/grid/Hazards/Details?id={id}");
        page.Should().Contain(">气象局<").And.Contain(">自然资源局<");
        page.Should().NotContain(">水利局<", "水利局 has not switched the grid module on and could not act on the hazard");
    }

    [Fact]
    public async Task Assigning_to_a_department_without_the_grid_module_is_refused_beside_the_field_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村堤坝");

        var response = await AssignAsync(app, id, await DepartmentIdAsync(app, "水利局"), InChinaTime(TimeSpan.FromDays(7)));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("data-valmsg-for=\"Input.DepartmentId\"");
        Text(html).Should().Contain("水利局未启用网格模块，无法办理隐患，请选择已启用网格模块的部门");
        (await StateAsync(app, id)).Should().Be("Reported");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND DepartmentId IS NULL AND DeadlineUtc IS NULL")).Should().Be(1);
        (await HistoryAsync(app, id, "交办")).Should().Be(0);
        (await app.NoticeCountAsync(Assigned)).Should().Be(0);
    }

    [Fact]
    public async Task The_department_is_told_of_an_assignment_in_its_inbox_and_by_mail_with_the_link()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(new Dictionary<string, string?>
        {
            ["Platform:PublicBaseUrl"] = "https://yingji.example.gov.cn",
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await AssignedToWeatherAsync(app, grid, "河口村老桥");

        await Eventually.WaitAsync(() => app.NoticeCountAsync(Assigned), n => n == 1);
        var inbox = Text(await (await app.AsAsync(Weather)).GetStringAsync("/Notices"));
        inbox.Should().Contain("新交办的隐患：河口村第一村民小组 河口村老桥").And.Contain("发给本单位");
        (await (await app.AsAsync(Weather)).GetStringAsync("/Notices")).Should().Contain($"/grid/Hazards/Details?id={id}");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/Notices")).Should().NotContain("河口村老桥", "the notice is for 气象局 only");

        // Mailed at once (not held for the digest), with the absolute link to the hazard.
        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Single();
        mail.To.Mailboxes.Single().Address.Should().Be("qxj@qingshan.example.cn");
        mail.Subject.Should().Be("新交办的隐患：河口村第一村民小组 河口村老桥");
        mail.TextBody.Should().Contain("交办贵单位整改").And.Contain($"https://yingji.example.gov.cn/grid/Hazards/Details?id={id}");
    }

    [Fact]
    public async Task The_department_returns_a_hazard_it_has_not_started_and_the_township_is_told_and_assigns_it_again()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await AssignedToWeatherAsync(app, grid, "河口村变压器");

        (await (await app.AsAsync(Weather)).GetStringAsync($"/grid/Hazards/Details?id={id}")).Should().Contain("data-testid=\"return-form\"");
        var returned = await ReturnAsync(app, Weather, id, "变压器属供电公司管理，不属于气象局职责");
        returned.StatusCode.Should().Be(HttpStatusCode.OK);
        Text(await returned.Content.ReadAsStringAsync()).Should().Contain("已退回乡镇，由乡镇重新交办");

        (await StateAsync(app, id)).Should().Be("Reported");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND DepartmentId IS NULL AND DepartmentName IS NULL AND DeadlineUtc IS NULL")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '退回' AND By = 'qxj' AND Note LIKE '%不属于气象局职责%'")).Should().Be(1);
        (await (await app.AsAsync(Weather)).GetAsync($"/grid/Hazards/Details?id={id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "it is no longer the department's");

        // The township is told, and finds it to assign again on its 我的待办.
        await Eventually.WaitAsync(() => app.NoticeCountAsync(Returned), n => n == 1);
        var township = await app.AsAsync(Township);
        Text(await township.GetStringAsync("/Notices")).Should().Contain("隐患被退回，请重新交办：河口村第一村民小组 河口村变压器");
        Text(await township.GetStringAsync("/")).Should().Contain("交办").And.Contain("河口村变压器");

        var again = await AssignAsync(app, id, await DepartmentIdAsync(app, "应急管理局"), InChinaTime(TimeSpan.FromDays(5)));
        Text(await again.Content.ReadAsStringAsync()).Should().Contain("已交办应急管理局");
        (await StateAsync(app, id)).Should().Be("Assigned");
        (await HistoryAsync(app, id, "交办")).Should().Be(2);
        await Eventually.WaitAsync(() => app.NoticeCountAsync(Assigned), n => n == 2);
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/Notices")).Should().Contain("新交办的隐患：河口村第一村民小组 河口村变压器");
    }

    [Fact]
    public async Task A_return_without_a_reason_is_refused_beside_the_field()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await AssignedToWeatherAsync(app, grid, "河口村路灯");

        var response = await ReturnAsync(app, Weather, id, "  ");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("data-valmsg-for=\"Input.Note\"");
        Text(html).Should().Contain("请填写退回理由");
        (await StateAsync(app, id)).Should().Be("Assigned");
        (await HistoryAsync(app, id, "退回")).Should().Be(0);
        (await app.NoticeCountAsync(Returned)).Should().Be(0);
    }

    [Fact]
    public async Task A_hazard_the_department_has_started_cannot_be_returned()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await AssignedToWeatherAsync(app, grid, "河口村围墙");
        Text(await (await StepAsync(app, Weather, id, "Start")).Content.ReadAsStringAsync()).Should().Contain("已开始整改");
        (await (await app.AsAsync(Weather)).GetStringAsync($"/grid/Hazards/Details?id={id}")).Should().NotContain("data-testid=\"return-form\"");

        var response = await ReturnAsync(app, Weather, id, "不属于本单位职责");
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("当前状态为“整改中”，不能退回");
        (await StateAsync(app, id)).Should().Be("Rectifying");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND DepartmentName = '气象局'")).Should().Be(1);
        (await HistoryAsync(app, id, "退回")).Should().Be(0);
    }

    [Fact]
    public async Task Another_department_cannot_return_a_hazard_that_is_not_its_own()
    {
        await using var app = await StartAsync();
        await EnableForWaterAsync(app);
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await AssignedToWeatherAsync(app, grid, "河口村水塘");

        // 水利局 does not see 气象局's hazard at all; the emergency bureau sees it but does not act for 气象局.
        (await ReturnAsync(app, Water, id, "不属于职责")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ReturnAsync(app, Bureau, id, "不属于职责")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StateAsync(app, id)).Should().Be("Assigned");
        (await HistoryAsync(app, id, "退回")).Should().Be(0);
    }

    [Fact]
    public async Task A_hazard_whose_department_lost_the_module_waits_on_the_township_to_reassign_it()
    {
        await using var app = await StartAsync();
        await EnableForWaterAsync(app);
        var (grid, _) = await SetUpGridsAsync(app);
        var water = await DepartmentIdAsync(app, "水利局");
        var id = await ReportedHazardAsync(app, grid, "河口村排洪沟");
        Text(await (await AssignAsync(app, id, water, InChinaTime(TimeSpan.FromDays(7)))).Content.ReadAsStringAsync()).Should().Contain("已交办水利局");
        Text(await (await StepAsync(app, Water, id, "Start")).Content.ReadAsStringAsync()).Should().Contain("已开始整改");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/")).Should().NotContain("重新交办");

        // The county switches the module off for 水利局 (through the platform store).
        await using (var platform = app.OpenPlatform())
        {
            platform.DepartmentModules.RemoveRange(platform.DepartmentModules.Where(m => m.DepartmentId == water && m.Module == "grid"));
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        var township = await app.AsAsync(Township);
        var home = Text(await township.GetStringAsync("/"));
        home.Should().Contain("重新交办").And.Contain("河口村排洪沟");
        (await township.GetStringAsync("/")).Should().Contain($"/grid/Hazards/Details?id={id}");
        var details = await township.GetStringAsync($"/grid/Hazards/Details?id={id}");
        details.Should().Contain("data-testid=\"reassign-form\"");
        Text(details).Should().Contain("原责任部门（水利局）已停用网格模块");

        // Back to a department without the module is refused beside the field.
        var refused = await StepAsync(app, Township, id, "Reassign", new Dictionary<string, string>
        {
            ["Input.DepartmentId"] = Invariant(water),
            ["Input.Deadline"] = Deadline(InChinaTime(TimeSpan.FromDays(10))),
        });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        refusedHtml.Should().Contain("data-valmsg-for=\"Input.DepartmentId\"");
        Text(refusedHtml).Should().Contain("水利局未启用网格模块");
        (await StateAsync(app, id)).Should().Be("Rectifying");

        var reassigned = await StepAsync(app, Township, id, "Reassign", new Dictionary<string, string>
        {
            ["Input.DepartmentId"] = Invariant(await DepartmentIdAsync(app, "气象局")),
            ["Input.Deadline"] = Deadline(InChinaTime(TimeSpan.FromDays(10))),
        });
        Text(await reassigned.Content.ReadAsStringAsync()).Should().Contain("已重新交办气象局");
        (await StateAsync(app, id)).Should().Be("Assigned");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND DepartmentName = '气象局'")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '重新交办' AND Note LIKE '%水利局%气象局%'")).Should().Be(1);
        Text(await township.GetStringAsync("/")).Should().NotContain("重新交办");

        // The new department is told.
        await Eventually.WaitAsync(() => app.NoticeCountAsync(Assigned), n => n == 2);
        Text(await (await app.AsAsync(Weather)).GetStringAsync("/Notices")).Should().Contain("新交办的隐患：河口村第一村民小组 河口村排洪沟");
    }

    [Fact]
    public async Task A_hazard_awaiting_reinspection_is_re_inspected_not_reassigned_when_its_department_lost_the_module()
    {
        await using var app = await StartAsync();
        await EnableForWaterAsync(app);
        var (grid, _) = await SetUpGridsAsync(app);
        var water = await DepartmentIdAsync(app, "水利局");
        var id = await ReportedHazardAsync(app, grid, "河口村涵洞");
        await AssignAsync(app, id, water, InChinaTime(TimeSpan.FromDays(7)));
        await StepAsync(app, Water, id, "Start");
        Text(await (await StepAsync(app, Water, id, "Submit", new Dictionary<string, string> { ["Input.Note"] = "已清淤" })).Content.ReadAsStringAsync())
            .Should().Contain("已申请复查");

        await using (var platform = app.OpenPlatform())
        {
            platform.DepartmentModules.RemoveRange(platform.DepartmentModules.Where(m => m.DepartmentId == water && m.Module == "grid"));
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        var home = Text(await (await app.AsAsync(Township)).GetStringAsync("/"));
        home.Should().Contain("复查").And.Contain("河口村涵洞");
        home.Should().NotContain("重新交办", "the township re-inspects a rectified hazard; there is nothing to hand over again");
    }

    [Fact]
    public async Task A_hazard_whose_department_still_has_the_module_is_not_reassigned_by_the_township()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await AssignedToWeatherAsync(app, grid, "河口村广场");
        (await (await app.AsAsync(Township)).GetStringAsync($"/grid/Hazards/Details?id={id}")).Should().NotContain("data-testid=\"reassign-form\"");

        var response = await StepAsync(app, Township, id, "Reassign", new Dictionary<string, string>
        {
            ["Input.DepartmentId"] = Invariant(await DepartmentIdAsync(app, "应急管理局")),
            ["Input.Deadline"] = Deadline(InChinaTime(TimeSpan.FromDays(10))),
        });
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("气象局仍在使用网格模块");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND DepartmentName = '气象局'")).Should().Be(1);
        (await HistoryAsync(app, id, "重新交办")).Should().Be(0);

        // The department may not reassign at all: that is the township's.
        (await StepAsync(app, Weather, id, "Reassign", new Dictionary<string, string>
        {
            ["Input.DepartmentId"] = Invariant(await DepartmentIdAsync(app, "应急管理局")),
            ["Input.Deadline"] = Deadline(InChinaTime(TimeSpan.FromDays(10))),
        })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
