using Autofac;
using Emergency.BuildingBlocks.Tenancy;
using Hangfire;

namespace Emergency.BuildingBlocks.Jobs;

/// <summary>
/// What Hangfire actually invokes. Storage only ever holds this public type and a job id,
/// never a module's internal type, so modules stay internal and renames do not strand jobs.
/// A per-county job fans out into one background job per county that may use the module.
/// </summary>
public sealed class RecurringJobRunner(ILifetimeScope root, JobRegistry jobs, ICountyDirectory counties, IBackgroundJobClient client)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = jobs.Find(jobId);
        if (!job.PerCounty)
        {
            await using var scope = root.BeginLifetimeScope();
            await ((IPlatformJob)scope.Resolve(job.JobType)).RunAsync(cancellationToken);
            return;
        }

        foreach (var county in await counties.ListAsync(cancellationToken))
        {
            if (county.MayUse(job.Owner))
            {
                client.Enqueue<RecurringJobRunner>(r => r.RunForCountyAsync(jobId, county.Code, CancellationToken.None));
            }
        }
    }

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunForCountyAsync(string jobId, string county, CancellationToken cancellationToken)
    {
        var job = jobs.Find(jobId);
        var info = await counties.FindAsync(county, cancellationToken);
        if (info?.MayUse(job.Owner) != true)
        {
            return;
        }

        await using var scope = root.BeginLifetimeScope();
        scope.Resolve<ICountyContext>().Set(county);
        await ((ICountyJob)scope.Resolve(job.JobType)).RunAsync(cancellationToken);
    }
}
