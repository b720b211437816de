using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>撤回: the requesting township withdraws a request not yet confirmed, with a reason; the assigned supplier is told.</summary>
public sealed class SupportCancelTests : SupportTest
{
    [Fact]
    public async Task The_township_withdraws_an_assigned_request_with_a_reason_and_the_assignee_is_told()
    {
        await using var app = await StartAsync();
        await AccountAsync(app, Shimen, "石门乡");
        var request = await AskRescuersAsync(app, 12);
        var team = await RegisterAsync(app, Bureau, "Township", await TownshipKeyAsync(app, "石门乡"), "石门乡应急救援队");
        (await StepAsync(app, Bureau, request, "Assign", supplier: $"team:{team}")).Text.Should().Contain("已指派支援单位");

        (await StepAsync(app, Township, request, "Cancel")).Text.Should().Contain("请填写撤回的原因");
        (await StatusAsync(app, request)).Should().Be(1, "nothing changes without a reason");
        (await StepAsync(app, Shimen, request, "Cancel", note: "不是我的")).Response.StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden, "only the requester withdraws");

        (await StepAsync(app, Township, request, "Cancel", note: "水位已回落，群众已自行脱困")).Text.Should().Contain("已撤回支援申请").And.Contain("已撤回");
        (await StatusAsync(app, request)).Should().Be(4);
        (await InboxAsync(app, Shimen, "撤回了支援申请")).Should().Contain($"青山镇撤回了支援申请（第 {request} 号）");
        (await StepAsync(app, Shimen, request, "Confirm")).Text.Should().Contain("该申请当前已撤回，不能确认支援");
        (await StepAsync(app, Township, request, "Cancel", note: "再撤一次")).Text.Should().Contain("该申请当前已撤回，不能撤回申请");
    }
}

/// <summary>The support list exported to Excel: the rows of the user's view and filter.</summary>
public sealed class SupportExportTests : SupportTest
{
    [Fact]
    public async Task The_export_has_the_requests_the_user_sees_with_their_state()
    {
        await using var app = await StartAsync();
        await AccountAsync(app, Shimen, "石门乡");
        var request = await AskRescuersAsync(app, 12);

        var response = await (await app.AsAsync(Bureau)).GetAsync("/teams/Support?handler=Export");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var book = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync()))
        {
            var sheet = book.Worksheet(1);
            sheet.Cell(1, 1).GetString().Should().Be("编号");
            sheet.RowsUsed().Count().Should().Be(2);
            sheet.Cell(2, 1).GetValue<int>().Should().Be(request);
            sheet.Cell(2, 2).GetString().Should().Be("青山镇");
            sheet.Cell(2, 4).GetString().Should().Be("水上救援 12 人");
            sheet.Cell(2, 9).GetString().Should().Be("待县应急局指派");
        }

        var shimen = await (await app.AsAsync(Shimen)).GetAsync("/teams/Support?handler=Export");
        using var empty = new ClosedXML.Excel.XLWorkbook(await shimen.Content.ReadAsStreamAsync());
        empty.Worksheet(1).RowsUsed().Count().Should().Be(1, "石门乡 neither asked nor supplies it");
    }
}

/// <summary>代为申请: the county bureau enters a request on a township's behalf, recorded as such.</summary>
public sealed class SupportOnBehalfTests : SupportTest
{
    private static Dictionary<string, string> Rescuers() => new()
    {
        ["Input.Need"] = "Rescuers",
        ["Input.SupplyKindId"] = "",
        ["Input.Quantity"] = "8",
        ["Input.TeamNeed"] = "山地救援",
        ["Input.ReceivingSiteId"] = "",
        ["Input.NeededBy"] = "2026-11-23T16:30",
        ["Input.Place"] = "青山镇松岭村后山",
        ["Input.Reason"] = "镇应急办电话报告：2 名村民上山采药未归",
    };

    [Fact]
    public async Task The_bureau_asks_for_a_township_recorded_as_on_its_behalf_and_may_withdraw_it()
    {
        await using var app = await StartAsync();
        var township = (await TownshipKeyAsync(app))["township:".Length..];
        var bureau = await app.AsAsync(Bureau);

        Text(await (await TestApp.PostFormAsync(bureau, "/teams/Support/New", Rescuers())).Content.ReadAsStringAsync()).Should().Contain("请选择代为申请的乡镇");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM SupportRequests")).Should().Be(0);

        Text(await (await TestApp.PostFormAsync(bureau, $"/teams/Support/New?township={township}", Rescuers())).Content.ReadAsStringAsync())
            .Should().Contain("已代青山镇提交支援申请").And.Contain("县应急管理局代青山镇申请：山地救援 8 人");
        var request = await CountAsync(app, "teams", "SELECT MAX(Id) AS Value FROM SupportRequests");
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM SupportRequests WHERE Id = {request} AND OnBehalf = 1 AND TownshipId = {township} AND CreatedBy = 'yjj'")).Should().Be(1);
        Text(await (await app.AsAsync(Township)).GetStringAsync($"/teams/Support/Details?id={request}")).Should().Contain("县应急管理局代青山镇申请");
        (await (await app.AsAsync(Leader)).GetAsync($"/teams/Support/New?township={township}")).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);

        (await StepAsync(app, Bureau, request, "Cancel", note: "村民已自行返回")).Text.Should().Contain("已撤回支援申请");
        (await StatusAsync(app, request)).Should().Be(4);
    }
}
