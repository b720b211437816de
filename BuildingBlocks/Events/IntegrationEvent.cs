namespace Emergency.BuildingBlocks.Events;

/// <summary>
/// A fact one module tells the others. Carries its own id (the idempotency key of every
/// handler), the time it happened (UTC) and the county it belongs to. Derived types are
/// public records in a module's *.Contracts assembly.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>When it happened; filled in by <c>StoreDbContext.Publish</c> when left unset.</summary>
    public DateTime OccurredAtUtc { get; init; }

    /// <summary>The county it belongs to; filled in by <c>StoreDbContext.Publish</c> from the store when left unset.</summary>
    public string County { get; init; } = "";
}

/// <summary>Handles one integration event inside the subscribing module's own store.</summary>
/// <remarks>
/// The dispatcher opens a fresh scope set to the event's county, begins a transaction on the
/// module's store, runs the handler and records the event in the inbox in the same commit.
/// A handler therefore changes its DbContext and leaves SaveChanges to the dispatcher.
/// </remarks>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
