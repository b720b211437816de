using Autofac;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Emergency.BuildingBlocks.Events;

/// <summary>
/// Delivers outbox messages to their subscribers: woken right after a commit, and sweeping all
/// stores every poll interval so nothing is left behind by a lost wake-up or a crash.
/// Delivery is at least once; the subscriber's inbox makes the effect exactly once.
/// </summary>
public sealed partial class OutboxDispatcher(
    ILifetimeScope root,
    StoreCatalog stores,
    SubscriptionRegistry subscriptions,
    ICountyDirectory counties,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<EventsOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>How long a subscriber's transaction stays open before it commits and the next begins (see <see cref="DeliverToAsync"/>).</summary>
    public static readonly TimeSpan TransactionBudget = TimeSpan.FromMilliseconds(50);

    private readonly EventsOptions settings = options.Value;
    private readonly SemaphoreSlim gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.DispatcherEnabled)
        {
            return;
        }

        IReadOnlySet<StoreKey>? woken = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var keys = woken ?? (IEnumerable<StoreKey>)await stores.AllKeysAsync(stoppingToken);
                await DispatchAsync(keys, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }

            try
            {
                woken = await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Delivers what is due in the given stores. Also called by tests and the admin "retry" action.</summary>
    public async Task DispatchAsync(IEnumerable<StoreKey> keys, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var key in keys)
            {
                await DispatchStoreAsync(key, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task DispatchStoreAsync(StoreKey key, CancellationToken cancellationToken)
    {
        await using var store = stores.Open(key);
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var batch = await store.OutboxMessages
                .Where(m => m.DispatchedAtUtc == null && m.ParkedAtUtc == null && (m.NextAttemptAtUtc == null || m.NextAttemptAtUtc <= now))
                .OrderBy(m => m.OccurredAtUtc)
                .Take(settings.BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            await DeliverBatchAsync(batch, cancellationToken);
            await store.SaveChangesAsync(cancellationToken);
            if (batch.Count < settings.BatchSize)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Delivers a batch: each subscriber gets its share of the batch in one scope and one transaction (one inbox
    /// lookup, one commit) rather than one per message. When a share fails, it is rolled back and delivered message by
    /// message, so only the message that fails is retried and counted against its attempts.
    /// </summary>
    private async Task DeliverBatchAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<OutboxMessage, Exception>();
        var deliveries = new List<(OutboxMessage Message, IntegrationEvent Event, Subscription Subscription)>();
        foreach (var message in batch)
        {
            try
            {
                var targets = subscriptions.For(message.Type).ToList();
                if (targets.Count == 0)
                {
                    continue;
                }

                var integrationEvent = subscriptions.Deserialize(message)
                    ?? throw new InvalidOperationException($"Cannot read event {message.Type}.");
                var county = await counties.FindAsync(message.County, cancellationToken);
                // A module the county may not use does not handle the county's events.
                deliveries.AddRange(targets
                    .Where(subscription => !subscription.PerCounty || county?.MayUse(subscription.Owner) == true)
                    .Select(subscription => (message, integrationEvent, subscription)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures[message] = ex;
            }
        }

        foreach (var share in deliveries.GroupBy(d => (d.Subscription, d.Event.County)))
        {
            var events = share.Where(d => !failures.ContainsKey(d.Message)).ToList();
            try
            {
                await DeliverToAsync(share.Key.Subscription, share.Key.County, events.Select(d => d.Event).ToList(), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && events.Count > 1)
            {
                LogShareFailed(logger, share.Key.Subscription.Name, events.Count, ex);
                foreach (var (message, integrationEvent, subscription) in events)
                {
                    try
                    {
                        await DeliverToAsync(subscription, integrationEvent.County, [integrationEvent], cancellationToken);
                    }
                    catch (Exception one) when (one is not OperationCanceledException)
                    {
                        failures.TryAdd(message, one);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.TryAdd(events[0].Message, ex);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var message in batch)
        {
            if (failures.TryGetValue(message, out var ex))
            {
                Failed(message, ex, now);
            }
            else
            {
                message.DispatchedAtUtc = now;
                message.NextAttemptAtUtc = null;
            }
        }
    }

    private void Failed(OutboxMessage message, Exception ex, DateTime now)
    {
        message.Attempts++;
        message.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}");
        if (message.Attempts >= settings.MaxAttempts)
        {
            message.ParkedAtUtc = now;
            LogParked(logger, message.Id, message.Type, message.Attempts, ex);
        }
        else
        {
            message.NextAttemptAtUtc = now + settings.Backoff(message.Attempts);
            LogRetry(logger, message.Id, message.Type, message.Attempts, ex);
        }
    }

    /// <summary>Hands events of one county to one subscriber in one transaction, skipping those its inbox has seen.</summary>
    private async Task DeliverToAsync(Subscription subscription, string county, IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var scope = root.BeginLifetimeScope();
        if (subscription.PerCounty)
        {
            scope.Resolve<ICountyContext>().Set(county);
        }

        var store = scope.ResolveKeyed<StoreDbContext>(subscription.Owner);
        var ids = events.Select(e => e.Id).ToList();
        var seen = (await store.InboxMessages
            .Where(i => i.Handler == subscription.Name && ids.Contains(i.MessageId))
            .Select(i => i.MessageId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var fresh = events.Where(e => seen.Add(e.Id)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        var handler = scope.Resolve(subscription.HandlerType);
        // A transaction ends once it has been open for the budget, not only at the end of the share: a share of 500
        // events held the subscriber's write lock for 1.8 s (Readiness journalling 500 HazardOverdue, bench issue #16),
        // and every other writer of that store waited. A transaction that fails rolls back alone; the caller then
        // delivers message by message, and the inbox skips what the transactions before it committed.
        var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var open = System.Diagnostics.Stopwatch.StartNew();
            foreach (var integrationEvent in fresh)
            {
                if (open.Elapsed >= TransactionBudget)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    transaction = await store.Database.BeginTransactionAsync(cancellationToken);
                    open.Restart();
                }

                store.InboxMessages.Add(new InboxMessage
                {
                    MessageId = integrationEvent.Id,
                    Handler = subscription.Name,
                    ProcessedAtUtc = clock.GetUtcNow().UtcDateTime,
                });
                await subscription.InvokeAsync(handler, integrationEvent, cancellationToken);
                // Saved after each event so the next one's handler reads what this one wrote (from the store, inside the
                // transaction). The tracker is emptied so each save looks only at its own event's rows.
                await store.SaveChangesAsync(cancellationToken);
                store.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await transaction.DisposeAsync();
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(LogLevel.Error, "Event dispatch sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);

    [LoggerMessage(LogLevel.Warning, "Delivery of {Count} events to {Handler} in one transaction failed; delivering them one by one")]
    private static partial void LogShareFailed(ILogger logger, string handler, int count, Exception ex);

    [LoggerMessage(LogLevel.Warning, "Delivery of event {Id} ({Type}) failed, attempt {Attempts}; will retry")]
    private static partial void LogRetry(ILogger logger, Guid id, string type, int attempts, Exception ex);

    [LoggerMessage(LogLevel.Error, "Event {Id} ({Type}) parked after {Attempts} failed deliveries")]
    private static partial void LogParked(ILogger logger, Guid id, string type, int attempts, Exception ex);
}
