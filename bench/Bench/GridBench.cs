namespace Emergency.Bench;

/// <summary>Issue #5: the hazard ledger and the overdue sweep with 1,000,000 hazards. Written once the Grid store exists.</summary>
internal static class GridBench
{
    public static Task<IReadOnlyList<string>> RunAsync(BenchHost host, Options options)
    {
        _ = host;
        _ = options;
        return Task.FromResult<IReadOnlyList<string>>(["Grid module not registered in this build."]);
    }
}
