namespace Emergency.Host.Access;

/// <summary>Where a post sits: each account belongs to one county and, by role, one unit of it.</summary>
internal enum RoleScope
{
    /// <summary>Platform-wide: no county.</summary>
    Platform,
    County,
    Department,
    Township,
    Village,
}

internal sealed record RoleInfo(string Name, string DisplayName, string DisplayNameEn, RoleScope Scope);

/// <summary>The posts of the platform. 三权分立: no account holds two of the three admin roles.</summary>
internal static class Roles
{
    public const string PlatformAdmin = "PlatformAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string AuditAdmin = "AuditAdmin";
    public const string CountyAdmin = "CountyAdmin";
    public const string DepartmentUser = "DepartmentUser";
    public const string TownshipUser = "TownshipUser";
    public const string VillageUser = "VillageUser";
    public const string CountyLeader = "CountyLeader";

    public static IReadOnlyList<RoleInfo> All { get; } =
    [
        new(PlatformAdmin, "平台管理员", "Platform admin", RoleScope.Platform),
        new(SecurityAdmin, "安全管理员", "Security admin", RoleScope.Platform),
        new(AuditAdmin, "审计管理员", "Audit admin", RoleScope.Platform),
        new(CountyAdmin, "县级管理员", "County admin", RoleScope.County),
        new(CountyLeader, "县领导（只读）", "County leader (read-only)", RoleScope.County),
        new(DepartmentUser, "部门用户", "Department user", RoleScope.Department),
        new(TownshipUser, "乡镇用户", "Township user", RoleScope.Township),
        new(VillageUser, "村（社区）用户/网格员", "Village user / grid member", RoleScope.Village),
    ];

    /// <summary>三权分立: the three posts that no single account may combine.</summary>
    public static IReadOnlySet<string> SeparatedPowers { get; } = new HashSet<string> { PlatformAdmin, SecurityAdmin, AuditAdmin };

    public static RoleInfo Get(string name) => All.Single(r => r.Name == name);

    public static string DisplayName(string name) => All.FirstOrDefault(r => r.Name == name)?.DisplayName ?? name;
}
