namespace Emergency.BuildingBlocks.Jobs;

/// <summary>A job a module runs for one county at a time (an overdue check, a reminder sweep).</summary>
public interface ICountyJob
{
    /// <summary>Runs in a scope whose county context is already set.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>A platform-wide job (checkpoints, clean-up), run once per occurrence, not per county.</summary>
public interface IPlatformJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>A recurring job: its id (owner-prefixed), cron in China time, and the type that does the work.</summary>
public sealed record JobDefinition(string Id, string Owner, string Cron, Type JobType, bool PerCounty);

/// <summary>Collects the recurring jobs of all modules and of the platform at start-up.</summary>
public sealed class JobRegistry
{
    private readonly List<JobDefinition> jobs = [];

    internal string Owner { get; set; } = "platform";

    public IReadOnlyList<JobDefinition> All => jobs;

    /// <summary>Runs <typeparamref name="TJob"/> for every county that may use the module, on the cron schedule.</summary>
    public void PerCounty<TJob>(string id, string cron)
        where TJob : ICountyJob => Add(new JobDefinition($"{Owner}:{id}", Owner, cron, typeof(TJob), PerCounty: true));

    public void Platform<TJob>(string id, string cron)
        where TJob : IPlatformJob => Add(new JobDefinition($"{Owner}:{id}", Owner, cron, typeof(TJob), PerCounty: false));

    internal JobDefinition Find(string id) =>
        jobs.SingleOrDefault(j => j.Id == id) ?? throw new InvalidOperationException($"No recurring job '{id}'.");

    private void Add(JobDefinition job)
    {
        if (jobs.Any(j => j.Id == job.Id))
        {
            throw new InvalidOperationException($"Recurring job '{job.Id}' registered twice.");
        }

        jobs.Add(job);
    }
}
