using System.Collections.Concurrent;
using System.Text.Json;
using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Readiness.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Readiness.Domain;

/// <summary>
/// The module's journal of received events (ADR 0007): a handler appends the event first, then applies it through the
/// one <see cref="Projector"/>; a rebuild clears the read model and replays the journal in arrival order through the
/// same projector, so it gives the same facts and the same scores.
/// A rebuild is one transaction: the leader's page keeps showing the last scores until it commits, and an event
/// arriving meanwhile is refused (the dispatcher delivers it again after its back-off) rather than applied to a half
/// replayed read model or replayed twice.
/// </summary>
internal sealed class Journal(ReadinessDbContext db, Projector projector, Scorer scorer, ICountyContext county, TimeProvider clock)
{
    /// <summary>The counties whose read model is being rebuilt in this process.</summary>
    private static readonly ConcurrentDictionary<string, byte> Rebuilding = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const int ReplayBatch = 5000;

    private const int InsertChunk = 10000;

    /// <summary>Appends the event (once: a second delivery of the same event changes nothing) and applies it.</summary>
    public async Task ReceiveAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (Rebuilding.ContainsKey(county.Required))
        {
            throw new InvalidOperationException("The readiness read model is being rebuilt; the event is delivered again later.");
        }

        if (await db.ReceivedEvents.AnyAsync(e => e.EventId == integrationEvent.Id, cancellationToken))
        {
            return;
        }

        var type = integrationEvent.GetType();
        db.ReceivedEvents.Add(new ReceivedEvent
        {
            EventId = integrationEvent.Id,
            Type = type.Name,
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            OccurredAtUtc = integrationEvent.OccurredAtUtc,
            ReceivedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        var townships = await projector.ApplyAsync(integrationEvent, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (townships.Count > 0)
        {
            await scorer.ScoreAsync([.. townships], cancellationToken);
        }
    }

    /// <summary>Clears the read model (facts and scores), replays every journalled event in order, scores every township.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var code = county.Required;
        if (!Rebuilding.TryAdd(code, 0))
        {
            throw new RebuildRunningException();
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var replayed = await ReplayAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return replayed;
        }
        finally
        {
            Rebuilding.TryRemove(code, out _);
        }
    }

    private async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        await db.TeamFacts.ExecuteDeleteAsync(cancellationToken);
        await db.StockFacts.ExecuteDeleteAsync(cancellationToken);
        await db.PlanFacts.ExecuteDeleteAsync(cancellationToken);
        await db.DrillFacts.ExecuteDeleteAsync(cancellationToken);
        await db.TrainingFacts.ExecuteDeleteAsync(cancellationToken);
        await db.DutyFacts.ExecuteDeleteAsync(cancellationToken);
        await db.HazardFacts.ExecuteDeleteAsync(cancellationToken);
        await db.GridMemberFacts.ExecuteDeleteAsync(cancellationToken);
        await db.CaseFacts.ExecuteDeleteAsync(cancellationToken);
        await db.ExpertFacts.ExecuteDeleteAsync(cancellationToken);
        await db.Scores.ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var replayed = 0;
        long after = 0;
        IReadOnlyCollection<object> facts;
        projector.BeginReplay();
        try
        {
            while (true)
            {
                var batch = await db.ReceivedEvents.AsNoTracking().Where(e => e.Seq > after).OrderBy(e => e.Seq).Take(ReplayBatch)
                    .Select(e => new { e.Seq, e.Type, e.Payload }).ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var row in batch)
                {
                    if (Projector.Types.TryGetValue(row.Type, out var type) && JsonSerializer.Deserialize(row.Payload, type, Json) is IntegrationEvent e)
                    {
                        await projector.ApplyAsync(e, cancellationToken);
                        replayed++;
                    }
                }

                after = batch[^1].Seq;
            }
        }
        finally
        {
            facts = projector.EndReplay();
        }

        // The facts built in memory are inserted in chunks, the tracker emptied after each (nothing is tracked for long).
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in facts.Chunk(InsertChunk))
            {
                db.AddRange(chunk);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        db.ChangeTracker.Clear();
        await scorer.ScoreAsync(null, cancellationToken);
        return replayed;
    }
}

/// <summary>A second rebuild of the same county while one runs.</summary>
internal sealed class RebuildRunningException() : InvalidOperationException("A rebuild of this county's readiness is already running.");
