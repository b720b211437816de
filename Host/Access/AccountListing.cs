using Emergency.Host.Access.Data;
using Emergency.Host.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Access;

/// <summary>An account as the admin lists show it: roles by name and the unit it belongs to.</summary>
internal sealed record AccountSummary(
    string Id,
    string UserName,
    string DisplayName,
    string? County,
    string? CountyName,
    IReadOnlyList<string> Roles,
    string? Unit,
    string? Email,
    bool Locked,
    bool MustChangePassword,
    DateTime CreatedAtUtc);

/// <summary>Reads accounts with their roles and units for the county admin's and the security admin's lists.</summary>
internal static class AccountListing
{
    public static async Task<IReadOnlyList<AccountSummary>> LoadAsync(
        IQueryable<PlatformUser> query, AccountsDbContext accounts, PlatformDbContext platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(clock);
        var users = await query.AsNoTracking().ToListAsync(cancellationToken);
        if (users.Count == 0)
        {
            return [];
        }

        var ids = users.Select(u => u.Id).ToList();
        var roles = (await (from link in accounts.UserRoles
                            join role in accounts.Roles on link.RoleId equals role.Id
                            where ids.Contains(link.UserId)
                            select new { link.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        var units = await UnitsAsync(users, platform, cancellationToken);
        var now = clock.GetUtcNow();
        return users.Select(u => new AccountSummary(
                u.Id,
                u.UserName ?? "",
                u.DisplayName,
                u.CountyCode,
                u.CountyCode is null ? null : units.Counties.GetValueOrDefault(u.CountyCode),
                Access.Roles.All.Where(r => roles[u.Id].Contains(r.Name)).Select(r => r.Name).ToList(),
                UnitOf(u, units),
                u.Email,
                u.LockoutEnd is { } end && end > now,
                u.MustChangePassword,
                u.CreatedAtUtc))
            .ToList();
    }

    /// <summary>The name of the account's unit: its village, township or department; its county for county-wide posts.</summary>
    public static async Task<string?> UnitAsync(PlatformUser user, PlatformDbContext platform, CancellationToken cancellationToken) =>
        UnitOf(user, await UnitsAsync([user], platform, cancellationToken));

    private static string? UnitOf(PlatformUser user, Units units)
    {
        if (user.VillageId is { } village && units.Villages.TryGetValue(village, out var villageName))
        {
            return user.TownshipId is { } t && units.Townships.TryGetValue(t, out var townshipName) ? $"{townshipName} {villageName}" : villageName;
        }

        if (user.TownshipId is { } township && units.Townships.TryGetValue(township, out var name))
        {
            return name;
        }

        if (user.DepartmentId is { } department && units.Departments.TryGetValue(department, out var departmentName))
        {
            return departmentName;
        }

        return user.CountyCode is null ? null : units.Counties.GetValueOrDefault(user.CountyCode);
    }

    private static async Task<Units> UnitsAsync(IReadOnlyCollection<PlatformUser> users, PlatformDbContext platform, CancellationToken cancellationToken)
    {
        var departmentIds = users.Where(u => u.DepartmentId is not null).Select(u => u.DepartmentId!.Value).Distinct().ToList();
        var townshipIds = users.Where(u => u.TownshipId is not null).Select(u => u.TownshipId!.Value).Distinct().ToList();
        var villageIds = users.Where(u => u.VillageId is not null).Select(u => u.VillageId!.Value).Distinct().ToList();
        var countyCodes = users.Where(u => u.CountyCode is not null).Select(u => u.CountyCode!).Distinct().ToList();
        return new Units(
            await platform.Counties.AsNoTracking().Where(c => countyCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken),
            await platform.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken),
            await platform.Townships.AsNoTracking().Where(t => townshipIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken),
            await platform.Villages.AsNoTracking().Where(v => villageIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken));
    }

    private sealed record Units(
        Dictionary<string, string> Counties,
        Dictionary<int, string> Departments,
        Dictionary<int, string> Townships,
        Dictionary<int, string> Villages);
}
