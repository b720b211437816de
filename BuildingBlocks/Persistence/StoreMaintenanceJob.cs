using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>
/// Keeps every store small: removes delivered outbox rows and old inbox rows past the retention
/// period (parked messages stay until an admin acts), then checkpoints the write-ahead log so it
/// stays bounded.
/// </summary>
internal sealed class StoreMaintenanceJob(StoreCatalog stores, IStoreProvider provider, TimeProvider clock, IOptions<EventsOptions> options) : IPlatformJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.Retention;
        foreach (var key in await stores.AllKeysAsync(cancellationToken))
        {
            await using var store = stores.Open(key);
            await store.OutboxMessages.Where(m => m.DispatchedAtUtc != null && m.DispatchedAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
            await store.InboxMessages.Where(m => m.ProcessedAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
            await provider.CheckpointAsync(store, cancellationToken);
        }
    }
}
