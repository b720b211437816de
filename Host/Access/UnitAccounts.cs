using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.Host.Access.Data;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Access;

/// <summary>
/// Modules' view of village accounts (<see cref="IUnitAccounts"/>): listed from the accounts store, opened through
/// <see cref="AccountService"/> like the county admin's 新建账号 (scope checks, password policy, one-time password).
/// </summary>
internal sealed class UnitAccounts(AccountsDbContext accounts, PlatformDbContext platform, AccountService service, UserManager<PlatformUser> users) : IUnitAccounts
{
    public async Task<IReadOnlyList<UnitAccount>> VillageAccountsAsync(string county, IReadOnlyCollection<int> villageIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(villageIds);
        var ids = villageIds.Select(id => (int?)id).ToList();
        var rows = await accounts.Users.AsNoTracking()
            .Where(u => u.CountyCode == county && ids.Contains(u.VillageId))
            .OrderBy(u => u.UserName)
            .Select(u => new { u.UserName, u.DisplayName, u.VillageId })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new UnitAccount(r.UserName!, r.DisplayName, r.VillageId!.Value)).ToList();
    }

    public async Task<IReadOnlyList<OpenedAccount>> OpenVillageAccountsAsync(string county, int villageId, IReadOnlyList<string> displayNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(displayNames);
        var village = await platform.Villages.AsNoTracking().SingleOrDefaultAsync(v => v.Id == villageId && v.CountyCode == county, cancellationToken)
                      ?? throw new InvalidOperationException($"No village {villageId} in county {county}.");
        var prefix = village.Code + "-";
        var taken = (await accounts.Users.AsNoTracking().Where(u => u.UserName!.StartsWith(prefix)).Select(u => u.UserName!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var opened = new List<OpenedAccount>();
        var n = 0;
        foreach (var name in displayNames)
        {
            string userName;
            do
            {
                userName = prefix + (++n).ToString(CultureInfo.InvariantCulture);
            }
            while (taken.Contains(userName) || await users.FindByNameAsync(userName) is not null);

            var result = await service.CreateAsync(new NewAccount(userName, name, Roles.VillageUser, county, null, village.TownshipId, village.Id, null, null), cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Account {userName} was refused: {string.Join("; ", result.Errors.Values)}");
            }

            taken.Add(userName);
            opened.Add(new OpenedAccount(userName, result.User!.DisplayName, result.OneTimePassword!));
        }

        return opened;
    }
}
