using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Grid;

/// <summary>A grid member's sign-in account is one of the village's real accounts, or opened in bulk by the township.</summary>
public sealed partial class GridAccountsTests : GridTest
{
    private static async Task<string> VillageCodeAsync(TestApp app, string name)
    {
        await using var platform = app.OpenPlatform();
        return await platform.Villages.Where(v => v.CountyCode == TestApp.County && v.Name == name).Select(v => v.Code).SingleAsync();
    }

    private static async Task<HttpResponseMessage> SaveMemberAsync(TestApp app, string name, string userName, int grid) =>
        await PostPairsAsync(await app.AsAsync(Township), "/grid/Members",
        [
            new("Input.Name", name),
            new("Input.Mobile", "13800002222"),
            new("Input.UserName", userName),
            new("Input.GridIds", Invariant(grid)),
        ]);

    private static Task<HttpResponseMessage> OpenAccountsAsync(HttpClient client, int village) =>
        TestApp.PostFormAsync(client, "/grid/Members/Accounts", new Dictionary<string, string> { ["VillageId"] = Invariant(village) });

    [Fact]
    public async Task The_account_is_chosen_from_the_village_accounts_and_one_of_another_village_or_a_typed_name_is_refused()
    {
        await using var app = await StartAsync();
        var hekou = await CreateGridAsync(app, "HK-01", "河口村第一村民小组");
        var liulin = await CreateGridAsync(app, "LL-01", "柳林村第一村民小组", village: "柳林村");
        var township = await app.AsAsync(Township);

        // The member form offers the village's real accounts in a select.
        var form = await township.GetStringAsync("/grid/Members");
        form.Should().Contain("<select").And.Contain("value=\"hekou-grid\"");

        // 柳林村 gets an account through the bulk page; it may not be linked to a member of 河口村.
        await CreateMemberAsync(app, "柳网格", null, liulin);
        var opened = Text(await (await OpenAccountsAsync(township, await VillageIdAsync(app, "柳林村"))).Content.ReadAsStringAsync());
        var liulinAccount = $"{await VillageCodeAsync(app, "柳林村")}-1";
        opened.Should().Contain(liulinAccount);

        var other = Text(await (await SaveMemberAsync(app, "李网格", liulinAccount, hekou)).Content.ReadAsStringAsync());
        other.Should().Contain("只能选择网格员所在村（社区）的账号");
        var typed = Text(await (await SaveMemberAsync(app, "李网格", "no-such-user", hekou)).Content.ReadAsStringAsync());
        typed.Should().Contain("只能选择网格员所在村（社区）的账号");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Members WHERE Name = '李网格'")).Should().Be(0, "nothing was written");

        var saved = Text(await (await SaveMemberAsync(app, "李网格", GridMember, hekou)).Content.ReadAsStringAsync());
        saved.Should().Contain("已保存网格员：李网格");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Members WHERE Name = '李网格' AND UserName = 'hekou-grid'")).Should().Be(1);

        // The account is one member's only.
        var twice = Text(await (await SaveMemberAsync(app, "张网格", GridMember, hekou)).Content.ReadAsStringAsync());
        twice.Should().Contain("该账号已关联其他网格员");
    }

    [Fact]
    public async Task The_township_opens_accounts_in_bulk_shows_the_one_time_passwords_once_and_the_new_account_signs_in()
    {
        await using var app = await StartAsync();
        var grid = await CreateGridAsync(app, "HK-01", "河口村第一村民小组");
        await CreateMemberAsync(app, "李网格", GridMember, grid);
        await CreateMemberAsync(app, "王网格", null, grid);
        await CreateMemberAsync(app, "赵网格", null, grid);
        var village = await VillageIdAsync(app, "河口村");
        var code = await VillageCodeAsync(app, "河口村");
        var township = await app.AsAsync(Township);

        // A grid member may not open accounts.
        (await (await app.AsAsync(GridMember)).GetAsync("/grid/Members/Accounts")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        Text(await township.GetStringAsync("/grid/Members/Accounts")).Should().Contain("河口村 3 2");
        var response = await OpenAccountsAsync(township, village);
        response.Headers.CacheControl!.NoStore.Should().BeTrue("the one-time passwords may not be kept by any cache");
        var html = await response.Content.ReadAsStringAsync();
        var passwords = OneTimePassword().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        passwords.Should().HaveCount(2);
        var page = Text(html);
        page.Should().Contain($"王网格 {code}-1").And.Contain($"赵网格 {code}-2").And.Contain("打印");
        html.Should().Contain("/_content/Grid/print.js");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Members WHERE UserName = '{code}-1' AND Name = '王网格'")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Members WHERE UserName = '{code}-2' AND Name = '赵网格'")).Should().Be(1);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM MemberHistory WHERE Action = '开通账号'")).Should().Be(2);

        // Shown once: neither the page again nor a second submission shows a password, and no account is opened twice.
        var again = await township.GetStringAsync("/grid/Members/Accounts");
        OneTimePassword().IsMatch(again).Should().BeFalse();
        Text(again).Should().Contain("河口村 3 0");
        var second = await OpenAccountsAsync(township, village);
        var secondHtml = await second.Content.ReadAsStringAsync();
        OneTimePassword().IsMatch(secondHtml).Should().BeFalse();
        Text(secondHtml).Should().Contain("该村（社区）的在岗网格员都已有账号，未开通新账号");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Members WHERE UserName LIKE '{code}-%'")).Should().Be(2);
        // The new account signs in with its one-time password and must change it first; it is a grid member of 河口村.
        using var phone = app.NewClient();
        var signIn = await TestApp.PostFormAsync(phone, "/Account/Login", new Dictionary<string, string> { ["UserName"] = $"{code}-1", ["Password"] = passwords[0] });
        signIn.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/Account/ChangePassword");
    }

    [GeneratedRegex("data-testid=\"one-time-password\">([^<]+)</code>")]
    private static partial Regex OneTimePassword();
}
