using Emergency.BuildingBlocks.Persistence;
using Emergency.Host.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform;

/// <summary>Which modules each department has enabled, kept in memory a few seconds (asked on every page).</summary>
internal sealed class DepartmentModules(StoreOptionsFactory options, TimeProvider clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private IReadOnlyDictionary<int, HashSet<string>>? cached;
    private DateTimeOffset loadedAt;

    public async Task<bool> EnabledAsync(int department, string module, CancellationToken cancellationToken)
    {
        var map = cached;
        if (map is null || clock.GetUtcNow() - loadedAt >= Freshness)
        {
            await using var db = new PlatformDbContext(options.Create<PlatformDbContext>(StoreKey.Platform(PlatformDbContext.StoreName)));
            var rows = await db.DepartmentModules.AsNoTracking().ToListAsync(cancellationToken);
            map = rows.GroupBy(r => r.DepartmentId).ToDictionary(g => g.Key, g => g.Select(r => r.Module).ToHashSet());
            cached = map;
            loadedAt = clock.GetUtcNow();
        }

        return map.TryGetValue(department, out var modules) && modules.Contains(module);
    }

    public void Invalidate() => cached = null;
}
