using Emergency.BuildingBlocks.Events;
using Emergency.Plans.Contracts;
using Emergency.Training.Domain;

namespace Emergency.Training.Integration;

/// <summary>A plan's version was issued in Plans: offered to drill organisers (a new version replaces the old one's entry).</summary>
internal sealed class PlanIssuedHandler(KnownPlansBook book) : IIntegrationEventHandler<PlanIssued>
{
    public Task HandleAsync(PlanIssued integrationEvent, CancellationToken cancellationToken) =>
        book.IssuedAsync(integrationEvent, cancellationToken);
}

/// <summary>A plan's version in force was filed (备案): shown beside it in the drill form.</summary>
internal sealed class PlanFiledHandler(KnownPlansBook book) : IIntegrationEventHandler<PlanFiled>
{
    public Task HandleAsync(PlanFiled integrationEvent, CancellationToken cancellationToken) =>
        book.FiledAsync(integrationEvent, cancellationToken);
}
