using Emergency.Grid.Contracts;
using Emergency.Grid.Data;

namespace Emergency.Grid.Domain;

/// <summary>
/// The integration events of a hazard, built in one place for the workflow, the overnight sweep and the demo county, so
/// every publisher tells other modules (Readiness) the same thing.
/// </summary>
internal static class HazardEvents
{
    public static HazardReported Reported(Hazard hazard, string gridCode) => new()
    {
        HazardId = hazard.Id,
        TownshipId = hazard.TownshipId,
        VillageId = hazard.VillageId,
        GridCode = gridCode,
        Category = hazard.Category,
        Level = hazard.Level,
        Place = hazard.Place,
        ReportedBy = hazard.ReportedBy,
    };

    public static HazardClosed Closed(Hazard hazard, string by) => new()
    {
        HazardId = hazard.Id,
        TownshipId = hazard.TownshipId,
        DepartmentId = hazard.DepartmentId,
        Level = hazard.Level,
        ClosedBy = by,
    };

    public static HazardOverdue Overdue(Hazard hazard, int department, DateTime deadlineUtc) => new()
    {
        HazardId = hazard.Id,
        TownshipId = hazard.TownshipId,
        DepartmentId = department,
        DeadlineUtc = deadlineUtc,
        Level = hazard.Level,
    };
}
