using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

public sealed class DrawTests : EnforcementTest
{
    [Fact]
    public async Task A_county_with_more_enterprises_than_one_SQL_statement_takes_parameters_still_draws()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var shimen = await TownshipIdAsync(app, "石门乡");
        await AddOfficerAsync(app, bureau, "李建平", "45099920001", Today.AddYears(-1), Today.AddYears(2));
        await AddOfficerAsync(app, bureau, "黄志强", "45099920002", Today.AddYears(-1), Today.AddYears(2));
        await AddOfficerAsync(app, bureau, "覃丽华", "45099920003", Today.AddYears(-1), Today.AddYears(2));

        // 33,000 enterprises under the bureau: more than SQLite's 32,766 parameters, were they passed as a list.
        await using (var store = app.OpenStore("enforcement"))
        {
            var connection = store.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 33000)
                INSERT INTO Targets (Name, CreditCode, Address, TownshipId, TownshipName, Industry, Risk, Standard, Credit, IsKey, CreatedBy, CreatedAtUtc)
                SELECT '石门乡企业' || i, printf('91450999%010d', i), '', {shimen}, '石门乡', '工贸', 2, 1, 1, 0, 'test', '2026-11-01 00:00:00' FROM n
                """;
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        var (id, text) = await DrawAsync(app, bureau, 10);
        text.Should().Contain("已完成双随机抽取：10 家企业");
        (await ScalarAsync(app, $"SELECT CandidateTargetIds AS Value FROM Draws WHERE Id = {id}")).Split(',').Should().HaveCount(33000);
        var (second, again) = await DrawAsync(app, bureau, 10);
        again.Should().Contain("已完成双随机抽取：10 家企业", "the second draw reads the first one's teams for the same candidates");
        (await TeamsAsync(app, second)).Should().HaveCount(10);
    }

    [Fact]
    public async Task An_officer_with_an_expired_certificate_and_an_auxiliary_are_never_drawn()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var shimen = await TownshipIdAsync(app, "石门乡");
        for (var i = 1; i <= 8; i++)
        {
            await AddTargetAsync(app, bureau, $"石门乡企业{i}", CodeNo(i), shimen);
        }

        var valid = new[]
        {
            await AddOfficerAsync(app, bureau, "李建平", "45099920001", Today.AddYears(-1), Today.AddYears(2)),
            await AddOfficerAsync(app, bureau, "黄志强", "45099920002", Today.AddYears(-1), Today.AddYears(2)),
            await AddOfficerAsync(app, bureau, "覃丽华", "45099920003", Today.AddYears(-1), Today),
        };
        var expired = await AddOfficerAsync(app, bureau, "潘国栋", "45099920005", Today.AddYears(-5), Today.AddDays(-1));
        var notYet = await AddOfficerAsync(app, bureau, "莫文军", "45099920006", Today.AddDays(1), Today.AddYears(5));
        var auxiliary = await AddOfficerAsync(app, bureau, "陆小梅", "", null, null, auxiliary: true);

        var officers = Text(await bureau.GetStringAsync("/enforcement/Officers"));
        officers.Should().Contain("潘国栋").And.Contain("执法证不在有效期").And.Contain("协管，不参与抽取");

        var (id, text) = await DrawAsync(app, bureau, 8);
        text.Should().Contain("已完成双随机抽取：8 家企业");
        var teams = await TeamsAsync(app, id);
        teams.Should().HaveCount(8);
        teams.Values.Should().OnlyContain(team => team.Length == 2 && team.Distinct().Count() == 2 && team.All(o => valid.Contains(o)));
        (await ScalarAsync(app, $"SELECT CandidateOfficerIds AS Value FROM Draws WHERE Id = {id}")).Split(',').Select(int.Parse).Should().BeEquivalentTo(valid);
        teams.Values.SelectMany(t => t).Should().NotContain([expired, notYet, auxiliary]);
    }

    [Fact]
    public async Task An_officer_is_never_drawn_for_an_enterprise_of_a_declared_conflict()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var shimen = await TownshipIdAsync(app, "石门乡");
        var target = await AddTargetAsync(app, bureau, "青山县龙潭砖厂", CodeNo(1), shimen, industry: "建材");
        var officers = new List<int>();
        foreach (var (name, number) in new[] { ("李建平", "1"), ("黄志强", "2"), ("覃丽华", "3"), ("莫文军", "4") })
        {
            officers.Add(await AddOfficerAsync(app, bureau, name, "4509992000" + number, Today.AddYears(-1), Today.AddYears(2)));
        }

        var conflicted = officers[1];
        var declared = await TestApp.PostFormAsync(bureau, $"/enforcement/Officers/Details?id={conflicted}&handler=Conflict", new Dictionary<string, string>
        {
            ["Conflict.CreditCode"] = CodeNo(1),
            ["Conflict.Reason"] = "配偶在该企业任安全管理人员",
        });
        Text(await declared.Content.ReadAsStringAsync()).Should().Contain("已登记回避：黄志强 与 青山县龙潭砖厂");
        var missing = await (await TestApp.PostFormAsync(bureau, $"/enforcement/Officers/Details?id={conflicted}&handler=Conflict", new Dictionary<string, string>
        {
            ["Conflict.CreditCode"] = CodeNo(1),
            ["Conflict.Reason"] = "",
        })).Content.ReadAsStringAsync();
        missing.Should().MatchRegex("data-valmsg-for=\"Conflict.Reason\"[^>]*>请填写回避事由");

        for (var round = 0; round < 6; round++)
        {
            var (id, text) = await DrawAsync(app, bureau, 1, industry: "建材");
            id.Should().NotBe(0, text);
            (await TeamsAsync(app, id))[target].Should().NotContain(conflicted, $"round {round}");
            (await ScalarAsync(app, $"SELECT Recusals AS Value FROM Draws WHERE Id = {id}")).Should().Be($"{conflicted}:{target}");
        }
    }

    [Fact]
    public async Task A_target_never_gets_the_same_pair_as_in_its_last_draw_and_a_draw_that_cannot_avoid_it_writes_nothing()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var shimen = await TownshipIdAsync(app, "石门乡");
        var target = await AddTargetAsync(app, bureau, "青山县石门石料厂", CodeNo(1), shimen, industry: "非煤矿山");
        for (var i = 1; i <= 3; i++)
        {
            await AddOfficerAsync(app, bureau, $"执法员{i}", $"4509992000{i}", Today.AddYears(-1), Today.AddYears(2));
        }

        int[]? previous = null;
        for (var round = 0; round < 8; round++)
        {
            var (id, text) = await DrawAsync(app, bureau, 1, industry: "非煤矿山");
            id.Should().NotBe(0, text);
            var team = (await TeamsAsync(app, id))[target];
            if (previous is not null)
            {
                team.Should().NotBeEquivalentTo(previous, $"round {round} must differ from the last draw's pair");
            }

            previous = team;
        }

        // Only two officers left for it: the pair of its last draw is all there is.
        await using (var db = app.OpenStore("enforcement"))
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Officers SET ValidTo = '2026-01-01' WHERE Id <> {previous![0]} AND Id <> {previous[1]}");
        }

        var draws = await CountAsync(app, "SELECT COUNT(*) AS Value FROM Draws");
        var (refused, refusal) = await DrawAsync(app, bureau, 1, industry: "非煤矿山");
        refused.Should().Be(0);
        refusal.Should().Contain("青山县石门石料厂：回避和轮换后，持有效执法证的执法人员不足 2 名");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Draws")).Should().Be(draws);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM DrawItems")).Should().Be(draws);
    }

    [Fact]
    public async Task Re_running_a_draw_from_its_record_gives_the_same_result_and_a_tampered_record_does_not()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var shimen = await TownshipIdAsync(app, "石门乡");
        for (var i = 1; i <= 6; i++)
        {
            await AddTargetAsync(app, bureau, $"石门乡企业{i}", CodeNo(i), shimen);
        }

        for (var i = 1; i <= 5; i++)
        {
            await AddOfficerAsync(app, bureau, $"执法员{i}", $"4509992000{i}", Today.AddYears(-1), Today.AddYears(2));
        }

        var (first, _) = await DrawAsync(app, bureau, 4);
        var (id, _) = await DrawAsync(app, bureau, 4);
        (await ScalarAsync(app, $"SELECT PreviousTeams AS Value FROM Draws WHERE Id = {id}")).Should().NotBeEmpty("the second draw records the first one's teams");
        (await ScalarAsync(app, $"SELECT Algorithm AS Value FROM Draws WHERE Id = {id}")).Should().Be("splitmix64-fisher-yates/1");
        var leader = await app.AsAsync(Leader);
        Text(await leader.GetStringAsync($"/enforcement/Draws/Details?id={id}&handler=Verify")).Should().Contain("一致").And.NotContain("不一致");
        Text(await bureau.GetStringAsync($"/enforcement/Draws/Details?id={first}&handler=Verify")).Should().NotContain("不一致");

        // Tamper: the first target's second officer swapped for a candidate who was not drawn for it.
        var candidates = (await ScalarAsync(app, $"SELECT CandidateOfficerIds AS Value FROM Draws WHERE Id = {id}")).Split(',').Select(int.Parse).ToList();
        var firstTeam = (await ScalarAsync(app, $"SELECT OfficerIds AS Value FROM DrawItems WHERE DrawId = {id} AND Position = 1")).Split(',').Select(int.Parse).ToList();
        var tampered = $"{firstTeam[0]},{candidates.First(c => !firstTeam.Contains(c))}";
        await using (var db = app.OpenStore("enforcement"))
        {
            await db.Database.ExecuteSqlAsync($"UPDATE DrawItems SET OfficerIds = {tampered} WHERE DrawId = {id} AND Position = 1");
        }

        Text(await bureau.GetStringAsync($"/enforcement/Draws/Details?id={id}&handler=Verify")).Should().Contain("不一致");

        await using (var db = app.OpenStore("enforcement"))
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Draws SET Seed = '0000000000000001' WHERE Id = {first}");
        }

        Text(await bureau.GetStringAsync($"/enforcement/Draws/Details?id={first}&handler=Verify")).Should().Contain("不一致");
    }

    [Fact]
    public async Task The_public_page_shows_the_draw_without_sign_in_and_nothing_but_names()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var shimen = await TownshipIdAsync(app, "石门乡");
        await AddTargetAsync(app, bureau, "青山县龙潭砖厂", CodeNo(1), shimen, mobile: "13912345678");
        await AddTargetAsync(app, bureau, "青山县石门石料厂", CodeNo(2), shimen, mobile: "13912345679");
        await AddOfficerAsync(app, bureau, "李建平", "45099920001", Today.AddYears(-1), Today.AddYears(2), mobile: "13700000001");
        await AddOfficerAsync(app, bureau, "黄志强", "45099920002", Today.AddYears(-1), Today.AddYears(2), mobile: "13700000002");
        await DrawAsync(app, bureau, 2);

        var anonymous = app.NewClient();
        var response = await anonymous.GetAsync($"/enforcement/Public/{TestApp.County}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.RequestMessage!.RequestUri!.AbsolutePath.Should().Be($"/enforcement/Public/{TestApp.County}", "no sign-in redirect");
        var html = await response.Content.ReadAsStringAsync();
        var text = Text(html);
        text.Should().Contain("双随机抽查结果公开").And.Contain("县应急管理局").And.Contain("青山县龙潭砖厂").And.Contain("青山县石门石料厂")
            .And.Contain("李建平").And.Contain("黄志强").And.Contain("2026-11-23");
        html.Should().NotContain(CodeNo(1)).And.NotContain(CodeNo(2)).And.NotContain("139123456").And.NotContain("1370000000").And.NotContain("45099920001");
        html.Should().NotContain("CandidateOfficerIds").And.NotContain("splitmix");

        (await anonymous.GetAsync("/enforcement/Public/999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/enforcement/Draws")).RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/Account/Login", "only the public page is open");
    }

    [Fact]
    public async Task A_township_draws_its_own_entrusted_targets_with_its_own_officers()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var entrusted = await AddTargetAsync(app, bureau, "青山镇河口竹木加工厂", CodeNo(1), qingshan, jurisdiction: "township");
        await AddTargetAsync(app, bureau, "青山县宏达化工有限公司", CodeNo(2), qingshan);
        await AddOfficerAsync(app, bureau, "李建平", "45099920001", Today.AddYears(-1), Today.AddYears(2));
        var township = await app.AsAsync(Township);
        var own = new[]
        {
            await AddOfficerAsync(app, township, "韦志刚", "45099930101", Today.AddYears(-1), Today.AddYears(2), unit: qingshan.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            await AddOfficerAsync(app, township, "蒙秀英", "45099930102", Today.AddYears(-1), Today.AddYears(2), unit: qingshan.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };

        var (refusedId, refused) = await DrawAsync(app, township, 2);
        refusedId.Should().Be(0);
        refused.Should().Contain("按所选条件只有 1 家企业可抽取");
        var (id, _) = await DrawAsync(app, township, 1);
        var teams = await TeamsAsync(app, id);
        teams.Keys.Should().Equal(entrusted);
        teams[entrusted].Should().BeEquivalentTo(own);
        (await ScalarAsync(app, $"SELECT UnitName AS Value FROM Draws WHERE Id = {id}")).Should().Be("青山镇");

        await using (var store = app.OpenStore("enforcement"))
        {
            var payloads = await store.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains("DrawCompleted")).Select(m => m.Payload).ToListAsync();
            payloads.Should().ContainSingle("the refused draw published nothing");
            var e = System.Text.Json.JsonDocument.Parse(payloads[0]).RootElement;
            e.GetProperty("drawId").GetInt32().Should().Be(id);
            e.GetProperty("townshipId").GetInt32().Should().Be(qingshan);
            e.GetProperty("unitName").GetString().Should().Be("青山镇");
            var target = e.GetProperty("targets")[0];
            target.GetProperty("targetName").GetString().Should().Be("青山镇河口竹木加工厂");
            target.GetProperty("officerIds").EnumerateArray().Select(o => o.GetInt32()).Should().BeEquivalentTo(own);
        }

        (await (await app.AsAsync(Leader)).GetAsync("/enforcement/Draws/Create")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
