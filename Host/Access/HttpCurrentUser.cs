using Emergency.BuildingBlocks.Access;

namespace Emergency.Host.Access;

/// <summary>The signed-in user of the current request, read from the cookie's claims.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private System.Security.Claims.ClaimsPrincipal? Principal =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public bool IsAuthenticated => Principal is not null;

    public string UserName => Principal?.Identity?.Name ?? "系统";

    public string DisplayName => Principal?.DisplayName() ?? "系统";

    public string? County => Principal?.County();

    public UserScope Scope => Principal switch
    {
        null => UserScope.Platform,
        var u when u.IsInRole(Roles.CountyAdmin) || u.IsInRole(Roles.CountyLeader) => UserScope.County,
        var u when u.IsInRole(Roles.DepartmentUser) => UserScope.Department,
        var u when u.IsInRole(Roles.TownshipUser) => UserScope.Township,
        var u when u.IsInRole(Roles.VillageUser) => UserScope.Village,
        _ => UserScope.Platform,
    };

    public int? DepartmentId => Principal?.DepartmentId();

    public int? TownshipId => Principal?.TownshipId();

    public int? VillageId => Principal?.VillageId();

    public bool IsCountyAdmin => Principal?.IsInRole(Roles.CountyAdmin) == true;

    public bool IsReadOnly => Principal?.IsInRole(Roles.CountyLeader) == true;
}
