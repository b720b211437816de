using System.Data.Common;
using Emergency.BuildingBlocks.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>
/// Wakes the dispatcher as soon as a SaveChanges that wrote outbox rows has committed
/// (at once, or when the surrounding transaction commits). The dispatcher also polls,
/// so a lost wake-up only delays delivery.
/// </summary>
public sealed class OutboxWakeInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wake(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Mark(DbContext? context)
    {
        if (context is StoreDbContext store && store.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            store.OutboxPending = true;
        }
    }

    private void WakeIfCommitted(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Wake(context);
        }
    }

    private void Wake(DbContext? context)
    {
        if (context is StoreDbContext { OutboxPending: true, Key: { } key } store)
        {
            store.OutboxPending = false;
            signal.Wake(key);
        }
    }
}
