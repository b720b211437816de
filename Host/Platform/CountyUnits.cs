using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Access.Data;
using Emergency.Host.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform;

/// <summary>
/// Modules' view of a county's units, over the platform store (kept between requests until a store is written,
/// <see cref="PageCaches"/>); contacts from the accounts store.
/// </summary>
internal sealed class CountyUnits(StoreOptionsFactory options, PageCaches caches, TimeProvider clock) : ICountyUnits
{
    public async Task<IReadOnlyList<UnitInfo>> DepartmentsAsync(string county, CancellationToken cancellationToken = default) =>
        await caches.Units.GetAsync((county, "departments"), ct => LoadDepartmentsAsync(county, ct), cancellationToken);

    public async Task<IReadOnlyList<UnitInfo>> TownshipsAsync(string county, CancellationToken cancellationToken = default) =>
        await caches.Units.GetAsync((county, "townships"), ct => LoadTownshipsAsync(county, ct), cancellationToken);

    public async Task<IReadOnlyList<UnitInfo>> VillagesAsync(string county, CancellationToken cancellationToken = default) =>
        await caches.Units.GetAsync((county, "villages"), ct => LoadVillagesAsync(county, ct), cancellationToken);

    public async Task<IReadOnlyList<UnitInfo>> DepartmentsUsingAsync(string county, string module, CancellationToken cancellationToken = default) =>
        await caches.Units.GetAsync((county, "using:" + module), ct => LoadDepartmentsUsingAsync(county, module, ct), cancellationToken);

    private async Task<IReadOnlyList<UnitInfo>> LoadDepartmentsAsync(string county, CancellationToken cancellationToken)
    {
        await using var db = OpenPlatform();
        return (await db.Departments.AsNoTracking().Where(d => d.CountyCode == county).OrderBy(d => d.Id).ToListAsync(cancellationToken))
            .Select(d => new UnitInfo(UnitKind.Department, d.Id, d.Name, null, d.Type == DepartmentType.Emergency))
            .ToList();
    }

    private async Task<IReadOnlyList<UnitInfo>> LoadTownshipsAsync(string county, CancellationToken cancellationToken)
    {
        await using var db = OpenPlatform();
        return (await db.Townships.AsNoTracking().Where(t => t.CountyCode == county).OrderBy(t => t.Code).ToListAsync(cancellationToken))
            .Select(t => new UnitInfo(UnitKind.Township, t.Id, t.Name))
            .ToList();
    }

    private async Task<IReadOnlyList<UnitInfo>> LoadVillagesAsync(string county, CancellationToken cancellationToken)
    {
        await using var db = OpenPlatform();
        return (await db.Villages.AsNoTracking().Where(v => v.CountyCode == county).OrderBy(v => v.Code).ToListAsync(cancellationToken))
            .Select(v => new UnitInfo(UnitKind.Village, v.Id, v.Name, v.TownshipId))
            .ToList();
    }

    private async Task<IReadOnlyList<UnitInfo>> LoadDepartmentsUsingAsync(string county, string module, CancellationToken cancellationToken)
    {
        await using var db = OpenPlatform();
        return (await db.Departments.AsNoTracking()
                .Where(d => d.CountyCode == county && d.Modules.Any(m => m.Module == module))
                .OrderBy(d => d.Id)
                .ToListAsync(cancellationToken))
            .Select(d => new UnitInfo(UnitKind.Department, d.Id, d.Name, null, d.Type == DepartmentType.Emergency))
            .ToList();
    }

    public async Task<IReadOnlyList<string>> ContactEmailsAsync(string county, UnitKind kind, int id, CancellationToken cancellationToken = default)
    {
        await using var db = options.Lease<AccountsDbContext>(StoreKey.Platform(AccountsDbContext.StoreName));
        var now = clock.GetUtcNow();
        var accounts = db.Users.AsNoTracking().Where(u => u.CountyCode == county && u.Email != null && u.Email != "");
        accounts = kind switch
        {
            UnitKind.Department => accounts.Where(u => u.DepartmentId == id),
            UnitKind.Township => accounts.Where(u => u.TownshipId == id && u.VillageId == null),
            _ => accounts.Where(u => u.VillageId == id),
        };
        var rows = await accounts.Select(u => new { u.Email, u.LockoutEnd }).ToListAsync(cancellationToken);
        return rows.Where(r => r.LockoutEnd is null || r.LockoutEnd <= now).Select(r => r.Email!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<string?> AccountEmailAsync(string county, string userName, CancellationToken cancellationToken = default)
    {
        await using var db = options.Lease<AccountsDbContext>(StoreKey.Platform(AccountsDbContext.StoreName));
        var now = clock.GetUtcNow();
        var row = await db.Users.AsNoTracking()
            .Where(u => u.CountyCode == county && u.UserName == userName && u.Email != null && u.Email != "")
            .Select(u => new { u.Email, u.LockoutEnd })
            .FirstOrDefaultAsync(cancellationToken);
        return row is not null && (row.LockoutEnd is null || row.LockoutEnd <= now) ? row.Email : null;
    }

    private PlatformDbContext OpenPlatform() => options.Open<PlatformDbContext>(StoreKey.Platform(PlatformDbContext.StoreName));
}
