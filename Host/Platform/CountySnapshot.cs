using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform;

/// <summary>
/// The counties, the modules each may use and the modules each department has enabled, read from the
/// platform store in one go and kept in memory for a few seconds: every page (navigation, module
/// access), the event dispatcher and the jobs ask. A change to counties, their modules or a
/// department's modules calls <see cref="Invalidate"/>.
/// </summary>
internal sealed class CountySnapshot(StoreOptionsFactory options, TimeProvider clock) : ICountyDirectory
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private Snapshot? cached;

    public async Task<IReadOnlyList<CountyInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).Counties;

    public async Task<CountyInfo?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).Counties.FirstOrDefault(c => c.Code == code);

    /// <summary>Whether the department has enabled the module (the county's permission is checked apart).</summary>
    public async Task<bool> DepartmentEnabledAsync(int department, string module, CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).DepartmentModules.TryGetValue(department, out var modules) && modules.Contains(module);

    /// <summary>Forget the snapshot after a change to counties, their modules or departments' modules.</summary>
    public void Invalidate() => cached = null;

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = cached;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < Freshness)
        {
            return current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            current = cached;
            if (current is not null && clock.GetUtcNow() - current.LoadedAt < Freshness)
            {
                return current;
            }

            await using var db = options.Open<PlatformDbContext>(StoreKey.Platform(PlatformDbContext.StoreName));
            var counties = await db.Counties.AsNoTracking().Include(c => c.Modules).OrderBy(c => c.Code).ToListAsync(cancellationToken);
            var departmentModules = await db.DepartmentModules.AsNoTracking().ToListAsync(cancellationToken);
            current = new Snapshot(
                counties.Select(c => new CountyInfo(c.Code, c.Name, c.Active, c.Modules.Select(m => m.Module).ToHashSet())).ToList(),
                departmentModules.GroupBy(r => r.DepartmentId).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(r => r.Module).ToHashSet()),
                clock.GetUtcNow());
            cached = current;
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed record Snapshot(
        IReadOnlyList<CountyInfo> Counties,
        IReadOnlyDictionary<int, IReadOnlySet<string>> DepartmentModules,
        DateTimeOffset LoadedAt);
}
