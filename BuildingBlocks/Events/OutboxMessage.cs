using System.Text.Json;

namespace Emergency.BuildingBlocks.Events;

/// <summary>An event waiting in its publisher's store to be delivered; rows are kept a while after delivery.</summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; set; }

    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    public string County { get; set; } = "";

    public DateTime OccurredAtUtc { get; set; }

    public DateTime? DispatchedAtUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime? NextAttemptAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>Set when delivery failed too often: the message waits for an admin and is never dropped.</summary>
    public DateTime? ParkedAtUtc { get; set; }

    internal static OutboxMessage From(IntegrationEvent integrationEvent)
    {
        if (string.IsNullOrWhiteSpace(integrationEvent.County))
        {
            throw new ArgumentException("An integration event must name its county.", nameof(integrationEvent));
        }

        if (integrationEvent.OccurredAtUtc == default)
        {
            throw new ArgumentException("An integration event must carry the time it happened.", nameof(integrationEvent));
        }

        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.Id,
            Type = EventTypeName.Of(type),
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            County = integrationEvent.County,
            OccurredAtUtc = integrationEvent.OccurredAtUtc,
        };
    }
}

/// <summary>Records that a handler has processed an event, so a second delivery has no second effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Handler { get; set; } = "";

    public DateTime ProcessedAtUtc { get; set; }
}

internal static class EventTypeName
{
    public static string Of(Type type) => type.FullName ?? type.Name;
}
