using System.Diagnostics;

namespace Emergency.Bench;

internal sealed record LatencyReport(string Name, double Rate, int Requests, int Errors, double P50, double P95, double P99, double Max)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Name}: {Requests} requests at {Rate:0}/s, errors {Errors}, p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms");
}

/// <summary>A closed-loop run; the collections and allocations are the whole process's (load generator included).</summary>
internal sealed record ThroughputReport(string Name, int Concurrency, double Seconds, int Requests, int Errors, GcTally Gc)
{
    public double PerSecond => Requests / Seconds;

    public override string ToString() =>
        FormattableString.Invariant($"{Name}: {PerSecond:0} requests/s with {Concurrency} concurrent clients over {Seconds:0.0} s, errors {Errors}; {Gc.Allocated / 1024.0 / Math.Max(1, Requests):0} KB allocated a request, collections gen0 {Gc.Gen0}, gen1 {Gc.Gen1}, gen2 {Gc.Gen2}");
}

internal readonly record struct GcTally(long Allocated, int Gen0, int Gen1, int Gen2)
{
    public static GcTally Now() => new(GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public static GcTally operator -(GcTally a, GcTally b) => new(a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);
}

/// <summary>Drives a page with HTTP requests and measures latency at a fixed rate and throughput flat out.</summary>
internal static class Load
{
    /// <summary>
    /// Open loop: request i is due at start + i/rate whether or not earlier ones finished, and its
    /// latency counts from when it was due, so a stall is not hidden (no coordinated omission).
    /// </summary>
    public static async Task<LatencyReport> FixedRateAsync(string name, HttpClient client, Func<int, string> path, double rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var running = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var index = i;
            running.Add(Task.Run(async () =>
            {
                using var response = await client.GetAsync(path(index));
                _ = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(running);
        Array.Sort(latencies);
        return new LatencyReport(name, rate, total, errors, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies[^1]);
    }

    /// <summary>Closed loop: <paramref name="concurrency"/> clients each send the next request when the last answered.</summary>
    public static async Task<ThroughputReport> ThroughputAsync(string name, HttpClient client, Func<int, string> path, int concurrency, TimeSpan duration)
    {
        var requests = 0;
        var errors = 0;
        var gc = GcTally.Now();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var i = w;
            while (clock.Elapsed < duration)
            {
                using var response = await client.GetAsync(path(i));
                _ = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }

                Interlocked.Increment(ref requests);
                i += concurrency;
            }
        }));
        await Task.WhenAll(workers);
        return new ThroughputReport(name, concurrency, clock.Elapsed.TotalSeconds, requests, errors, GcTally.Now() - gc);
    }

    /// <summary>Warms the JIT, EF model and SQLite page cache so the measurement sees the steady state.</summary>
    public static async Task WarmAsync(HttpClient client, Func<int, string> path, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(path(i));
            response.EnsureSuccessStatusCode();
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
