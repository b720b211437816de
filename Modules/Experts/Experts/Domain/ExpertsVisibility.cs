using Emergency.Experts.Contracts;
using Emergency.Experts.Data;

namespace Emergency.Experts.Domain;

/// <summary>Which experts a user may open: managers and leaders all; a department the county team and its own team.</summary>
internal static class ExpertsVisibility
{
    public static async Task<bool> MayOpenAsync(ExpertsAccess access, Expert expert, CancellationToken cancellationToken) =>
        expert.Level == ExpertTeamLevel.County
        || await access.SeesWholeCountyAsync(cancellationToken)
        || (access.DepartmentId is { } department && expert.DepartmentId == department);
}
