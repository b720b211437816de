namespace Emergency.BuildingBlocks.Access;

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
