using System.Net;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>镇企联动协议: kept by the township, a validity that cannot end before it starts, and the township told once before it expires.</summary>
public sealed class AgreementTests : SupportTest
{
    private static Dictionary<string, string> Form(string township, string enterprise, string from, string to) => new()
    {
        ["Input.TownshipKey"] = township,
        ["Input.EnterpriseName"] = enterprise,
        ["Input.ContactName"] = "黄志强",
        ["Input.ContactMobile"] = "13907710606",
        ["Input.TownshipProvides"] = "通报汛情",
        ["Input.EnterpriseProvides"] = "专职救援队 20 人、挖掘机 2 台，每年参加联合演练 1 次",
        ["Input.ValidFrom"] = from,
        ["Input.ValidTo"] = to,
        ["Input.Status"] = "Active",
    };

    private static async Task<string> SaveAsync(TestApp app, string user, Dictionary<string, string> form) =>
        Text(await (await TestApp.PostFormAsync(await app.AsAsync(user), "/teams/Agreements/Edit", form)).Content.ReadAsStringAsync());

    private static void Trigger(TestApp app) => app.Services.GetRequiredService<IRecurringJobManager>().Trigger("teams:agreement-expiry");

    [Fact]
    public async Task An_agreement_ending_before_it_starts_is_refused_and_nothing_is_saved()
    {
        await using var app = await StartAsync();
        var text = await SaveAsync(app, Township, Form(await TownshipKeyAsync(app), "青山水泥有限公司", "2026-12-01", "2026-11-01"));
        text.Should().Contain("到期日期不能早于生效日期");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Agreements")).Should().Be(0);

        (await SaveAsync(app, Township, Form(await TownshipKeyAsync(app, "石门乡"), "越权企业", "2026-01-01", "2027-01-01"))).Should().Contain("请选择乡镇");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Agreements")).Should().Be(0, "a township keeps only its own agreements");
    }

    [Fact]
    public async Task The_township_is_told_once_before_an_agreement_expires_across_two_job_runs_and_has_it_to_do()
    {
        await using var app = await StartAsync();
        var township = await TownshipKeyAsync(app);
        (await SaveAsync(app, Township, Form(township, "青山水泥有限公司", "2025-12-10", "2026-12-10"))).Should().Contain("已保存镇企联动协议：青山水泥有限公司");
        (await SaveAsync(app, Township, Form(township, "青山县顺达运输有限公司", "2026-09-01", "2028-08-31"))).Should().Contain("已保存镇企联动协议：青山县顺达运输有限公司");

        var list = await (await app.AsAsync(Township)).GetStringAsync("/teams/Agreements");
        list.Should().Contain("data-due=\"true\"").And.Contain("data-due=\"false\"");
        Text(list).Should().Contain("即将到期");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/teams/Agreements?Expiring=true")).Should().Contain("共 1 份协议").And.Contain("青山水泥有限公司");

        Trigger(app);
        await Eventually.WaitAsync(() => app.NoticeCountAsync("teams.agreement-expiring"), n => n >= 1);
        Trigger(app);
        await Task.Delay(2500);
        (await app.NoticeCountAsync("teams.agreement-expiring")).Should().Be(1, "once per agreement");
        (await InboxAsync(app, Township, "镇企联动协议即将到期")).Should().Contain("镇企联动协议即将到期：青山水泥有限公司（2026-12-10 到期）");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/")).Should().Contain("与青山水泥有限公司的联动协议 2026-12-10 到期").And.NotContain("顺达运输");
        (await (await app.AsAsync(Weather)).GetAsync("/teams/Agreements/Edit?id=1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
