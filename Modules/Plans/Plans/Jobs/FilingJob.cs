using Emergency.BuildingBlocks.Calendar;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Domain;

namespace Emergency.Plans.Jobs;

/// <summary>
/// Daily: submissions left unanswered for the county's working days (<see cref="PlansModule.DeemedDays"/>, default 5)
/// are deemed filed (视为备案) — a state change made once, so a second run or a restart finds nothing to do — and
/// filings past due and not submitted are noticed to their owner once (<see cref="Filings.SweepAsync"/>).
/// </summary>
internal sealed class FilingJob(Filings filings, IWorkingDays workingDays, ICountySettings settings, ICountyContext county) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var days = await settings.GetAsync(PlansModule.DeemedDays, county.Required, cancellationToken);
        await filings.SweepAsync(days, workingDays, cancellationToken);
    }
}
