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

            foreach (var message in batch)
            {
                await DeliverAsync(message, cancellationToken);
            }

            await store.SaveChangesAsync(cancellationToken);
            if (batch.Count < settings.BatchSize)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var targets = subscriptions.For(message.Type).ToList();
            if (targets.Count > 0)
            {
                var integrationEvent = subscriptions.Deserialize(message)
                    ?? throw new InvalidOperationException($"Cannot read event {message.Type}.");
                var county = await counties.FindAsync(message.County, cancellationToken);
                foreach (var subscription in targets)
                {
                    // A module the county may not use does not handle the county's events.
                    if (subscription.PerCounty && county?.MayUse(subscription.Owner) != true)
                    {
                        continue;
                    }

                    await DeliverToAsync(subscription, integrationEvent, cancellationToken);
                }
            }

            message.DispatchedAtUtc = now;
            message.NextAttemptAtUtc = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
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
    }

    private async Task DeliverToAsync(Subscription subscription, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        if (subscription.PerCounty)
        {
            scope.Resolve<ICountyContext>().Set(integrationEvent.County);
        }

        var store = scope.ResolveKeyed<StoreDbContext>(subscription.Owner);
        var seen = await store.InboxMessages.AnyAsync(
            i => i.MessageId == integrationEvent.Id && i.Handler == subscription.Name, cancellationToken);
        if (seen)
        {
            return;
        }

        await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        store.InboxMessages.Add(new InboxMessage
        {
            MessageId = integrationEvent.Id,
            Handler = subscription.Name,
            ProcessedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await subscription.InvokeAsync(scope.Resolve(subscription.HandlerType), integrationEvent, cancellationToken);
        await store.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(LogLevel.Error, "Event dispatch sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);

    [LoggerMessage(LogLevel.Warning, "Delivery of event {Id} ({Type}) failed, attempt {Attempts}; will retry")]
    private static partial void LogRetry(ILogger logger, Guid id, string type, int attempts, Exception ex);

    [LoggerMessage(LogLevel.Error, "Event {Id} ({Type}) parked after {Attempts} failed deliveries")]
    private static partial void LogParked(ILogger logger, Guid id, string type, int attempts, Exception ex);
}
