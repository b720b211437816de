using Emergency.BuildingBlocks.Auditing.Data;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Emergency.BuildingBlocks.Auditing;

/// <summary>Removes audit entries older than the retention period ("Audit:RetentionDays", never under 180).</summary>
internal sealed class AuditRetentionJob(StoreCatalog stores, IConfiguration configuration, TimeProvider clock) : IPlatformJob
{
    public const int MinimumDays = 180;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var days = Math.Max(MinimumDays, configuration.GetValue("Audit:RetentionDays", MinimumDays));
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        await using var audit = (AuditDbContext)stores.Open(StoreKey.Platform(AuditDbContext.StoreName));
        await audit.Entries.Where(e => e.AtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
