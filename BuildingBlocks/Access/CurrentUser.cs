namespace Emergency.BuildingBlocks.Access;

/// <summary>Where an account sits in the county: what it may see is decided by this first.</summary>
public enum UserScope
{
    /// <summary>Platform posts (platform, security, audit admins): no county data.</summary>
    Platform = 0,

    /// <summary>County admin and county leaders: the whole county.</summary>
    County = 1,

    /// <summary>A county department (应急管理局, 水利局 …).</summary>
    Department = 2,

    /// <summary>A township/subdistrict emergency office.</summary>
    Township = 3,

    /// <summary>A village/community service station or grid member.</summary>
    Village = 4,
}

/// <summary>
/// The signed-in user as modules see it: who, which county, which unit, which scope. Modules
/// decide their own rules from this (e.g. "only the emergency bureau opens a recommendation round")
/// and never read the Host's claims or accounts directly. Outside a request (jobs, handlers) it is
/// the system, with <see cref="IsAuthenticated"/> false.
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    string UserName { get; }

    string DisplayName { get; }

    string? County { get; }

    UserScope Scope { get; }

    int? DepartmentId { get; }

    int? TownshipId { get; }

    int? VillageId { get; }

    /// <summary>The county admin (县级管理员).</summary>
    bool IsCountyAdmin { get; }

    /// <summary>County leaders read everything and change nothing.</summary>
    bool IsReadOnly { get; }
}
