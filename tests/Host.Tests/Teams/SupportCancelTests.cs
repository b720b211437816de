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
