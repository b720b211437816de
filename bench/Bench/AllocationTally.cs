using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Emergency.Bench;

/// <summary>
/// The types this process allocates most, from the runtime's allocation samples (one event about every 100 KB,
/// naming the type that crossed the mark): a sampled picture of where a request's allocations go, not an exact count.
/// </summary>
internal sealed class AllocationTally : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> bytes = new(StringComparer.Ordinal);

    public void Reset() => bytes.Clear();

    /// <summary>The most allocated types with their sampled bytes.</summary>
    public IEnumerable<(string Type, long Bytes)> Top(int count) =>
        bytes.OrderByDescending(b => b.Value).Take(count).Select(b => (b.Key, b.Value));

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.PayloadNames.IndexOf("TypeName");
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (type >= 0 && amount >= 0 && eventData.Payload?[type] is string typeName && eventData.Payload[amount] is ulong allocated)
        {
            bytes.AddOrUpdate(typeName, (long)allocated, (_, n) => n + (long)allocated);
        }
    }
}
