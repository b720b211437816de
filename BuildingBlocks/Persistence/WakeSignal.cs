using System.Threading.Channels;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>
/// Wakes a background worker for particular keys, or lets it time out and sweep everything.
/// </summary>
public class WakeSignal<TKey>
    where TKey : notnull
{
    private readonly Channel<TKey> channel = Channel.CreateUnbounded<TKey>();

    public void Wake(TKey key) => channel.Writer.TryWrite(key);

    /// <summary>Waits for wake-ups; returns the woken keys, or null when the poll interval passed (sweep all).</summary>
    public async Task<IReadOnlySet<TKey>?> WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(pollInterval);
        try
        {
            await channel.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var keys = new HashSet<TKey>();
        while (channel.Reader.TryRead(out var key))
        {
            keys.Add(key);
        }

        return keys;
    }
}

/// <summary>Wakes the event dispatcher for a store that has just committed outbox rows.</summary>
public sealed class OutboxSignal : WakeSignal<StoreKey>;
