using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Reminders;

namespace Emergency.BuildingBlocks.Notices;

/// <summary>What a module says in a notice; the store it is published from supplies the county and the module.</summary>
public sealed record Notice
{
    public required NoticeKind Kind { get; init; }

    public required NoticeRecipient To { get; init; }

    public required string Title { get; init; }

    public required string TextBody { get; init; }

    /// <summary>A path of this site, e.g. "/grid/Hazards/Details?id=5".</summary>
    public string? Link { get; init; }

    /// <summary>An absolute signed link for a person without an account (see <see cref="IPublicAddress"/>).</summary>
    public string? ExternalLink { get; init; }

    /// <summary>A text attachment for the mail (an <c>.ics</c> invitation); a notice with one is mailed singly, never in a digest.</summary>
    public Email.MailAttachment? Attachment { get; init; }

    public required DateTime AtUtc { get; init; }
}

public static class NoticeStoreExtensions
{
    /// <summary>Publishes the notice from this (county) store's outbox; it is committed by the caller's SaveChanges.</summary>
    public static void Notify(this StoreDbContext store, Notice notice)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(notice);
        var key = store.Key ?? throw new InvalidOperationException("The store was not opened through the store catalog.");
        var county = key.County ?? throw new InvalidOperationException("Notices are published from a county's store.");
        if (notice.Link is { } link && !link.StartsWith('/'))
        {
            throw new ArgumentException("A notice's link is a path of this site, starting with '/'.", nameof(notice));
        }

        store.Publish(new NoticeRequested
        {
            County = county,
            OccurredAtUtc = notice.AtUtc,
            Module = key.Name,
            Kind = notice.Kind.Key,
            DefaultDelivery = notice.Kind.DefaultDelivery,
            Recipient = notice.To,
            Title = notice.Title,
            TextBody = notice.TextBody,
            Link = notice.Link,
            OptionalExternalLink = notice.ExternalLink,
            Attachment = notice.Attachment,
        });
    }

    /// <summary>
    /// Claims the send-once key and publishes the notice, both committed by the caller's SaveChanges:
    /// false (and nothing published) when the key was already claimed.
    /// </summary>
    public static async Task<bool> NotifyOnceAsync(this StoreDbContext store, ReminderKey key, Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!await store.TryClaimAsync(key, notice.AtUtc, cancellationToken))
        {
            return false;
        }

        store.Notify(notice);
        return true;
    }

    /// <summary>
    /// As <see cref="NotifyOnceAsync"/>, against <paramref name="claimed"/>: every key of this kind already claimed, read
    /// once with <see cref="ReminderLedger.ClaimedAsync"/> by a sweep that sends many. The set takes the new key.
    /// </summary>
    public static bool NotifyOnce(this StoreDbContext store, ReminderKey key, Notice notice, ISet<string> claimed)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!store.TryClaim(key, notice.AtUtc, claimed))
        {
            return false;
        }

        store.Notify(notice);
        return true;
    }
}
