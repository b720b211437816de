using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>
/// Base of every store's DbContext. Each store carries its own outbox (events it publishes,
/// committed with the state change), inbox (events it has handled, so a second delivery has
/// no second effect) and reminder ledger (what was already sent, by unique key).
/// </summary>
public abstract class StoreDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<SentReminder> SentReminders => Set<SentReminder>();

    /// <summary>Which store this instance is connected to; set by the factory that made it.</summary>
    public StoreKey? Key { get; internal set; }

    /// <summary>The clock that stamps published events; set by the factory that made this instance.</summary>
    public TimeProvider Clock { get; internal set; } = TimeProvider.System;

    internal bool OutboxPending { get; set; }

    private readonly List<Func<IntegrationEvent>> publishAfterSave = [];

    /// <summary>Readies an instance leased from its store's pool: EF Core has reset its own state, this resets ours.</summary>
    internal void BeginLease(StoreKey key, TimeProvider clock)
    {
        Key = key;
        Clock = clock;
        OutboxPending = false;
        publishAfterSave.Clear();
    }

    /// <summary>
    /// Adds the event to this store's outbox; it is committed by the next SaveChanges with the state change.
    /// An event without a county or time gets this store's county and the current time.
    /// </summary>
    public void Publish(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (string.IsNullOrEmpty(integrationEvent.County))
        {
            integrationEvent = integrationEvent with
            {
                County = Key?.County ?? throw new InvalidOperationException("A platform store's event must name its county."),
            };
        }

        if (integrationEvent.OccurredAtUtc == default)
        {
            integrationEvent = integrationEvent with { OccurredAtUtc = Clock.GetUtcNow().UtcDateTime };
        }

        OutboxMessages.Add(OutboxMessage.From(integrationEvent));
    }

    /// <summary>
    /// Publishes an event built once the next SaveChanges has given new rows their ids (a hazard's id for
    /// <c>HazardReported</c>); the rows and the event commit together, in one transaction SaveChanges opens.
    /// </summary>
    public void PublishAfterSave(Func<IntegrationEvent> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        publishAfterSave.Add(build);
    }

    /// <summary>
    /// Work a store does in the same transaction right after its rows are saved (Grid keeps its hazard tally
    /// this way), prepared before the save from the change tracker; null when there is none.
    /// </summary>
    protected virtual Func<CancellationToken, Task>? PrepareAfterSave() => null;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var afterSave = PrepareAfterSave();
        if (publishAfterSave.Count == 0 && afterSave is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (afterSave is not null)
            {
                await afterSave(cancellationToken);
            }

            if (publishAfterSave.Count > 0)
            {
                var builds = publishAfterSave.ToList();
                publishAfterSave.Clear();
                foreach (var build in builds)
                {
                    Publish(build());
                }

                saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Times are stored as UTC and come back as UTC; pages show them in China time.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("OutboxMessages");
            b.HasKey(m => m.Id);
            b.Property(m => m.Type).HasMaxLength(300);
            b.Property(m => m.County).HasMaxLength(12);
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.HasIndex(m => new { m.DispatchedAtUtc, m.ParkedAtUtc, m.NextAttemptAtUtc });
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("InboxMessages");
            b.HasKey(m => new { m.MessageId, m.Handler });
            b.Property(m => m.Handler).HasMaxLength(300);
            b.HasIndex(m => m.ProcessedAtUtc);
        });
        modelBuilder.Entity<SentReminder>(b =>
        {
            b.ToTable("SentReminders");
            b.HasKey(r => r.Key);
            b.Property(r => r.Key).HasMaxLength(300);
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
