using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Grid;

/// <summary>
/// A 一般隐患 fixed on the spot (现场整改) by the reporting grid member or the township, or handed to the village or its
/// owner (交村/交业主整改) with the township recording the completion and re-inspecting; a 重大隐患 is refused both.
/// </summary>
public sealed class OnTheSpotFixTests : GridTest
{
    private static string Deadline(DateTime chinaTime) => chinaTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>现场整改 from the hazard page (multipart, with photos).</summary>
    private static async Task<HttpResponseMessage> FixAsync(TestApp app, string user, int hazard, string note, bool closeNow = false, params (string Name, byte[] Bytes, string Type)[] photos)
    {
        var client = await app.AsAsync(user);
        var page = await client.GetStringAsync("/Account/ChangePassword");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new StringContent(note), "Input.FixNote" },
        };
        if (closeNow)
        {
            form.Add(new StringContent("true"), "Input.CloseNow");
        }

        foreach (var (name, bytes, type) in photos)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "FixPhotos", name);
        }

        return await client.PostAsync($"/grid/Hazards/Details?id={hazard}&handler=Fix", form);
    }

    private static Task<HttpResponseMessage> HandOverAsync(TestApp app, int hazard, IDictionary<string, string> fields) =>
        StepAsync(app, Township, hazard, "HandOver", fields);

    private static Task<int> HistoryAsync(TestApp app, int hazard, string action) =>
        CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {hazard} AND Action = '{action}'");

    [Fact]
    public async Task The_reporting_grid_member_fixes_it_on_the_spot_with_a_photo_and_the_township_re_inspects_and_closes_it()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村倒伏树木");
        (await (await app.AsAsync(GridMember)).GetStringAsync($"/grid/Hazards/Details?id={id}")).Should().Contain("data-testid=\"fix-form\"");

        var fixedIt = await FixAsync(app, GridMember, id, "已锯断倒伏树木并清理路面", photos: ("fixed.png", Png, "image/png"));
        var page = await fixedIt.Content.ReadAsStringAsync();
        Text(page).Should().Contain("已现场整改，待乡镇复查").And.Contain("待复查");
        page.Should().Contain("data-testid=\"fix-photos\"");
        (await StateAsync(app, id)).Should().Be("AwaitingReinspection");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardPhotos WHERE HazardId = {id} AND Purpose = 1")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardPhotos WHERE HazardId = {id} AND Purpose = 0")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '现场整改' AND By = 'hekou-grid' AND Note LIKE '网格员现场整改：已锯断倒伏树木%1 张整改照片%'")).Should().Be(1);
        (await HistoryAsync(app, id, "确认等级")).Should().Be(1, "the fix confirms the level as reported");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND Rectifier = 1 AND RectificationNote = '已锯断倒伏树木并清理路面'")).Should().Be(1);

        // The fix photo is served to those who may see the hazard.
        var photo = await CountAsync(app, $"SELECT Id AS Value FROM HazardPhotos WHERE HazardId = {id} AND Purpose = 1");
        (await (await app.AsAsync(Township)).GetAsync($"/grid/Hazards/Photo?id={photo}")).StatusCode.Should().Be(HttpStatusCode.OK);

        // A grid member cannot close it: the township re-inspects.
        (await StepAsync(app, GridMember, id, "Reinspect", query: "&pass=true")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Text(await (await app.AsAsync(Township)).GetStringAsync("/")).Should().Contain("复查").And.Contain("河口村倒伏树木");
        var closed = await StepAsync(app, Township, id, "Reinspect", query: "&pass=true");
        Text(await closed.Content.ReadAsStringAsync()).Should().Contain("复查合格，已销号");
        (await StateAsync(app, id)).Should().Be("Closed");
    }

    [Fact]
    public async Task The_township_fixes_it_itself_and_may_close_it_at_once()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var first = await ReportedHazardAsync(app, grid, "河口村破损护栏");
        var second = await ReportedHazardAsync(app, grid, "河口村积水路段");

        var closed = await FixAsync(app, Township, first, "已更换护栏", closeNow: true);
        Text(await closed.Content.ReadAsStringAsync()).Should().Contain("已现场整改并销号");
        (await StateAsync(app, first)).Should().Be("Closed");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {first} AND Action = '现场整改并销号' AND By = 'qingshan' AND Note LIKE '乡镇现场整改%乡镇当场复查销号'")).Should().Be(1);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%HazardClosed%'")).Should().Be(1);

        var awaiting = await FixAsync(app, Township, second, "已疏通排水");
        Text(await awaiting.Content.ReadAsStringAsync()).Should().Contain("已现场整改，待乡镇复查");
        (await StateAsync(app, second)).Should().Be("AwaitingReinspection");
    }

    [Fact]
    public async Task A_fix_without_saying_what_was_done_or_with_a_non_image_is_refused_beside_the_field_and_another_member_may_not_fix()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村电线");

        var empty = await FixAsync(app, GridMember, id, " ");
        var html = await empty.Content.ReadAsStringAsync();
        html.Should().Contain("data-valmsg-for=\"Input.FixNote\"");
        Text(html).Should().Contain("请填写现场整改情况");
        var fake = await FixAsync(app, GridMember, id, "已处理", photos: ("a.jpg", "<script>"u8.ToArray(), "image/jpeg"));
        var fakeHtml = await fake.Content.ReadAsStringAsync();
        fakeHtml.Should().Contain("data-valmsg-for=\"FixPhotos\"");
        Text(fakeHtml).Should().Contain("照片“a.jpg”不是 JPEG、PNG 或 WebP 图片");
        (await StateAsync(app, id)).Should().Be("Reported");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardPhotos WHERE HazardId = {id} AND Purpose = 1")).Should().Be(0);

        // A department may not fix a township's hazard on the spot (it holds no 上报 permission).
        (await FixAsync(app, Weather, id, "已处理")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StateAsync(app, id)).Should().Be("Reported");
    }

    [Fact]
    public async Task The_township_hands_it_to_the_village_records_the_completion_and_re_inspects()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村村道塌陷");
        var village = await VillageIdAsync(app, "河口村");

        var handed = await HandOverAsync(app, id, new Dictionary<string, string>
        {
            ["Input.HandTo"] = "Village",
            ["Input.VillageId"] = Invariant(village),
            ["Input.HandDeadline"] = Deadline(InChinaTime(TimeSpan.FromDays(5))),
        });
        var page = Text(await handed.Content.ReadAsStringAsync());
        page.Should().Contain("已交河口村整改").And.Contain("整改责任方 交村（社区）整改：河口村").And.Contain("整改中");
        (await StateAsync(app, id)).Should().Be("Rectifying");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND Rectifier = 2 AND ResponsibleName = '河口村' AND DepartmentId IS NULL AND DeadlineUtc IS NOT NULL")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '交村/业主整改' AND Note LIKE '交河口村整改，整改期限%'")).Should().Be(1);
        Text(await (await app.AsAsync(Township)).GetStringAsync("/grid/Ledger")).Should().Contain("河口村村道塌陷 整改中 河口村");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/")).Should().Contain("登记整改").And.Contain("河口村村道塌陷");

        // A department cannot submit it; the township records what the village did, then re-inspects.
        var noNote = await StepAsync(app, Township, id, "Completed");
        Text(await noNote.Content.ReadAsStringAsync()).Should().Contain("请填写整改情况");
        var completed = await StepAsync(app, Township, id, "Completed", new Dictionary<string, string> { ["Input.Note"] = "村委会已回填压实并设置警示牌" });
        Text(await completed.Content.ReadAsStringAsync()).Should().Contain("已登记整改完成，待复查");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/")).Should().NotContain("登记整改");
        (await StateAsync(app, id)).Should().Be("AwaitingReinspection");
        (await HistoryAsync(app, id, "登记整改完成")).Should().Be(1);
        var failed = await StepAsync(app, Township, id, "Reinspect", new Dictionary<string, string> { ["Input.Note"] = "警示牌不足" }, "&pass=false");
        Text(await failed.Content.ReadAsStringAsync()).Should().Contain("复查不合格，已退回整改");
        await StepAsync(app, Township, id, "Completed", new Dictionary<string, string> { ["Input.Note"] = "已补设警示牌" });
        Text(await (await StepAsync(app, Township, id, "Reinspect", query: "&pass=true")).Content.ReadAsStringAsync()).Should().Contain("复查合格，已销号");
        (await StateAsync(app, id)).Should().Be("Closed");
    }

    [Fact]
    public async Task The_township_hands_it_to_the_owner_with_a_valid_mobile_and_refuses_a_wrong_one_beside_the_field()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村砖厂窑口", category: "WorkSafety");

        var wrong = await HandOverAsync(app, id, new Dictionary<string, string>
        {
            ["Input.HandTo"] = "Owner",
            ["Input.OwnerName"] = "",
            ["Input.OwnerMobile"] = "1380000",
            ["Input.HandDeadline"] = Deadline(InChinaTime(TimeSpan.FromDays(5))),
        });
        var html = await wrong.Content.ReadAsStringAsync();
        html.Should().Contain("data-valmsg-for=\"Input.OwnerMobile\"").And.Contain("data-valmsg-for=\"Input.OwnerName\"");
        Text(html).Should().Contain("手机号应为 11 位数字，以 1 开头").And.Contain("请填写业主（企业或个人）名称");
        (await StateAsync(app, id)).Should().Be("Reported");
        (await HistoryAsync(app, id, "交村/业主整改")).Should().Be(0);

        var noChoice = await HandOverAsync(app, id, new Dictionary<string, string> { ["Input.HandDeadline"] = Deadline(InChinaTime(TimeSpan.FromDays(5))) });
        Text(await noChoice.Content.ReadAsStringAsync()).Should().Contain("请选择交村（社区）整改或交业主整改");

        var handed = await HandOverAsync(app, id, new Dictionary<string, string>
        {
            ["Input.HandTo"] = "Owner",
            ["Input.OwnerName"] = "河口红砖厂（张厂长）",
            ["Input.OwnerMobile"] = "13912345678",
            ["Input.HandDeadline"] = Deadline(InChinaTime(TimeSpan.FromDays(5))),
        });
        Text(await handed.Content.ReadAsStringAsync()).Should().Contain("已交河口红砖厂（张厂长）整改").And.Contain("交业主整改：河口红砖厂（张厂长） （13912345678）");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND Rectifier = 3 AND ResponsibleMobile = '13912345678'")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Note LIKE '交业主河口红砖厂（张厂长）（13912345678）整改%'")).Should().Be(1);
    }

    [Fact]
    public async Task A_major_hazard_is_neither_fixed_on_the_spot_nor_handed_to_the_village()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村大坝渗漏", level: "Major", category: "FloodDrought");
        (await (await app.AsAsync(Township)).GetStringAsync($"/grid/Hazards/Details?id={id}")).Should().NotContain("data-testid=\"fix-form\"").And.NotContain("data-testid=\"handover-form\"");

        Text(await (await FixAsync(app, Township, id, "已处理", closeNow: true)).Content.ReadAsStringAsync()).Should().Contain("重大隐患不能现场整改，须制定治理方案后交办责任部门");
        Text(await (await HandOverAsync(app, id, new Dictionary<string, string>
        {
            ["Input.HandTo"] = "Village",
            ["Input.VillageId"] = Invariant(await VillageIdAsync(app, "河口村")),
            ["Input.HandDeadline"] = Deadline(InChinaTime(TimeSpan.FromDays(5))),
        })).Content.ReadAsStringAsync()).Should().Contain("重大隐患不能交村或业主整改");
        (await StateAsync(app, id)).Should().Be("Reported");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id}")).Should().Be(1, "only the report");
    }

    [Fact]
    public async Task Skipped_steps_are_refused_with_the_workflow_message()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村旧水塔");

        // Completion before anything was handed over.
        var early = await StepAsync(app, Township, id, "Completed", new Dictionary<string, string> { ["Input.Note"] = "已完成" });
        Text(await early.Content.ReadAsStringAsync()).Should().Contain("当前状态为“已上报”，不能登记整改完成");
        (await StateAsync(app, id)).Should().Be("Reported");

        // Once assigned to a department it is no longer fixed on the spot, handed over, nor completed by the township.
        await AssignAsync(app, id, await DepartmentIdAsync(app, "气象局"), InChinaTime(TimeSpan.FromDays(5)));
        Text(await (await FixAsync(app, Township, id, "已处理")).Content.ReadAsStringAsync()).Should().Contain("当前状态为“已交办”，不能现场整改");
        Text(await (await HandOverAsync(app, id, new Dictionary<string, string>
        {
            ["Input.HandTo"] = "Village",
            ["Input.VillageId"] = Invariant(await VillageIdAsync(app, "河口村")),
            ["Input.HandDeadline"] = Deadline(InChinaTime(TimeSpan.FromDays(5))),
        })).Content.ReadAsStringAsync()).Should().Contain("当前状态为“已交办”，不能交村/业主整改");
        await StepAsync(app, Weather, id, "Start");
        Text(await (await StepAsync(app, Township, id, "Completed", new Dictionary<string, string> { ["Input.Note"] = "已完成" })).Content.ReadAsStringAsync())
            .Should().Contain("该隐患由责任部门整改，须由部门整改完成后申请复查");
        (await StateAsync(app, id)).Should().Be("Rectifying");
    }

    [Fact]
    public async Task A_hazard_with_the_village_past_its_deadline_is_marked_overdue_for_the_township_without_a_department_whistle()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村塌方土堆");
        await HandOverAsync(app, id, new Dictionary<string, string>
        {
            ["Input.HandTo"] = "Village",
            ["Input.VillageId"] = Invariant(await VillageIdAsync(app, "河口村")),
            ["Input.HandDeadline"] = Deadline(InChinaTime(TimeSpan.FromDays(1))),
        });
        (await StateAsync(app, id)).Should().Be("Rectifying");
        (await (await app.AsAsync(Township)).GetStringAsync($"/grid/Hazards/Details?id={id}")).Should().NotContain("data-testid=\"whistle-form\"", "there is no department to report in");

        Clock.Advance(TimeSpan.FromDays(2));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("grid:overdue-sweep");
        await Eventually.WaitAsync(() => CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND Overdue = 1"), n => n == 1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND AwaitingReportIn = 0")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '逾期' AND Note LIKE '%由乡镇督促河口村整改'")).Should().Be(1);
        (await app.NoticeCountAsync("grid.hazard-overdue")).Should().Be(0);
    }
}
