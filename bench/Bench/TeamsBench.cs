using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Bench;

/// <summary>
/// Issue #11: a county with 500 teams, 20,000 members, 2,000 storage sites, 200,000 stock rows and 5,000,000
/// movements (bulk SQL load, each row's quantity equal to the sum of its movements): the stock ledger page (filter
/// plus one page of 20) p95 at a fixed rate and its throughput against the bare one-row endpoint in the same run;
/// then 8 keepers recording 入库/出库 at once through the site page: movements/s, errors, and the ledger still
/// equal to the sum of its movements. Aims: p95 ≤ 30 ms, ratio ≥ 0.25. <c>--scale 0.01</c> shrinks the data.
/// </summary>
internal static partial class TeamsBench
{
    private const int KindsPerSite = 100;
    private const int MovementsPerStock = 25;

    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host, Options options)
    {
        var sites = Math.Max(20, (int)(2_000 * options.Scale));
        var teams = Math.Max(10, (int)(500 * options.Scale));
        var lines = new List<string>();
        var townships = await host.Services.GetRequiredService<ICountyUnits>().TownshipsAsync(BenchHost.County);
        var county = await host.SignInAsync("yjj");
        // The first look at 装备物资 seeds the county's catalogue; the bench adds kinds up to 100.
        (await county.GetAsync("/teams/Stock")).EnsureSuccessStatusCode();
        var seeding = Stopwatch.StartNew();
        var movements = await SeedAsync(host, townships, teams, sites);
        host.NoteBulkLoad();
        lines.Add(FormattableString.Invariant(
            $"Seeded {teams:N0} teams, {teams * 40:N0} members, {sites:N0} sites, {sites * KindsPerSite:N0} stock rows and {movements:N0} movements in {seeding.Elapsed.TotalSeconds:0.0} s"));

        var township = townships[1].Id;
        string[] ledger =
        [
            "/teams/Stock",
            FormattableString.Invariant($"/teams/Stock?Township={township}"),
            "/teams/Stock?Category=FloodDrought&p=30",
            "/teams/Stock?Below=true",
            FormattableString.Invariant($"/teams/Stock?Township={township}&Expiring=true"),
            FormattableString.Invariant($"/teams/Stock?Site={1 + sites / 2}"),
        ];
        string Ledger(int i) => ledger[i % ledger.Length];
        var stockRows = sites * KindsPerSite;
        string OneRow(int i) => "/bench/one-row/teams/Stock/" + (1 + ((long)i * 7919 % stockRows)).ToString(CultureInfo.InvariantCulture);

        await Load.WarmAsync(county, Ledger, 60);
        await Load.WarmAsync(county, OneRow, 60);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var page = await Load.FixedRateAsync("stock ledger page", county, Ledger, options.Rate, duration);
        var bare = await Load.FixedRateAsync("bare one-row endpoint", county, OneRow, options.Rate, duration);
        lines.Add(page.ToString());
        lines.Add(bare.ToString());
        foreach (var rate in options.Rates.Skip(1))
        {
            var high = await Load.FixedRateAsync("stock ledger page", county, Ledger, rate, duration);
            lines.Add(high.ToString());
            lines.Add((await Load.FixedRateAsync("bare one-row endpoint", county, OneRow, rate, duration)).ToString());
            lines.Add(FormattableString.Invariant($"Ledger p95 at {rate:0}/s target 30 ms: {(high.P95 <= 30 ? "met" : "NOT met")} ({high.P95:0.0} ms)"));
        }

        var pageThroughput = await Load.ThroughputAsync("stock ledger page", county, Ledger, options.Concurrency, duration);
        var bareThroughput = await Load.ThroughputAsync("bare one-row endpoint", county, OneRow, options.Concurrency, duration);
        lines.Add(pageThroughput.ToString());
        lines.Add(bareThroughput.ToString());
        lines.Add(FormattableString.Invariant($"Ledger throughput / bare throughput = {pageThroughput.PerSecond / bareThroughput.PerSecond:0.00} (target ≥ 0.25)"));
        lines.Add(FormattableString.Invariant($"Ledger p95 target 30 ms: {(page.P95 <= 30 ? "met" : "NOT met")} ({page.P95:0.0} ms)"));

        lines.AddRange(await WritersAsync(host, sites, duration));
        return lines;
    }

    /// <summary>Eight keepers, each its own session, alternating 入库 and 出库 of one item at sites of their own.</summary>
    private static async Task<IReadOnlyList<string>> WritersAsync(BenchHost host, int sites, TimeSpan duration)
    {
        const int writers = 8;
        int[] kinds;
        await using (var db = host.OpenStore("teams"))
        {
            kinds = (await db.Database.SqlQueryRaw<int>("SELECT Id AS Value FROM SupplyKinds ORDER BY Id LIMIT 10").ToListAsync()).ToArray();
        }

        var keepers = new List<(HttpClient Client, string Token, int Site)>();
        for (var w = 0; w < writers; w++)
        {
            var keeper = await host.SignInAsync("yjj");
            var site = 1 + (w * 97 % sites);
            var form = await keeper.GetStringAsync(FormattableString.Invariant($"/teams/Stock/Site?id={site}"));
            keepers.Add((keeper, Token().Match(form).Groups[1].Value, site));
        }

        var saved = 0;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var tasks = keepers.Select((keeper, w) => Task.Run(async () =>
        {
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                using var content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = keeper.Token,
                    ["Input.KindId"] = kinds[i / 2 % kinds.Length].ToString(CultureInfo.InvariantCulture),
                    ["Input.Quantity"] = "1",
                    ["Input.Party"] = "压测保管员" + w.ToString(CultureInfo.InvariantCulture),
                    ["Input.Note"] = "",
                    ["Input.ToSiteId"] = "",
                });
                var handler = i % 2 == 0 ? "In" : "Out";
                using var response = await keeper.Client.PostAsync(FormattableString.Invariant($"/teams/Stock/Site?id={keeper.Site}&handler={handler}"), content);
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && body.Contains("已保存", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref saved);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToList();
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        keepers.ForEach(k => k.Client.Dispose());

        long mismatched;
        await using (var db = host.OpenStore("teams"))
        {
            mismatched = (await db.Database.SqlQueryRaw<long>("""
                SELECT COUNT(*) AS Value FROM Stock s
                WHERE s.Quantity <> (SELECT COALESCE(SUM(m.Quantity), 0) FROM StockMovements m WHERE m.StockId = s.Id)
                  AND s.SiteId IN (SELECT DISTINCT SiteId FROM StockMovements WHERE By <> 'bench')
                """).ToListAsync()).Single();
        }

        return
        [
            FormattableString.Invariant($"8 concurrent keepers (入库/出库 of 1 through the site page): {saved:N0} movements in {seconds:0.0} s = {saved / seconds:0.0} movements/s, errors {errors}"),
            FormattableString.Invariant($"Stock rows at the keepers' sites whose quantity differs from the sum of their movements: {mismatched}"),
        ];
    }

    /// <summary>Teams with 40 members each; sites across the townships, each holding 100 kinds; 25 movements per stock row.</summary>
    private static async Task<long> SeedAsync(BenchHost host, IReadOnlyList<UnitInfo> townships, int teams, int sites)
    {
        await using var db = host.OpenStore("teams");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var random = new Random(20261206);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        long movements = 0;
        await using var transaction = await connection.BeginTransactionAsync();

        await using (var kind = connection.CreateCommand())
        {
            kind.Transaction = transaction;
            kind.CommandText = "INSERT INTO SupplyKinds (Category, Name, Unit, CreatedAtUtc) VALUES ($c, $n, '件', $at)";
            var kp = ExpertsBench.Parameters(kind, "$c", "$n", "$at");
            await using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = "SELECT COUNT(*) FROM SupplyKinds";
            var have = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            for (var k = have; k < KindsPerSite; k++)
            {
                kp["$c"].Value = k % 6;
                kp["$n"].Value = "压测物资" + k.ToString(CultureInfo.InvariantCulture);
                kp["$at"].Value = now;
                await kind.ExecuteNonQueryAsync();
            }
        }

        int[] kindIds;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT Id FROM SupplyKinds ORDER BY Id LIMIT " + KindsPerSite.ToString(CultureInfo.InvariantCulture);
            var ids = new List<int>();
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt32(0));
            }

            kindIds = ids.ToArray();
        }

        await using (var team = connection.CreateCommand())
        {
            team.Transaction = transaction;
            team.CommandText = """
                INSERT INTO Teams (Id, Kind, TownshipId, OwnerName, Name, Organization, LeaderName, LeaderMobile, ServiceArea, Tasks, ResponseProcedure, Status, ActiveMembers, TrainedMembers, CreatedAtUtc, CreatedBy)
                VALUES ($id, 0, $t, $owner, $name, '', '韦队长', '13800000000', '', '', '', 1, 40, 30, $at, 'bench')
                """;
            var tp = ExpertsBench.Parameters(team, "$id", "$t", "$owner", "$name", "$at");
            await using var member = connection.CreateCommand();
            member.Transaction = transaction;
            member.CommandText = """
                INSERT INTO Members (TeamId, Name, IdCardNumber, Mobile, Source, Skills, JoinedOn, LeftReason, Insurance, Trained, TrainedHow, CreatedAtUtc)
                VALUES ($team, $name, $card, '13900000000', 2, '', $joined, '', 2, $trained, '', $at)
                """;
            var mp = ExpertsBench.Parameters(member, "$team", "$name", "$card", "$joined", "$trained", "$at");
            for (var i = 1; i <= teams; i++)
            {
                var unit = townships[i % townships.Count];
                tp["$id"].Value = i;
                tp["$t"].Value = unit.Id;
                tp["$owner"].Value = unit.Name;
                tp["$name"].Value = unit.Name + "应急救援队" + i.ToString(CultureInfo.InvariantCulture);
                tp["$at"].Value = now;
                await team.ExecuteNonQueryAsync();
                for (var m = 0; m < 40; m++)
                {
                    mp["$team"].Value = i;
                    mp["$name"].Value = "队员" + (i * 40 + m).ToString(CultureInfo.InvariantCulture);
                    mp["$card"].Value = "4509" + (i * 40 + m).ToString("D14", CultureInfo.InvariantCulture);
                    mp["$joined"].Value = Day(today.AddDays(-random.Next(30, 2000)));
                    mp["$trained"].Value = m < 30 ? 1 : 0;
                    mp["$at"].Value = now;
                    await member.ExecuteNonQueryAsync();
                }
            }
        }

        await using (var site = connection.CreateCommand())
        {
            site.Transaction = transaction;
            site.CommandText = """
                INSERT INTO StorageSites (Id, Kind, Name, TownshipId, OwnerName, Address, KeeperName, KeeperMobile, CreatedAtUtc)
                VALUES ($id, 1, $name, $t, $owner, '', '保管员', '13700000000', $at)
                """;
            var sp = ExpertsBench.Parameters(site, "$id", "$name", "$t", "$owner", "$at");
            await using var stock = connection.CreateCommand();
            stock.Transaction = transaction;
            stock.CommandText = """
                INSERT INTO Stock (Id, SiteId, KindId, TownshipId, Quantity, Minimum, ExpiresOn, BelowSinceOn, UpdatedAtUtc)
                VALUES ($id, $site, $kind, $t, $q, $min, $exp, $below, $at)
                """;
            var kp = ExpertsBench.Parameters(stock, "$id", "$site", "$kind", "$t", "$q", "$min", "$exp", "$below", "$at");
            await using var movement = connection.CreateCommand();
            movement.Transaction = transaction;
            movement.CommandText = """
                INSERT INTO StockMovements (StockId, SiteId, KindId, Kind, Quantity, Balance, Party, Note, AtUtc, By)
                VALUES ($stock, $site, $kind, $mk, $q, $b, '', '', $at, 'bench')
                """;
            var mp = ExpertsBench.Parameters(movement, "$stock", "$site", "$kind", "$mk", "$q", "$b", "$at");
            var stockId = 0;
            var planned = new (bool Inbound, int Quantity, int Balance, DateTime At)[MovementsPerStock];
            for (var s = 1; s <= sites; s++)
            {
                var unit = townships[s % townships.Count];
                sp["$id"].Value = s;
                sp["$name"].Value = unit.Name + "储备点" + s.ToString(CultureInfo.InvariantCulture);
                sp["$t"].Value = unit.Id;
                sp["$owner"].Value = unit.Name;
                sp["$at"].Value = now;
                await site.ExecuteNonQueryAsync();
                foreach (var kindId in kindIds)
                {
                    stockId++;
                    // 25 movements: a first 入库, then 入库 and 出库 in turn (出库 negative, as the ledger writes it);
                    // the stock row, written first for its key, holds their sum.
                    var balance = 0;
                    var at = now.AddDays(-400);
                    for (var m = 0; m < MovementsPerStock; m++)
                    {
                        var inbound = m == 0 || m % 2 == 1 || balance == 0;
                        var quantity = inbound ? random.Next(5, 60) : -random.Next(1, balance + 1);
                        balance += quantity;
                        at = at.AddHours(random.Next(1, 300));
                        planned[m] = (inbound, quantity, balance, at);
                    }

                    var minimum = random.Next(0, 80);
                    kp["$id"].Value = stockId;
                    kp["$site"].Value = s;
                    kp["$kind"].Value = kindId;
                    kp["$t"].Value = unit.Id;
                    kp["$q"].Value = balance;
                    kp["$min"].Value = minimum;
                    kp["$exp"].Value = random.Next(10) == 0 ? Day(today.AddDays(random.Next(-30, 400))) : DBNull.Value;
                    kp["$below"].Value = balance < minimum ? Day(today.AddDays(-random.Next(0, 60))) : DBNull.Value;
                    kp["$at"].Value = at;
                    await stock.ExecuteNonQueryAsync();
                    foreach (var (inbound, quantity, running, when) in planned)
                    {
                        mp["$stock"].Value = stockId;
                        mp["$site"].Value = s;
                        mp["$kind"].Value = kindId;
                        mp["$mk"].Value = inbound ? 0 : 1;
                        mp["$q"].Value = quantity;
                        mp["$b"].Value = running;
                        mp["$at"].Value = when;
                        await movement.ExecuteNonQueryAsync();
                        movements++;
                    }
                }
            }
        }

        await transaction.CommitAsync();
        await using var finish = connection.CreateCommand();
        finish.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        await finish.ExecuteNonQueryAsync();
        return movements;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
