using Emergency.BuildingBlocks.Persistence;
using Emergency.Host.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Emergency.Host.Platform;

/// <summary>Healthy when the platform store answers a query.</summary>
internal sealed class StoresHealthCheck(StoreCatalog stores) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = (PlatformDbContext)stores.Open(StoreKey.Platform(PlatformDbContext.StoreName));
            var counties = await db.Counties.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{counties} counties");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("platform store unavailable", ex);
        }
    }
}
