using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Emergency.Bench;

/// <summary>
/// How long EF Core transactions of this process stay open (begin to commit or rollback), by database file and
/// context: in SQLite a write transaction holds its database's one write lock until it ends.
/// </summary>
internal sealed class TransactionWatch : EfEventObserver
{
    private readonly ConcurrentDictionary<Guid, (long Started, string Where)> open = new();
    private readonly ConcurrentBag<(double Milliseconds, string Where)> ended = [];

    /// <summary>The longest transactions seen, longest first.</summary>
    public IEnumerable<(double Milliseconds, string Where)> Longest(int count) => ended.OrderByDescending(e => e.Milliseconds).Take(count);

    protected override void OnEvent(string name, object? data)
    {
        if (data is not TransactionEventData transaction)
        {
            return;
        }

        if (name == RelationalEventId.TransactionStarted.Name)
        {
            var file = Path.GetFileName(transaction.Transaction.Connection?.DataSource ?? "?");
            open[transaction.TransactionId] = (Stopwatch.GetTimestamp(), $"{file} ({transaction.Context?.GetType().Name})");
        }
        else if ((name == RelationalEventId.TransactionCommitted.Name || name == RelationalEventId.TransactionRolledBack.Name)
            && open.TryRemove(transaction.TransactionId, out var started))
        {
            ended.Add((Stopwatch.GetElapsedTime(started.Started).TotalMilliseconds, started.Where));
        }
    }
}
