using Autofac;
using Emergency.Host.Access;
using Emergency.Host.Platform.Data;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Emergency.Host.Tests.Teams;

/// <summary>Base for the 一张网 and 镇企联动协议 tests: more township accounts, requests and steps through the pages.</summary>
public abstract class SupportTest : StockTest
{
    /// <summary>石门乡应急办 (a second township, created by <see cref="AccountAsync"/>).</summary>
    internal const string Shimen = "shimen";

    /// <summary>城关街道应急办: a township not involved.</summary>
    internal const string Chengguan = "chengguan";

    /// <summary>Creates a township user for the named township.</summary>
    internal static async Task AccountAsync(TestApp app, string userName, string township)
    {
        int id;
        await using (var platform = app.OpenPlatform())
        {
            id = await platform.Townships.Where(t => t.CountyCode == TestApp.County && t.Name == township).Select(t => t.Id).SingleAsync();
        }

        await using var scope = app.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope();
        var accounts = scope.Resolve<AccountService>();
        (await accounts.CreateAsync(new NewAccount(userName, township + "应急办", Roles.TownshipUser, TestApp.County, null, id, null, userName + "@qingshan.example.cn", TestApp.Password), CancellationToken.None))
            .Succeeded.Should().BeTrue();
    }

    /// <summary>Asks for supplies as 青山镇 and returns the request's id.</summary>
    internal static async Task<int> AskSuppliesAsync(TestApp app, int kind, int quantity, int receivingSite)
    {
        var response = await TestApp.PostFormAsync(await app.AsAsync(Township), "/teams/Support/New", new Dictionary<string, string>
        {
            ["Input.Need"] = "Supplies",
            ["Input.SupplyKindId"] = Invariant(kind),
            ["Input.Quantity"] = Invariant(quantity),
            ["Input.TeamNeed"] = "",
            ["Input.ReceivingSiteId"] = Invariant(receivingSite),
            ["Input.NeededBy"] = "2026-11-23T18:00",
            ["Input.Place"] = "河口村小学临时安置点",
            ["Input.Reason"] = "山洪转移安置群众 120 人",
        });
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已提交支援申请");
        return await CountAsync(app, "teams", "SELECT MAX(Id) AS Value FROM SupportRequests");
    }

    /// <summary>Asks for rescuers as 青山镇 and returns the request's id.</summary>
    internal static async Task<int> AskRescuersAsync(TestApp app, int people)
    {
        var response = await TestApp.PostFormAsync(await app.AsAsync(Township), "/teams/Support/New", new Dictionary<string, string>
        {
            ["Input.Need"] = "Rescuers",
            ["Input.SupplyKindId"] = "",
            ["Input.Quantity"] = Invariant(people),
            ["Input.TeamNeed"] = "水上救援",
            ["Input.ReceivingSiteId"] = "",
            ["Input.NeededBy"] = "2026-11-23T16:30",
            ["Input.Place"] = "青山镇河口村渡口",
            ["Input.Reason"] = "河水暴涨，群众被困",
        });
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已提交支援申请");
        return await CountAsync(app, "teams", "SELECT MAX(Id) AS Value FROM SupportRequests");
    }

    /// <summary>Posts a step (Assign, Confirm, Decline, Close) on the request's page and returns the response and the page's text.</summary>
    internal static async Task<(HttpResponseMessage Response, string Text)> StepAsync(TestApp app, string user, int request, string handler, string note = "", string supplier = "")
    {
        var response = await TestApp.PostFormAsync(await app.AsAsync(user), $"/teams/Support/Details?id={request}&handler={handler}", new Dictionary<string, string>
        {
            ["SupplierKey"] = supplier,
            ["Note"] = note,
        }, tokenFrom: "/Account/ChangePassword");
        return (response, Text(await response.Content.ReadAsStringAsync()));
    }

    internal static Task<int> StatusAsync(TestApp app, int request) =>
        CountAsync(app, "teams", $"SELECT Status AS Value FROM SupportRequests WHERE Id = {request}");

    internal static Task<int> StepsAsync(TestApp app, int request) =>
        CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM SupportSteps WHERE RequestId = {request}");

    /// <summary>Waits until the user's 通知 page shows the text.</summary>
    internal static async Task<string> InboxAsync(TestApp app, string user, string text) =>
        await Eventually.WaitAsync(async () => Text(await (await app.AsAsync(user)).GetStringAsync("/Notices")), t => t.Contains(text, StringComparison.Ordinal));
}
