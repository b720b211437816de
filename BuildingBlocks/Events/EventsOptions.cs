namespace Emergency.BuildingBlocks.Events;

/// <summary>Configuration section "Events".</summary>
public sealed class EventsOptions
{
    /// <summary>Off only to simulate a crash between commit and delivery in tests.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher sweeps every store when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failed deliveries before a message is parked for an admin.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; each further retry doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Messages read from a store per sweep; each subscriber gets its share in one transaction. 500 delivers a burst
    /// of 10,000 reminders to the mail server in 25 s where 100 took 30 s (bench/results, issue #12).
    /// </summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Delivered outbox rows and inbox rows are kept this long, then removed.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    internal TimeSpan Backoff(int attempts)
    {
        var delay = RetryBaseDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay > RetryMaxDelay ? RetryMaxDelay : delay;
    }
}
