using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>
/// Process-wide counts of writes per store (a county's module store, a platform store).
/// They move on every statement that changes data and on every commit. What a page shows on every request (to-do
/// counts, the unread count, a county's units and settings) is cached against the counts of the stores it reads
/// (<see cref="WriteVersionedCache{TKey, TValue}"/>), so a read-only request runs no SQL for them, and a write to one
/// of those stores makes the next request read afresh — a burst of writes elsewhere (another county, another
/// module, the notice store) leaves them cached.
/// </summary>
public sealed class StoreWrites
{
    private readonly ConcurrentDictionary<StoreKey, StrongBox<long>> byStore = new();

    /// <summary>Writes whose store is not known (a bulk load over a raw connection): they count for every store.</summary>
    private long unscoped;

    /// <summary>Moves on a write to this store (or to a store not known).</summary>
    public long VersionOf(StoreKey store) =>
        Interlocked.Read(ref unscoped) + (byStore.TryGetValue(store, out var count) ? Interlocked.Read(ref count.Value) : 0);

    /// <summary>The sum of <see cref="VersionOf"/> over the stores: moves when any of them is written.</summary>
    public long VersionOf(StoreKey first, StoreKey second) => VersionOf(first) + VersionOf(second);

    /// <summary>Marks a change made outside the stores' contexts (a bulk load over a raw connection): every store's count moves.</summary>
    public void Changed() => Interlocked.Increment(ref unscoped);

    /// <summary>Marks a write to the store (null: not known, counted for every store).</summary>
    public void Changed(StoreKey? store)
    {
        if (store is null)
        {
            Changed();
            return;
        }

        Interlocked.Increment(ref byStore.GetOrAdd(store, static _ => new StrongBox<long>()).Value);
    }
}

/// <summary>
/// Moves <see cref="StoreWrites"/> after each statement that is not a read (an INSERT/UPDATE/DELETE, also
/// one that returns rows) and after each commit: a read that raced an uncommitted write and cached the old
/// value is invalidated by the commit.
/// </summary>
public sealed class StoreWriteInterceptor(StoreWrites writes) : DbCommandInterceptor, IDbTransactionInterceptor
{
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Note(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Note(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Note(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Note(command, eventData);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => writes.Changed(StoreOf(eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        writes.Changed(StoreOf(eventData));
        return Task.CompletedTask;
    }

    /// <summary>The store the context is connected to, when its factory said (else null: counted for every store).</summary>
    private static StoreKey? StoreOf(DbContextEventData eventData) => (eventData.Context as StoreDbContext)?.Key;

    private void Note(DbCommand command, CommandEventData eventData)
    {
        if (IsWrite(command.CommandText))
        {
            writes.Changed(StoreOf(eventData));
        }
    }

    /// <summary>Reads start with SELECT (or a WITH of a read, or a PRAGMA); everything else may change data.</summary>
    internal static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return !(text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) ||
                 text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase) ||
                 (text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase) && !ContainsWrite(text)));
    }

    private static bool ContainsWrite(ReadOnlySpan<char> text) =>
        text.Contains("INSERT ", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("UPDATE ", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("DELETE ", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Values worth keeping between requests, each valid while the stores it was read from (its key's version) have not
/// been written since it was read and
/// for at most <c>maxAge</c> on the platform clock (for what depends on the time, such as "due within 7 days").
/// Per process: with more than one instance, another instance's write is seen after <c>maxAge</c> (ADR 0006).
/// </summary>
public sealed class WriteVersionedCache<TKey, TValue>(Func<TKey, long> versionOf, TimeProvider clock, TimeSpan maxAge, int capacity = 20_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new();

    public async ValueTask<TValue> GetAsync(TKey key, Func<CancellationToken, Task<TValue>> load, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(load);
        // The version is read before the load: a write during the load leaves the entry stale at once.
        var version = versionOf(key);
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var entry) && entry.Version == version && now >= entry.LoadedAt && now - entry.LoadedAt < maxAge)
        {
            return entry.Value;
        }

        var value = await load(cancellationToken);
        if (entries.Count >= capacity)
        {
            entries.Clear();
        }

        entries[key] = new Entry(value, version, now);
        return value;
    }

    public void Clear() => entries.Clear();

    private sealed record Entry(TValue Value, long Version, DateTimeOffset LoadedAt);
}
