using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests;

public sealed partial class AuditTests : PlatformTest
{
    /// <summary>The rows of the audit table as "user|module|entity|action|outcome".</summary>
    private static List<string> Rows(string html) =>
        RowPattern().Matches(html)
            .Select(m => CellPattern().Matches(m.Groups[1].Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value.Trim())).ToArray())
            .Select(cells => string.Join('|', cells[1], cells[3], cells[4], cells[5], cells[6]))
            .ToList();

    [Fact]
    public async Task The_auditor_sees_a_sign_in_and_a_settings_change_with_who_action_and_outcome()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync("county-admin");
        await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string> { ["experts.recommendations-per-unit"] = "5" });
        using (var stranger = app.NewClient())
        {
            await TestApp.PostFormAsync(stranger, "/Account/Login", new Dictionary<string, string> { ["UserName"] = "county-admin", ["Password"] = "wrong-Password-1" });
        }

        var auditor = await app.AsAsync("auditor");
        var html = await auditor.GetStringAsync("/Audit");
        var rows = Rows(html);

        rows.Should().Contain("county-admin|platform|账号 #county-admin|登录|成功");
        rows.Should().Contain("county-admin|platform|账号 #county-admin|登录|失败");
        rows.Should().Contain(r => r.StartsWith("county-admin|platform|CountySetting #450999/experts.recommendations-per-unit|新增|成功", StringComparison.Ordinal));
        html.Should().Contain("Value=5");

        // Newest first: the failed sign-in came after the settings change.
        rows.FindIndex(r => r.EndsWith("登录|失败", StringComparison.Ordinal))
            .Should().BeLessThan(rows.FindIndex(r => r.Contains("CountySetting", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_audit_log_is_searched_by_user_action_outcome_county_and_China_time()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync("county-admin");
        await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string> { ["experts.term-years"] = "4" });
        var auditor = await app.AsAsync("auditor");

        var changes = Rows(await auditor.GetStringAsync("/Audit?user=county-admin&act=新增&outcome=成功&county=450999"));
        changes.Should().ContainSingle().Which.Should().StartWith("county-admin|platform|CountySetting");

        // The test clock is 2026-11-23 02:00 UTC: 10:00 in China.
        (await auditor.GetStringAsync("/Audit")).Should().Contain("2026-11-23 10:00");
        Rows(await auditor.GetStringAsync("/Audit?from=2026-11-23T10:00&to=2026-11-23T10:00&user=county-admin")).Should().NotBeEmpty();
        Rows(await auditor.GetStringAsync("/Audit?from=2026-11-23T10:01&user=county-admin")).Should().BeEmpty();
        Rows(await auditor.GetStringAsync("/Audit?to=2026-11-23T09:59&user=county-admin")).Should().BeEmpty();

        var wrong = await auditor.GetStringAsync("/Audit?from=2026-11-24T00:00&to=2026-11-23T00:00");
        wrong.Should().Contain("结束时间不能早于开始时间");
        wrong.Should().NotMatchRegex("<form method=\"post\"(?! action=\"/Account/Logout\")", "the audit log has no way to change an entry");
    }

    [Fact]
    public async Task Only_the_audit_admin_opens_the_audit_log()
    {
        await using var app = await StartAsync();
        foreach (var user in new[] { "admin", "security", "county-admin", "leader", Clerk })
        {
            (await (await app.AsAsync(user)).GetAsync("/Audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden, user);
        }

        (await (await app.AsAsync("auditor")).GetAsync("/Audit")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [GeneratedRegex("<tr data-testid=\"audit-row\"[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
