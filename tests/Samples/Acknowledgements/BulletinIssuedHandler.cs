using Emergency.BuildingBlocks.Events;
using Emergency.Samples.Acknowledgements.Data;
using Emergency.Samples.Bulletins.Contracts;

namespace Emergency.Samples.Acknowledgements;

internal sealed class BulletinIssuedHandler(AcknowledgementsDbContext db) : IIntegrationEventHandler<BulletinIssued>
{
    /// <summary>Titles with this marker make the handler fail, so tests can watch retries and parking.</summary>
    public const string FailMarker = "[故障]";

    public Task HandleAsync(BulletinIssued integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.Title.Contains(FailMarker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("simulated handler failure");
        }

        db.Acknowledgements.Add(new Acknowledgement
        {
            BulletinId = integrationEvent.BulletinId,
            Title = integrationEvent.Title,
            ContactEmail = integrationEvent.ContactEmail,
            DueAtUtc = integrationEvent.AcknowledgeByUtc,
        });
        return Task.CompletedTask;
    }
}
