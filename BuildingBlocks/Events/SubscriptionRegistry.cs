using System.Text.Json;

namespace Emergency.BuildingBlocks.Events;

/// <summary>One handler of one event type, owned by a module (or a platform store such as mail).</summary>
public sealed record Subscription(Type EventType, Type HandlerType, string Owner, bool PerCounty)
{
    /// <summary>The inbox key: stable across restarts, unique per handler.</summary>
    public string Name => HandlerType.FullName ?? HandlerType.Name;

    internal Func<object, IntegrationEvent, CancellationToken, Task> Invoke { get; init; } = (_, _, _) => Task.CompletedTask;

    internal Task InvokeAsync(object handler, IntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        Invoke(handler, integrationEvent, cancellationToken);
}

/// <summary>Collects the subscriptions of all modules at start-up.</summary>
public sealed class SubscriptionRegistry
{
    private readonly List<Subscription> subscriptions = [];

    internal string Owner { get; set; } = "";

    internal bool PerCounty { get; set; } = true;

    public IReadOnlyList<Subscription> All => subscriptions;

    public void Add<TEvent, THandler>()
        where TEvent : IntegrationEvent
        where THandler : IIntegrationEventHandler<TEvent> =>
        subscriptions.Add(new Subscription(typeof(TEvent), typeof(THandler), Owner, PerCounty)
        {
            Invoke = (handler, integrationEvent, cancellationToken) =>
                ((THandler)handler).HandleAsync((TEvent)integrationEvent, cancellationToken),
        });

    internal IEnumerable<Subscription> For(string eventType) =>
        subscriptions.Where(s => EventTypeName.Of(s.EventType) == eventType);

    internal IntegrationEvent? Deserialize(OutboxMessage message)
    {
        var type = subscriptions.FirstOrDefault(s => EventTypeName.Of(s.EventType) == message.Type)?.EventType;
        return type is null ? null : (IntegrationEvent?)JsonSerializer.Deserialize(message.Payload, type, OutboxMessage.Json);
    }
}
