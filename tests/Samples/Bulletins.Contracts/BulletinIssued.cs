using Emergency.BuildingBlocks.Events;

namespace Emergency.Samples.Bulletins.Contracts;

/// <summary>A bulletin (通知) was issued and must be acknowledged by its deadline.</summary>
public sealed record BulletinIssued : IntegrationEvent
{
    public required int BulletinId { get; init; }

    public required string Title { get; init; }

    public required DateTime AcknowledgeByUtc { get; init; }

    public required string ContactEmail { get; init; }
}
