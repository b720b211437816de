using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform;

/// <summary>
/// Counties and the modules each may use, read from the platform store and kept in memory for a
/// few seconds: the dispatcher and jobs ask for every message and every run.
/// </summary>
internal sealed class CountyDirectory(StoreOptionsFactory options, TimeProvider clock) : ICountyDirectory
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyList<CountyInfo>? cached;
    private DateTimeOffset loadedAt;

    public async Task<IReadOnlyList<CountyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var current = cached;
        if (current is not null && clock.GetUtcNow() - loadedAt < Freshness)
        {
            return current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = Open();
            var counties = await db.Counties.AsNoTracking().Include(c => c.Modules).OrderBy(c => c.Code).ToListAsync(cancellationToken);
            cached = counties
                .Select(c => new CountyInfo(c.Code, c.Name, c.Active, c.Modules.Select(m => m.Module).ToHashSet()))
                .ToList();
            loadedAt = clock.GetUtcNow();
            return cached;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<CountyInfo?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(c => c.Code == code);

    /// <summary>Forget the cached list after a change to counties or their modules.</summary>
    public void Invalidate() => cached = null;

    private PlatformDbContext Open() =>
        new(options.Create<PlatformDbContext>(StoreKey.Platform(PlatformDbContext.StoreName)));
}
