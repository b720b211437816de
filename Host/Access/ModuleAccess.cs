using System.Security.Claims;
using Emergency.Host.Platform;

namespace Emergency.Host.Access;

/// <summary>
/// Whether the signed-in user may use a module: the county may use it, and a department user's
/// department has enabled it. County-wide posts and township/village posts see every module the
/// county may use; platform-wide posts see none (they hold no county data).
/// </summary>
internal sealed class ModuleAccess(CountySnapshot counties)
{
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, string module, CancellationToken cancellationToken)
    {
        var county = user.County();
        if (county is null || (await counties.FindAsync(county, cancellationToken))?.MayUse(module) != true)
        {
            return false;
        }

        if (user.IsInRole(Roles.DepartmentUser))
        {
            return user.DepartmentId() is { } department && await counties.DepartmentEnabledAsync(department, module, cancellationToken);
        }

        return user.IsInRole(Roles.CountyAdmin) || user.IsInRole(Roles.CountyLeader) || user.IsInRole(Roles.TownshipUser) || user.IsInRole(Roles.VillageUser);
    }
}
