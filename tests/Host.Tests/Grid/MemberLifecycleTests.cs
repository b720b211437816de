using System.Net;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Grid;

/// <summary>Grid members are deactivated and re-activated with their history kept; stations and their staff are edited.</summary>
public sealed class MemberLifecycleTests : GridTest
{
    private static Task<HttpResponseMessage> MemberStepAsync(HttpClient client, int member, string handler, string reason) =>
        TestApp.PostFormAsync(client, $"/grid/Members/Details?id={member}&handler={handler}", new Dictionary<string, string> { ["Reason"] = reason },
            tokenFrom: "/Account/ChangePassword");

    [Fact]
    public async Task A_deactivated_member_cannot_report_nor_is_on_the_card_and_is_reactivated_with_the_history_kept()
    {
        await using var app = await StartAsync();
        var (covered, _) = await SetUpGridsAsync(app);
        var member = await CountAsync(app, "SELECT Id AS Value FROM Members WHERE Name = '李网格'");
        var township = await app.AsAsync(Township);

        var noReason = Text(await (await MemberStepAsync(township, member, "Deactivate", " ")).Content.ReadAsStringAsync());
        noReason.Should().Contain("请填写停用原因");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Members WHERE Id = {member} AND Active = 1")).Should().Be(1);

        // A grid member may not deactivate anyone (the township manages members).
        (await MemberStepAsync(await app.AsAsync(GridMember), member, "Deactivate", "自己停用")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var deactivated = Text(await (await MemberStepAsync(township, member, "Deactivate", "调离本村")).Content.ReadAsStringAsync());
        deactivated.Should().Contain("已停用网格员：李网格").And.Contain("已停用");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Members WHERE Id = {member} AND Active = 0")).Should().Be(1, "the record stays, deactivated");
        Text(await township.GetStringAsync("/grid/Members")).Should().Contain("李网格 已停用");

        // No longer reports hazards, nor is on the 明白卡.
        var phone = await app.AsAsync(GridMember);
        Text(await phone.GetStringAsync("/grid/Hazards/Report")).Should().Contain("您的账号还没有关联网格员或负责的网格");
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(Token(await phone.GetStringAsync("/Account/ChangePassword"))), "__RequestVerificationToken" },
            { new StringContent(Invariant(covered)), "Input.GridId" },
            { new StringContent("FlashFlood"), "Input.Category" },
            { new StringContent("General"), "Input.Level" },
            { new StringContent("河道淤塞"), "Input.Description" },
            { new StringContent("河口村三组河堤"), "Input.Place" },
        })
        {
            var refused = Text(await (await phone.PostAsync("/grid/Hazards/Report", form)).Content.ReadAsStringAsync());
            refused.Should().Contain("您的账号还没有关联网格员或负责的网格").And.NotContain("已上报隐患");
        }

        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Hazards")).Should().Be(0);
        Text(await township.GetStringAsync($"/grid/Cards?id={covered}")).Should().NotContain("李网格");

        var twice = Text(await (await MemberStepAsync(township, member, "Deactivate", "再次停用")).Content.ReadAsStringAsync());
        twice.Should().Contain("该网格员已停用");

        var reactivated = Text(await (await MemberStepAsync(township, member, "Reactivate", "返岗")).Content.ReadAsStringAsync());
        reactivated.Should().Contain("已启用网格员：李网格").And.Contain("在岗");
        Text(await township.GetStringAsync($"/grid/Cards?id={covered}")).Should().Contain("李网格");
        await ReportedHazardAsync(app, covered, "河口村三组河堤");

        // The history: who, when, what and why, in order.
        var history = Text(await township.GetStringAsync($"/grid/Members/Details?id={member}"));
        history.Should().Contain("2026-11-23 10:00 qingshan 新增 关联账号 hekou-grid")
            .And.Contain("qingshan 停用 调离本村")
            .And.Contain("qingshan 启用 返岗");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM MemberHistory WHERE MemberId = {member}")).Should().Be(3, "the refused steps left no line");
    }

    [Fact]
    public async Task A_member_of_another_township_is_not_found()
    {
        await using var app = await StartAsync();
        await SetUpGridsAsync(app);
        var member = await CountAsync(app, "SELECT Id AS Value FROM Members WHERE Name = '李网格'");
        // Moved to another township (as if kept by its own township): qingshan no longer sees it.
        await using (var db = app.OpenStore("grid"))
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlAsync(db.Database, $"UPDATE Members SET TownshipId = 999999, VillageId = 999999 WHERE Id = {member}");
        }

        (await (await app.AsAsync(Township)).GetAsync($"/grid/Members/Details?id={member}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await MemberStepAsync(await app.AsAsync(Township), member, "Deactivate", "调离")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_station_is_edited_with_its_staff_list_and_keeps_at_least_one_person()
    {
        await using var app = await StartAsync();
        var township = await app.AsAsync(Township);
        var created = await TestApp.PostFormAsync(township, "/grid/Stations?handler=Station", new Dictionary<string, string>
        {
            ["Input.VillageId"] = Invariant(await VillageIdAsync(app, "河口村")),
            ["Input.Name"] = "河口村应急服务站",
            ["Input.Address"] = "河口村委会",
            ["Input.Phone"] = "0771-1234567",
            ["Input.StaffName"] = "王站长",
            ["Input.StaffMobile"] = "13900001111",
        }, tokenFrom: "/grid/Stations");
        Text(await created.Content.ReadAsStringAsync()).Should().Contain("已设立应急服务站：河口村应急服务站");
        var station = await CountAsync(app, "SELECT Id AS Value FROM Stations");
        var head = await CountAsync(app, "SELECT Id AS Value FROM StationStaff");

        var form = Text(await township.GetStringAsync($"/grid/Stations?edit={station}"));
        form.Should().Contain("修改应急服务站");

        var edited = await TestApp.PostFormAsync(township, "/grid/Stations?handler=Edit", new Dictionary<string, string>
        {
            ["Edit.Id"] = Invariant(station),
            ["Edit.Name"] = "河口村应急服务站（新址）",
            ["Edit.Address"] = "河口村文化室",
            ["Edit.Phone"] = "0771-7654321",
            ["Edit.Staff[0].Id"] = Invariant(head),
            ["Edit.Staff[0].Name"] = "王站长",
            ["Edit.Staff[0].Mobile"] = "13900002222",
            ["Edit.Staff[0].Post"] = "站长",
            ["Edit.Staff[1].Name"] = "赵应急",
            ["Edit.Staff[1].Mobile"] = "13900003333",
            ["Edit.Staff[1].Post"] = "应急管理员",
        }, tokenFrom: "/grid/Stations");
        var page = Text(await edited.Content.ReadAsStringAsync());
        page.Should().Contain("已保存应急服务站：河口村应急服务站（新址）")
            .And.Contain("河口村文化室 0771-7654321")
            .And.Contain("王站长（站长）13900002222")
            .And.Contain("赵应急（应急管理员）13900003333");

        var bad = await TestApp.PostFormAsync(township, "/grid/Stations?handler=Edit", new Dictionary<string, string>
        {
            ["Edit.Id"] = Invariant(station),
            ["Edit.Name"] = "河口村应急服务站",
            ["Edit.Staff[0].Id"] = Invariant(head),
            ["Edit.Staff[0].Name"] = "王站长",
            ["Edit.Staff[0].Mobile"] = "139",
        }, tokenFrom: "/grid/Stations");
        Text(await bad.Content.ReadAsStringAsync()).Should().Contain("手机号应为 11 位数字");

        var none = await TestApp.PostFormAsync(township, "/grid/Stations?handler=Edit", new Dictionary<string, string>
        {
            ["Edit.Id"] = Invariant(station),
            ["Edit.Name"] = "河口村应急服务站",
            ["Edit.Staff[0].Id"] = Invariant(head),
            ["Edit.Staff[0].Name"] = "王站长",
            ["Edit.Staff[0].Mobile"] = "13900002222",
            ["Edit.Staff[0].Remove"] = "true",
            ["Edit.Staff[1].Id"] = Invariant(head + 1),
            ["Edit.Staff[1].Name"] = "赵应急",
            ["Edit.Staff[1].Mobile"] = "13900003333",
            ["Edit.Staff[1].Remove"] = "true",
        }, tokenFrom: "/grid/Stations");
        Text(await none.Content.ReadAsStringAsync()).Should().Contain("服务站至少要有 1 名工作人员");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM StationStaff")).Should().Be(2, "nothing was half-written");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Stations WHERE Name = '河口村应急服务站（新址）'")).Should().Be(1);

        var removed = await TestApp.PostFormAsync(township, "/grid/Stations?handler=Edit", new Dictionary<string, string>
        {
            ["Edit.Id"] = Invariant(station),
            ["Edit.Name"] = "河口村应急服务站",
            ["Edit.Staff[0].Id"] = Invariant(head),
            ["Edit.Staff[0].Name"] = "王站长",
            ["Edit.Staff[0].Mobile"] = "13900002222",
            ["Edit.Staff[0].Remove"] = "true",
            ["Edit.Staff[1].Id"] = Invariant(head + 1),
            ["Edit.Staff[1].Name"] = "赵应急",
            ["Edit.Staff[1].Mobile"] = "13900003333",
            ["Edit.Staff[1].Post"] = "站长",
        }, tokenFrom: "/grid/Stations");
        Text(await removed.Content.ReadAsStringAsync()).Should().Contain("赵应急（站长）").And.NotContain("王站长");

        (await TestApp.PostFormAsync(await app.AsAsync(GridMember), "/grid/Stations?handler=Edit", new Dictionary<string, string> { ["Edit.Id"] = Invariant(station), ["Edit.Name"] = "改名" }, tokenFrom: "/Account/ChangePassword"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
