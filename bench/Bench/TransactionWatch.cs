using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Emergency.Bench;

/// <summary>
/// How long EF Core transactions of this process stay open (begin to commit or rollback), by database file and
/// context: in SQLite a write transaction holds its database's one write lock until it ends.
/// </summary>
internal sealed class TransactionWatch : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];
    private readonly ConcurrentDictionary<Guid, (long Started, string Where)> open = new();
    private readonly ConcurrentBag<(double Milliseconds, string Where)> ended = [];

    public TransactionWatch() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    /// <summary>The longest transactions seen, longest first.</summary>
    public IEnumerable<(double Milliseconds, string Where)> Longest(int count) => ended.OrderByDescending(e => e.Milliseconds).Take(count);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is not TransactionEventData data)
        {
            return;
        }

        if (value.Key == RelationalEventId.TransactionStarted.Name)
        {
            var file = Path.GetFileName(data.Transaction.Connection?.DataSource ?? "?");
            open[data.TransactionId] = (Stopwatch.GetTimestamp(), $"{file} ({data.Context?.GetType().Name})");
        }
        else if ((value.Key == RelationalEventId.TransactionCommitted.Name || value.Key == RelationalEventId.TransactionRolledBack.Name)
            && open.TryRemove(data.TransactionId, out var started))
        {
            ended.Add((Stopwatch.GetElapsedTime(started.Started).TotalMilliseconds, started.Where));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
