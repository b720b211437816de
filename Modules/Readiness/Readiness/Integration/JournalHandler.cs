using Emergency.BuildingBlocks.Events;
using Emergency.Readiness.Domain;

namespace Emergency.Readiness.Integration;

/// <summary>
/// Every event Readiness reads: appended to the journal first, then applied to the read model through the projector
/// (<see cref="Journal.ReceiveAsync"/>), in the dispatcher's one commit with its inbox row.
/// </summary>
internal sealed class JournalHandler<TEvent>(Journal journal) : IIntegrationEventHandler<TEvent>
    where TEvent : IntegrationEvent
{
    public Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return journal.ReceiveAsync(integrationEvent, cancellationToken);
    }
}
