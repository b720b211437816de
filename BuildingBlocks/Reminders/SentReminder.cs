using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Emergency.BuildingBlocks.Reminders;

/// <summary>
/// That a reminder went out, under a key unique in its store (e.g. "bulletin-ack:42:due").
/// The sweep that sends reminders records the key in the same commit as the email request,
/// so a reminder is sent once: not lost and not repeated across restarts.
/// </summary>
public sealed class SentReminder
{
    public string Key { get; set; } = "";

    public DateTime SentAtUtc { get; set; }
}

public static class ReminderLedger
{
    /// <summary>
    /// Claims the reminder key in this store's change tracker. Returns false when it was already
    /// sent; otherwise the key is committed by the caller's SaveChanges, with the email request.
    /// </summary>
    public static async Task<bool> TryClaimAsync(this StoreDbContext store, string key, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        // Find looks in the change tracker by key first and only then asks the store; unlike Local it does not scan
        // every tracked entity for changes, which made a job claiming thousands of keys quadratic.
        if (await store.SentReminders.FindAsync([key], cancellationToken) is not null)
        {
            return false;
        }

        store.SentReminders.Add(new SentReminder { Key = key, SentAtUtc = nowUtc });
        return true;
    }

    /// <summary>
    /// The keys of one kind already claimed (those built by <see cref="ReminderKey.For"/> with <paramref name="kind"/>
    /// first): a sweep over thousands of candidates checks this set in memory and claims only the new ones, instead of
    /// asking the store once per candidate.
    /// </summary>
    public static async Task<HashSet<string>> ClaimedAsync(this StoreDbContext store, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        // StartsWith, not a key range: a range depends on the store's collation (PostgreSQL's is not byte order).
        var prefix = kind + ":";
        return (await store.SentReminders.AsNoTracking()
                .Where(r => r.Key.StartsWith(prefix))
                .Select(r => r.Key).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Claims the key against <paramref name="claimed"/> (every key of its kind already claimed, from
    /// <see cref="ClaimedAsync"/>) without asking the store; committed by the caller's SaveChanges like the others.
    /// </summary>
    public static bool TryClaim(this StoreDbContext store, ReminderKey key, DateTime nowUtc, ISet<string> claimed)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(claimed);
        if (!claimed.Add(key.Value))
        {
            return false;
        }

        store.SentReminders.Add(new SentReminder { Key = key.Value, SentAtUtc = nowUtc });
        return true;
    }

    /// <summary>Claims a key built by <see cref="ReminderKey.For"/>; see the string overload.</summary>
    public static Task<bool> TryClaimAsync(this StoreDbContext store, ReminderKey key, DateTime nowUtc, CancellationToken cancellationToken) =>
        store.TryClaimAsync(key.Value, nowUtc, cancellationToken);
}
