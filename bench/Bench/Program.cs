using System.Diagnostics;
using System.Globalization;
using Emergency.Bench;

// Usage: dotnet run -c Release --project bench/Bench -- [experts|grid|grid-sweep|profile-grid|profile-experts|home|training|plans|teams|enforcement|readiness|profile|all] [--rate 30] [--high-rate 100] [--seconds 20] [--concurrency 8] [--scale 1]
var options = Options.Parse(args);
var dataRoot = Path.Combine(Path.GetTempPath(), "emergency-bench-" + Guid.NewGuid().ToString("N")[..8]);
var lines = new List<string>
{
    $"# Benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC",
    FormattableString.Invariant($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {options}"),
};
try
{
    await using var host = await BenchHost.StartAsync(dataRoot, options.Port);
    if (options.Scenario is "experts" or "all")
    {
        lines.Add("## Experts: archive search (issue #4)");
        lines.AddRange(await ExpertsBench.RunAsync(host, options));
    }

    if (options.Scenario is "grid" or "all")
    {
        lines.Add("## Grid: hazard ledger and overdue sweep (issue #5)");
        lines.AddRange(await GridBench.RunAsync(host, options));
    }

    if (options.Scenario is "grid-sweep")
    {
        lines.Add("## Grid: overdue sweep over 1,000,000 hazards, without the pages (issue #16)");
        lines.AddRange(await GridBench.RunAsync(host, options, pages: false));
    }

    if (options.Scenario is "plans" or "all")
    {
        lines.Add("## Plans: registry page and daily deadline check (issue #13)");
        lines.AddRange(await PlansBench.RunAsync(host, options));
    }

    if (options.Scenario is "teams" or "all")
    {
        lines.Add("## Teams: stock ledger page and concurrent keepers (issue #11)");
        lines.AddRange(await TeamsBench.RunAsync(host, options));
    }

    if (options.Scenario is "enforcement" or "all")
    {
        lines.Add("## Enforcement: case list and 双随机 draws (issue #14)");
        lines.AddRange(await EnforcementBench.RunAsync(host, options));
    }

    if (options.Scenario is "profile-experts")
    {
        lines.Add("## Profile: each experts search over 10,000 experts (issue #16)");
        await ExpertsBench.SeedAsync(host);
        lines.AddRange(await ProfileBench.RunAsync(host, [("yjj", "/bench/one-row/experts/Experts/1"), .. ExpertsBench.Searches.Select(s => ("yjj", s))]));
    }

    if (options.Scenario is "profile-grid")
    {
        lines.Add("## Profile: each ledger search and a hazard's details over 1,000,000 hazards (issue #16)");
        lines.AddRange(await GridBench.ProfileAsync(host));
    }

    if (options.Scenario is "profile")
    {
        lines.Add("## Profile: time, connections and SQL commands per request (issue #16)");
        lines.AddRange(await ProfileBench.RunAsync(host));
    }

    if (options.Scenario is "home" or "all")
    {
        lines.Add("## Home page: 我的待办 of a township user with 1,000,000 hazards in the county");
        lines.AddRange(await HomeBench.RunAsync(host, options, seed: options.Scenario == "home"));
    }

    if (options.Scenario is "training" or "all")
    {
        lines.Add("## Training: reminder mail burst and the yearly days-owed page (issue #12)");
        lines.AddRange(await TrainingBench.RunAsync(host, options));
    }

    if (options.Scenario is "readiness" or "all")
    {
        lines.Add("## Readiness: the leader's page and a rebuild from the journal (issue #15)");
        lines.AddRange(await ReadinessBench.RunAsync(host, options));
    }

    // BENCH_HOLD=<seconds>: keep the host up after the scenarios, to attach dotnet-gcdump or dotnet-counters.
    if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_HOLD"), CultureInfo.InvariantCulture, out var hold))
    {
        Console.WriteLine($"Holding for {hold} s (process {Environment.ProcessId})");
        await Task.Delay(TimeSpan.FromSeconds(hold));
    }

    using var process = Process.GetCurrentProcess();
    process.Refresh();
    lines.Add(FormattableString.Invariant($"Process working set at the end: {process.WorkingSet64 / 1024 / 1024} MB; managed heap {GC.GetTotalMemory(false) / 1024 / 1024} MB"));

    // What the process holds once the garbage collector has given back what it only kept in reserve: the host and
    // the load generator share this process, so this is an upper bound of the host's own working set.
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    process.Refresh();
    lines.Add(FormattableString.Invariant($"After a full compacting collection: working set {process.WorkingSet64 / 1024 / 1024} MB; managed heap {GC.GetTotalMemory(false) / 1024 / 1024} MB"));
}
finally
{
    if (options.Keep)
    {
        Console.WriteLine($"Data kept in {dataRoot}");
    }
    else
    {
        try
        {
            Directory.Delete(dataRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

foreach (var line in lines)
{
    Console.WriteLine(line);
}

if (options.Output is { } output)
{
    await File.WriteAllLinesAsync(output, lines);
}

internal sealed record Options(string Scenario, double Rate, int Seconds, int Concurrency, int Port, string? Output, bool Keep = false, double Scale = 1)
{
    /// <summary>The open-loop rate of the page-versus-bare comparisons besides <see cref="Rate"/> (issue #16: 100 req/s).</summary>
    public double HighRate { get; init; } = 100;

    /// <summary>The fixed rates each list page is measured at: <see cref="Rate"/>, then <see cref="HighRate"/> when it differs.</summary>
    public IReadOnlyList<double> Rates => HighRate > 0 && HighRate != Rate ? [Rate, HighRate] : [Rate];

    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new Options(
            args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && Array.IndexOf(args, a) is var i && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))) ?? "all",
            double.Parse(Value("--rate", "50"), CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds", "20"), CultureInfo.InvariantCulture),
            int.Parse(Value("--concurrency", "8"), CultureInfo.InvariantCulture),
            int.Parse(Value("--port", FreePort().ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            args.Contains("--output") ? Value("--output", "") : null,
            args.Contains("--keep"),
            double.Parse(Value("--scale", "1"), CultureInfo.InvariantCulture))
        {
            HighRate = double.Parse(Value("--high-rate", "100"), CultureInfo.InvariantCulture),
        };
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString() => FormattableString.Invariant($"rates {string.Join(" and ", Rates)}/s for {Seconds} s each, {Concurrency} concurrent clients for throughput{(Scale != 1 ? $", data scale {Scale}" : "")}");
}
