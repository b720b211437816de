using System.Diagnostics;
using System.Globalization;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Bench;

/// <summary>
/// Issue #13: a county with 20,000 plans and 100,000 versions (bulk SQL load): the registry page (filter plus one
/// page of 20) p95 at a fixed rate and its throughput against the bare one-row endpoint in the same run; and the
/// daily deadline check (filing, evaluation and drill cadence jobs) when nothing changed since the last run.
/// Aims: registry p95 ≤ 30 ms, ratio ≥ 0.25, deadline check ≤ 100 ms. The size can be lowered to prove the
/// scenario runs: BENCH_PLANS=500.
/// </summary>
internal static class PlansBench
{
    private const int VersionsPerPlan = 5;

    private static readonly string[] Jobs = ["plans:filing", "plans:evaluation", "plans:drill"];

    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host, Options options)
    {
        var plans = int.TryParse(Environment.GetEnvironmentVariable("BENCH_PLANS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 20_000;
        var lines = new List<string>();
        var townships = await host.Services.GetRequiredService<ICountyUnits>().TownshipsAsync(BenchHost.County);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(host, townships, plans);
        lines.Add(FormattableString.Invariant($"Seeded {plans:N0} plans and {plans * VersionsPerPlan:N0} versions in {seeding.Elapsed.TotalSeconds:0.0} s"));

        // The first run of each job sends what the seed left due; the steady state is measured after it.
        var runner = host.Services.GetRequiredService<RecurringJobRunner>();
        foreach (var job in Jobs)
        {
            await runner.RunForCountyAsync(job, BenchHost.County, CancellationToken.None);
        }

        // Its notices reach the notice store and the mail queue before anything is measured.
        var quiet = await host.WaitForQuietAsync(TimeSpan.FromMinutes(10));
        lines.Add(FormattableString.Invariant($"First run of the jobs delivered its notices and events in {quiet.TotalSeconds:0.0} s (before any measurement)"));

        var client = await host.SignInAsync("yjj");
        var township = townships[1].Id;
        string[] registry =
        [
            "/plans",
            FormattableString.Invariant($"/plans?Township={township}"),
            FormattableString.Invariant($"/plans?Township={township}&Type=EnterpriseOnSite&Status=InForce"),
            "/plans?Type=TownshipSpecial&p=20",
            FormattableString.Invariant($"/plans?Township={township}&p=10"),
        ];
        string Registry(int i) => registry[i % registry.Length];
        string OneRow(int i) => "/bench/one-row/plans/Plans/" + (1 + ((long)i * 7919 % plans)).ToString(CultureInfo.InvariantCulture);

        await Load.WarmAsync(client, Registry, 50);
        foreach (var url in registry)
        {
            var times = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var one = Stopwatch.StartNew();
                (await client.GetAsync(url)).EnsureSuccessStatusCode();
                times.Add(one.Elapsed.TotalMilliseconds);
            }

            lines.Add(FormattableString.Invariant($"  {url}: median {times.Order().ElementAt(10):0.0} ms, one client, one after another"));
        }

        await Load.WarmAsync(client, OneRow, 50);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var page = await Load.FixedRateAsync("registry page", client, Registry, options.Rate, duration);
        var bare = await Load.FixedRateAsync("bare one-row endpoint", client, OneRow, options.Rate, duration);
        lines.Add(page.ToString());
        lines.Add(bare.ToString());
        var pageThroughput = await Load.ThroughputAsync("registry page", client, Registry, options.Concurrency, duration);
        var bareThroughput = await Load.ThroughputAsync("bare one-row endpoint", client, OneRow, options.Concurrency, duration);
        lines.Add(pageThroughput.ToString());
        lines.Add(bareThroughput.ToString());
        lines.Add(FormattableString.Invariant($"Registry throughput / bare throughput = {pageThroughput.PerSecond / bareThroughput.PerSecond:0.00} (target ≥ 0.25)"));
        lines.Add(FormattableString.Invariant($"Registry p95 target 30 ms: {(page.P95 <= 30 ? "met" : "NOT met")} ({page.P95:0.0} ms)"));

        var steady = new List<double>();
        var perJob = Jobs.ToDictionary(j => j, _ => new List<double>());
        for (var i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var job in Jobs)
            {
                var one = Stopwatch.StartNew();
                await runner.RunForCountyAsync(job, BenchHost.County, CancellationToken.None);
                perJob[job].Add(one.Elapsed.TotalMilliseconds);
            }

            steady.Add(watch.Elapsed.TotalMilliseconds);
        }

        steady.Sort();
        lines.Add(FormattableString.Invariant($"Daily deadline check (filing + evaluation + drill), nothing changed: median {steady[steady.Count / 2]:0.0} ms, max {steady[^1]:0.0} ms over {steady.Count} runs (target 100 ms); per job median: {string.Join(", ", perJob.Select(j => $"{j.Key} {j.Value.Order().ElementAt(j.Value.Count / 2):0.0} ms"))}"));
        return lines;
    }

    /// <summary>Township and enterprise plans in force, five issued versions each, the filing of the version in force registered.</summary>
    private static async Task SeedAsync(BenchHost host, IReadOnlyList<UnitInfo> townships, int plans)
    {
        await using var db = host.OpenStore("plans");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var random = new Random(20261206);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        int[] types = [3, 4, 5, 7, 8, 9];
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var plan = connection.CreateCommand();
            plan.Transaction = transaction;
            plan.CommandText = """
                INSERT INTO Plans (Id, Title, Type, Category, OwnerLevel, TownshipId, OwnerName, EnterpriseName, Risks, Status, CurrentVersionId, CreatedBy, CreatedAtUtc, LastDrillOn, LastEvaluatedOn)
                VALUES ($id, $title, $type, $cat, 2, $t, $owner, $ent, '山洪、地质灾害', 1, $current, 'bench', $created, $drill, $eval)
                """;
            var pp = ExpertsBench.Parameters(plan, "$id", "$title", "$type", "$cat", "$t", "$owner", "$ent", "$current", "$created", "$drill", "$eval");
            await using var version = connection.CreateCommand();
            version.Transaction = transaction;
            version.CommandText = """
                INSERT INTO PlanVersions (Id, PlanId, Number, FileName, ContentType, OriginalName, Size, Summary, Reason, UploadedBy, UploadedAtUtc, Author, MajorRevision, Signer, IssuedOn, DocumentNumber, IssuedAtUtc)
                VALUES ($id, $plan, $n, 'bench.pdf', 'application/pdf', '预案.pdf', 1024, '修订', '定期修订', 'bench', $at, '', 0, '韦志刚', $on, $doc, $at)
                """;
            var vp = ExpertsBench.Parameters(version, "$id", "$plan", "$n", "$at", "$on", "$doc");
            await using var filing = connection.CreateCommand();
            filing.Transaction = transaction;
            filing.CommandText = """
                INSERT INTO Filings (PlanId, VersionId, ReceiverKind, ReceiverId, ReceiverName, IssuedOn, DueOn, DueFallback, State, Round, SubmittedOn, FiledOn, FilingNumber)
                VALUES ($plan, $version, 0, 1, '县应急管理局', $on, $due, 0, 3, 1, $on, $on, $number)
                """;
            var fp = ExpertsBench.Parameters(filing, "$plan", "$version", "$on", "$due", "$number");
            for (var i = 1; i <= plans; i++)
            {
                var unit = townships[i % townships.Count];
                var type = types[i % types.Length];
                var lastIssued = today.AddDays(-random.Next(30, 900));
                var current = (i - 1) * VersionsPerPlan + VersionsPerPlan;
                pp["$id"].Value = i;
                pp["$title"].Value = unit.Name + "应急预案" + i.ToString(CultureInfo.InvariantCulture);
                pp["$type"].Value = type;
                pp["$cat"].Value = type == 4 ? 1 : DBNull.Value;
                pp["$t"].Value = unit.Id;
                pp["$owner"].Value = unit.Name;
                pp["$ent"].Value = type >= 7 ? "企业" + i.ToString(CultureInfo.InvariantCulture) : "";
                pp["$current"].Value = current;
                pp["$created"].Value = now;
                pp["$drill"].Value = Day(today.AddDays(-random.Next(0, 800)));
                pp["$eval"].Value = Day(lastIssued.AddDays(random.Next(0, 30)));
                await plan.ExecuteNonQueryAsync();
                for (var v = 1; v <= VersionsPerPlan; v++)
                {
                    var on = lastIssued.AddYears(v - VersionsPerPlan);
                    vp["$id"].Value = (i - 1) * VersionsPerPlan + v;
                    vp["$plan"].Value = i;
                    vp["$n"].Value = v;
                    vp["$at"].Value = now;
                    vp["$on"].Value = Day(on);
                    vp["$doc"].Value = "青政发〔" + on.Year.ToString(CultureInfo.InvariantCulture) + "〕" + i.ToString(CultureInfo.InvariantCulture) + "号";
                    await version.ExecuteNonQueryAsync();
                }

                fp["$plan"].Value = i;
                fp["$version"].Value = current;
                fp["$on"].Value = Day(lastIssued);
                fp["$due"].Value = Day(lastIssued.AddDays(28));
                fp["$number"].Value = "BA-" + i.ToString(CultureInfo.InvariantCulture);
                await filing.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        await using var finish = connection.CreateCommand();
        finish.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        await finish.ExecuteNonQueryAsync();
    }
}
