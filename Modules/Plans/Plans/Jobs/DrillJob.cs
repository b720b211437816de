using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Domain;

namespace Emergency.Plans.Jobs;

/// <summary>
/// Daily: each plan in force whose drill (演练) falls due within the county's lead days
/// (<see cref="PlansModule.DrillLeadDays"/>) is noticed to its owner once per due date, and a passed due date is
/// published as PlanDrillOverdue once (<see cref="Drills.SweepAsync"/>); a second run or a restart sends nothing new.
/// </summary>
internal sealed class DrillJob(Drills drills, ICountySettings settings, ICountyContext county) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await drills.SweepAsync(await DrillCadence.ReadAsync(settings, county.Required, cancellationToken), cancellationToken);
}
