using System.Globalization;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Tenancy;

namespace Emergency.Bench;

/// <summary>
/// 我的待办: with 1,000,000 hazards in the county (seeded as <see cref="GridBench"/> does), the home page of the
/// township user of 青山镇 (its list: hazards to assign and to re-inspect, extensions, disasters; the counts in
/// the navigation) and of a department (its hazards to rectify by deadline and its 报到 list), p50/p95/p99 at
/// a fixed rate, against the bare one-row endpoint in the same run.
/// </summary>
internal static class HomeBench
{
    private const string SweepJob = "grid:overdue-sweep";

    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host, Options options, bool seed)
    {
        var lines = new List<string>();
        if (seed)
        {
            var units = host.Services.GetRequiredService<ICountyUnits>();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await GridBench.SeedAsync(host, await units.VillagesAsync(BenchHost.County), await units.DepartmentsAsync(BenchHost.County));
            host.NoteBulkLoad();
            lines.Add(FormattableString.Invariant($"Seeded 1,000,000 hazards in {watch.Elapsed.TotalSeconds:0.0} s"));
            await host.Services.GetRequiredService<RecurringJobRunner>().RunForCountyAsync(SweepJob, BenchHost.County, CancellationToken.None);
        }

        var township = await host.SignInAsync("qingshan");
        var department = await host.SignInAsync("qxj");
        var page = await township.GetStringAsync("/");
        var count = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"todo-count\" data-module=\"grid\"[^>]*>(\\d+)<").Groups[1].Value;
        var rows = System.Text.RegularExpressions.Regex.Matches(page, "data-testid=\"todo-item\"").Count;
        lines.Add($"青山镇 (qingshan) home page: {rows} items listed, grid count in the navigation {count}");
        var departmentPage = await department.GetStringAsync("/");
        lines.Add(FormattableString.Invariant($"气象局 (qxj) home page: {System.Text.RegularExpressions.Regex.Matches(departmentPage, "data-testid=\"todo-item\"").Count} items listed"));

        Func<int, string> homePath = _ => "/";
        static string OneRow(int i) => "/bench/one-row/grid/Hazards/" + (1 + ((long)i * 7919 % 1_000_000)).ToString(CultureInfo.InvariantCulture);
        await Load.WarmAsync(township, homePath, 50);
        await Load.WarmAsync(department, homePath, 50);
        await Load.WarmAsync(township, OneRow, 50);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var home = await Load.FixedRateAsync("home page, township user (qingshan)", township, homePath, options.Rate, duration);
        var departmentHome = await Load.FixedRateAsync("home page, department user (qxj)", department, homePath, options.Rate, duration);
        var bare = await Load.FixedRateAsync("bare one-row endpoint", township, OneRow, options.Rate, duration);
        lines.Add(home.ToString());
        lines.Add(departmentHome.ToString());
        lines.Add(bare.ToString());
        lines.Add(FormattableString.Invariant($"Home page p95 target 50 ms (township): {(home.P95 < 50 ? "met" : "NOT met")} ({home.P95:0.0} ms)"));
        return lines;
    }
}
