using Emergency.BuildingBlocks.Persistence;

namespace Emergency.Teams.Domain;

/// <summary>The ledger's totals for one filter (all rows, below minimum, expiring soon).</summary>
internal sealed record LedgerCounts(int Total, int Below, int Expiring);

/// <summary>
/// The stock ledger's counts held between requests until the county's Teams store is written (ADR 0006): counting a
/// county's 200,000 stock rows three times would otherwise be most of the page's cost.
/// </summary>
internal sealed class StockLedgerCounts(StoreWrites writes, TimeProvider clock)
{
    private readonly WriteVersionedCache<(string County, string Scope, string Filter, DateOnly Horizon), LedgerCounts> cache =
        new(k => writes.VersionOf(StoreKey.ForCounty(k.County, TeamsModule.ModuleName)), clock, TimeSpan.FromMinutes(1));

    public ValueTask<LedgerCounts> GetAsync(string county, string scope, string filter, DateOnly horizon, Func<CancellationToken, Task<LedgerCounts>> count, CancellationToken cancellationToken) =>
        cache.GetAsync((county, scope, filter, horizon), count, cancellationToken);
}
