using System.Net;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Grid;

public sealed class HazardWorkflowTests : GridTest
{
    [Fact]
    public async Task A_hazard_goes_from_report_to_closing_and_every_step_is_recorded()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var weather = await DepartmentIdAsync(app, "气象局");

        var member = await app.AsAsync(GridMember);
        var reported = await ReportAsync(member, grid, "河口村二组河堤", photos: ("dike.png", Png, "image/png"));
        var page = Text(await reported.Content.ReadAsStringAsync());
        page.Should().Contain("已上报隐患").And.Contain("已上报").And.Contain("河口村二组河堤");
        var id = await CountAsync(app, "SELECT MAX(Id) AS Value FROM Hazards");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardPhotos WHERE HazardId = {id}")).Should().Be(1);

        // The photo is served through the page that checks access, from outside the web root.
        var photoId = await CountAsync(app, $"SELECT Id AS Value FROM HazardPhotos WHERE HazardId = {id}");
        var photo = await member.GetAsync($"/grid/Hazards/Photo?id={photoId}");
        photo.StatusCode.Should().Be(HttpStatusCode.OK);
        photo.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await photo.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
        Directory.GetFiles(Path.Combine(DataRoot, "counties", TestApp.County, "files", "grid")).Should().ContainSingle();

        var assigned = await AssignAsync(app, id, weather, InChinaTime(TimeSpan.FromDays(7)));
        Text(await assigned.Content.ReadAsStringAsync()).Should().Contain("已交办气象局");
        (await StateAsync(app, id)).Should().Be("Assigned");

        Text(await (await StepAsync(app, Weather, id, "Start")).Content.ReadAsStringAsync()).Should().Contain("已开始整改");
        var submitted = await StepAsync(app, Weather, id, "Submit", new Dictionary<string, string> { ["Input.Note"] = "已清淤 200 米并加固河堤" });
        Text(await submitted.Content.ReadAsStringAsync()).Should().Contain("已申请复查");
        (await StateAsync(app, id)).Should().Be("AwaitingReinspection");

        var closed = await StepAsync(app, Township, id, "Reinspect", query: "&pass=true");
        Text(await closed.Content.ReadAsStringAsync()).Should().Contain("复查合格，已销号");
        (await StateAsync(app, id)).Should().Be("Closed");

        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id}")).Should().Be(6, "report, the level confirmed by assigning, assign, start, submit and close are each recorded");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '确认等级' AND By = 'qingshan' AND Note = '交办时确认为一般隐患'")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND By = 'qxj' AND Action = '申请复查'")).Should().Be(1);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%HazardReported%'")).Should().Be(1);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%HazardClosed%'")).Should().Be(1);
    }

    [Fact]
    public async Task A_step_that_skips_ahead_is_refused_with_a_message_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村桥头");

        var close = await StepAsync(app, Township, id, "Reinspect", query: "&pass=true");
        close.StatusCode.Should().Be(HttpStatusCode.OK);
        Text(await close.Content.ReadAsStringAsync()).Should().Contain("当前状态为“已上报”，不能复查销号");
        (await StateAsync(app, id)).Should().Be("Reported");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id}")).Should().Be(1);

        var reject = await StepAsync(app, Township, id, "Reject");
        Text(await reject.Content.ReadAsStringAsync()).Should().Contain("请填写不予认定的理由");
        (await StateAsync(app, id)).Should().Be("Reported");
        var rejected = await StepAsync(app, Township, id, "Reject", new Dictionary<string, string> { ["Input.Note"] = "系正常施工围挡，不属于隐患" });
        Text(await rejected.Content.ReadAsStringAsync()).Should().Contain("已不予认定");
        (await StateAsync(app, id)).Should().Be("Rejected");

        var again = await AssignAsync(app, id, await DepartmentIdAsync(app, "气象局"), InChinaTime(TimeSpan.FromDays(3)));
        Text(await again.Content.ReadAsStringAsync()).Should().Contain("当前状态为“不予认定”，不能交办");
        (await StateAsync(app, id)).Should().Be("Rejected");
    }

    [Fact]
    public async Task A_deadline_in_the_past_is_refused_beside_the_field()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村渡口");

        var response = await AssignAsync(app, id, await DepartmentIdAsync(app, "气象局"), InChinaTime(TimeSpan.FromHours(-1)));
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("data-valmsg-for=\"Input.Deadline\"").And.Contain("整改期限必须晚于当前时间");
        (await StateAsync(app, id)).Should().Be("Reported");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND DepartmentId IS NOT NULL")).Should().Be(0);
    }

    [Fact]
    public async Task A_major_hazard_needs_its_plan_before_it_is_assigned_and_may_be_supervised_by_the_county()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村后山滑坡体", level: "Major", category: "Geological");
        var water = await DepartmentIdAsync(app, "自然资源局");

        var refused = await AssignAsync(app, id, water, InChinaTime(TimeSpan.FromDays(30)));
        Text(await refused.Content.ReadAsStringAsync()).Should().Contain("重大隐患须先制定治理方案，才能交办");
        (await StateAsync(app, id)).Should().Be("Reported");

        var incomplete = await StepAsync(app, Township, id, "Plan", new Dictionary<string, string> { ["Input.Targets"] = "消除滑坡威胁" });
        Text(await incomplete.Content.ReadAsStringAsync()).Should().Contain("请填写治理方法和措施").And.Contain("请填写负责人");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM HazardPlans")).Should().Be(0);

        var plan = await StepAsync(app, Township, id, "Plan", new Dictionary<string, string>
        {
            ["Input.Targets"] = "消除滑坡威胁，保障坡下 12 户安全",
            ["Input.Measures"] = "削坡减载、修建挡土墙、设置截排水沟",
            ["Input.Funds"] = "85.5",
            ["Input.ResponsiblePerson"] = "王镇长",
            ["Input.PlanDeadline"] = InChinaTime(TimeSpan.FromDays(60)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SafetyMeasures"] = "雨天停工，坡下住户汛期转移，专人监测",
        });
        Text(await plan.Content.ReadAsStringAsync()).Should().Contain("已保存治理方案");

        var assigned = await AssignAsync(app, id, water, InChinaTime(TimeSpan.FromDays(30)));
        Text(await assigned.Content.ReadAsStringAsync()).Should().Contain("已交办自然资源局");

        // 挂牌督办 is the county's: the township may not, the emergency bureau may.
        (await StepAsync(app, Township, id, "Supervise", new Dictionary<string, string> { ["Input.Supervision"] = "County" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var supervised = await StepAsync(app, Bureau, id, "Supervise", new Dictionary<string, string> { ["Input.Supervision"] = "City" });
        Text(await supervised.Content.ReadAsStringAsync()).Should().Contain("已市级挂牌督办");
        (await CountAsync(app, $"SELECT Supervision AS Value FROM Hazards WHERE Id = {id}")).Should().Be(2);
    }

    [Fact]
    public async Task Photos_over_the_limit_or_not_images_are_refused_and_nothing_is_stored()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var member = await app.AsAsync(GridMember);

        var big = new byte[(5 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);
        var tooBig = await ReportAsync(member, grid, "超大照片", photos: ("big.png", big, "image/png"));
        Text(await tooBig.Content.ReadAsStringAsync()).Should().Contain("照片“big.png”超过 5 MB");

        // Named and declared as a JPEG, but the bytes are a script: checked by content, not by name.
        var fake = "<script>alert(1)</script>"u8.ToArray();
        var wrong = await ReportAsync(member, grid, "假照片", photos: ("photo.jpg", fake, "image/jpeg"));
        var html = await wrong.Content.ReadAsStringAsync();
        html.Should().Contain("data-valmsg-for=\"Photos\"");
        Text(html).Should().Contain("照片“photo.jpg”不是 JPEG、PNG 或 WebP 图片");

        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Hazards")).Should().Be(0);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM HazardPhotos")).Should().Be(0);
        Directory.Exists(Path.Combine(DataRoot, "counties", TestApp.County, "files", "grid")).Should().BeFalse();

        var webp = "RIFF\0\0\0\0WEBPVP8 "u8.ToArray();
        var ok = await ReportAsync(member, grid, "WebP 照片", photos: ("a.webp", webp, "image/webp"));
        Text(await ok.Content.ReadAsStringAsync()).Should().Contain("已上报隐患");
    }

    [Fact]
    public async Task A_grid_member_cannot_report_for_a_grid_they_do_not_cover()
    {
        await using var app = await StartAsync();
        var (_, other) = await SetUpGridsAsync(app);

        var response = await ReportAsync(await app.AsAsync(GridMember), other, "别人的网格");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("data-valmsg-for=\"Input.GridId\"");
        Text(html).Should().Contain("您不负责该网格，不能为其上报隐患");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Hazards")).Should().Be(0);
    }

    [Fact]
    public async Task A_village_without_grids_is_told_the_township_must_create_them_first()
    {
        await using var app = await StartAsync();
        Text(await (await app.AsAsync(GridMember)).GetStringAsync("/grid/Hazards/Report")).Should().Contain("本村（社区）还没有划分网格，请联系乡镇应急办先建立网格和网格员");
    }

    [Fact]
    public async Task An_extension_is_asked_before_the_deadline_and_decided_by_the_township()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村老街电线");
        await AssignAsync(app, id, await DepartmentIdAsync(app, "气象局"), InChinaTime(TimeSpan.FromDays(3)));

        var asked = await StepAsync(app, Weather, id, "Extend", new Dictionary<string, string>
        {
            ["Input.ExtensionDeadline"] = InChinaTime(TimeSpan.FromDays(10)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Note"] = "需等待材料到货",
        });
        Text(await asked.Content.ReadAsStringAsync()).Should().Contain("已提交延期申请");
        var extension = await CountAsync(app, "SELECT MAX(Id) AS Value FROM Extensions");

        var approved = await StepAsync(app, Township, id, "DecideExtension", query: $"&extensionId={extension}&approve=true");
        Text(await approved.Content.ReadAsStringAsync()).Should().Contain("已同意延期至");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND DeadlineUtc > '{Clock.GetUtcNow().UtcDateTime.AddDays(9):yyyy-MM-dd}'")).Should().Be(1);

        // After the deadline has passed, no extension can be asked.
        Clock.Advance(TimeSpan.FromDays(11));
        using var weather = await SignInAsync(app, Weather);
        var late = await TestApp.PostFormAsync(weather, $"/grid/Hazards/Details?id={id}&handler=Extend", new Dictionary<string, string>
        {
            ["Input.ExtensionDeadline"] = InChinaTime(TimeSpan.FromDays(5)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Note"] = "再延期",
        }, tokenFrom: "/Account/ChangePassword");
        Text(await late.Content.ReadAsStringAsync()).Should().Contain("整改期限已过，不能再申请延期");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Extensions")).Should().Be(1);
    }
}
