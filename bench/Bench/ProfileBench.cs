using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Emergency.Bench;

/// <summary>
/// Issue #16: where a page's time goes. For the bare endpoint and one list page of every module, as
/// the users who open them, one request after another: the median and p95 time, and per request the
/// database connections opened and the SQL commands run (counted from EF Core's diagnostics in this
/// process), with the commands that run most often. Sequential on purpose: it attributes cost, it
/// does not measure capacity (the fixed-rate scenarios do).
/// </summary>
internal static class ProfileBench
{
    private const int Requests = 300;

    /// <summary>The demo county's pages: the bare endpoint and one list page of every module.</summary>
    public static Task<IReadOnlyList<string>> RunAsync(BenchHost host) => RunAsync(host,
    [
        ("qingshan", "/bench/one-row/grid/Grids/1"),
        ("qingshan", "/healthz"),
        ("qingshan", "/"),
        ("qingshan", "/Notices"),
        ("yjj", "/experts"),
        ("qingshan", "/grid"),
        ("qingshan", "/teams"),
        ("yjj", "/teams/Stock"),
        ("qingshan", "/training"),
        ("qingshan", "/plans"),
        ("yjj", "/enforcement"),
        ("leader", "/readiness"),
        ("leader", "/bench/one-row/grid/Grids/1"),
    ]);

    /// <summary>The given pages, each as its user, one request after another.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host, IReadOnlyList<(string User, string Path)> pages)
    {
        var lines = new List<string>
        {
            "| page | user | median ms | p95 ms | connections / request | commands / request | queries compiled / request | KB allocated / request |",
            "|---|---|---|---|---|---|---|---|",
        };
        using var counter = new SqlCounter();
        using var allocations = new AllocationTally();
        using var resolves = new ResolveTally(host.Services);
        var details = new List<string>();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var (user, path) in pages)
        {
            if (!clients.TryGetValue(user, out var client))
            {
                clients[user] = client = await host.SignInAsync(user);
            }

            await Load.WarmAsync(client, _ => path, 30);
            counter.Reset();
            allocations.Reset();
            resolves.Reset();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var times = new double[Requests];
            for (var i = 0; i < Requests; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                _ = await response.Content.ReadAsByteArrayAsync();
                times[i] = watch.Elapsed.TotalMilliseconds;
            }

            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Array.Sort(times);
            lines.Add(FormattableString.Invariant(
                $"| {path} | {user} | {times[Requests / 2]:0.00} | {times[(int)(Requests * 0.95)]:0.00} | {counter.Connections / (double)Requests:0.0} | {counter.Commands / (double)Requests:0.0} | {counter.Compilations / (double)Requests:0.00} | {allocated / 1024.0 / Requests:0} |"));
            details.Add($"### {path} ({user}): commands per request, by time");
            details.AddRange(counter.Top(12).Select(t => FormattableString.Invariant(
                $"- {t.Count / (double)Requests:0.0} × {t.Milliseconds / Math.Max(1, t.Count):0.00} ms `{t.Sql}`")));
            details.Add(FormattableString.Invariant($"Services resolved per request: {resolves.Operations / (double)Requests:0.0}, most often:"));
            details.AddRange(resolves.Top(12).Select(t => FormattableString.Invariant($"- {t.Count / (double)Requests:0.0} × `{t.Service}`")));
            details.Add($"Allocations per request by type (sampled; the test client's included):");
            details.AddRange(allocations.Top(15).Select(t => FormattableString.Invariant($"- {t.Bytes / 1024.0 / Requests:0.0} KB `{t.Type}`")));
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        lines.AddRange(details);
        return lines;
    }

    /// <summary>Counts connections opened and commands executed by every EF Core context of this process.</summary>
    private sealed class SqlCounter : EfEventObserver
    {
        private readonly ConcurrentDictionary<string, (int Count, double Milliseconds)> texts = new(StringComparer.Ordinal);
        private int connections;
        private int commands;
        private int compilations;

        public int Connections => connections;

        public int Commands => commands;

        /// <summary>LINQ queries EF Core compiled (a miss of its query cache: costly, and a page should cause none once warm).</summary>
        public int Compilations => compilations;

        public void Reset()
        {
            Interlocked.Exchange(ref connections, 0);
            Interlocked.Exchange(ref commands, 0);
            Interlocked.Exchange(ref compilations, 0);
            texts.Clear();
        }

        /// <summary>The commands that took the most time in all, with how often they ran and their time in all.</summary>
        public IEnumerable<(string Sql, int Count, double Milliseconds)> Top(int count) =>
            texts.OrderByDescending(t => t.Value.Milliseconds).Take(count).Select(t => (t.Key, t.Value.Count, t.Value.Milliseconds));

        protected override void OnEvent(string name, object? data)
        {
            if (name == RelationalEventId.ConnectionOpened.Name)
            {
                Interlocked.Increment(ref connections);
            }
            else if (name == CoreEventId.QueryCompilationStarting.Name)
            {
                Interlocked.Increment(ref compilations);
            }
            else if (name == RelationalEventId.CommandExecuted.Name && data is CommandExecutedEventData executed)
            {
                Interlocked.Increment(ref commands);
                var sql = executed.Command.CommandText.ReplaceLineEndings(" ");
                var ms = executed.Duration.TotalMilliseconds;
                texts.AddOrUpdate(sql.Length > 400 ? sql[..400] + "…" : sql, (1, ms), (_, n) => (n.Count + 1, n.Milliseconds + ms));
            }
        }
    }
}
