using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Domain;

namespace Emergency.Plans.Jobs;

/// <summary>
/// Daily: each plan whose evaluation (评估) falls due within the county's lead days
/// (<see cref="PlansModule.EvaluationLeadDays"/>) is noticed to its owner once per period
/// (<see cref="Evaluations.SweepAsync"/>); a second run or a restart sends nothing new.
/// </summary>
internal sealed class EvaluationJob(Evaluations evaluations, ICountySettings settings, ICountyContext county) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var years = await settings.GetAsync(PlansModule.EvaluationYears, county.Required, cancellationToken);
        var lead = await settings.GetAsync(PlansModule.EvaluationLeadDays, county.Required, cancellationToken);
        await evaluations.SweepAsync(years, lead, cancellationToken);
    }
}
