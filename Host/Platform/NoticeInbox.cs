using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Notices.Data;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform;

/// <summary>One notice as the inbox shows it.</summary>
internal sealed record InboxItem(Guid Id, string Module, string Title, string TextBody, string? Link, DateTime CreatedAtUtc, bool ToUnit, bool Read);

/// <summary>
/// 站内通知 of the signed-in county user: the notices addressed to the account or to its unit (its village, or
/// its township when it sits at the township, or its department), in its own county only.
/// </summary>
internal sealed class NoticeInbox(StoreCatalog stores, ICurrentUser user, PageCaches caches, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Only county accounts have an inbox (platform posts have no county).</summary>
    public bool HasInbox => user.IsAuthenticated && user.County is not null;

    public string UserKey => NoticeRecipient.UserKey(user.UserName);

    /// <summary>The key of the user's unit, or null for a county-wide post (county admin, leader).</summary>
    public string? UnitKey => user switch
    {
        { VillageId: { } village } => NoticeRecipient.UnitKey(UnitKind.Village, village),
        { TownshipId: { } township } => NoticeRecipient.UnitKey(UnitKind.Township, township),
        { DepartmentId: { } department } => NoticeRecipient.UnitKey(UnitKind.Department, department),
        _ => null,
    };

    private string[] Keys => UnitKey is { } unit ? [UserKey, unit] : [UserKey];

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken)
    {
        if (!HasInbox)
        {
            return 0;
        }

        // Shown in the header of every page: kept until a store is written (PageCaches).
        return await caches.Unread.GetAsync((user.County!, user.UserName), async ct =>
        {
            await using var db = Open();
            return await Unread(db, await ReadUntilAsync(db, ct)).CountAsync(ct);
        }, cancellationToken);
    }

    public async Task<(IReadOnlyList<InboxItem> Items, bool HasNext)> ListAsync(int page, CancellationToken cancellationToken)
    {
        if (!HasInbox)
        {
            return ([], false);
        }

        await using var db = Open();
        var until = await ReadUntilAsync(db, cancellationToken);
        var (county, name, keys, userKey) = (user.County!, user.UserName, Keys, UserKey);
        var rows = await db.Notices.AsNoTracking()
            .Where(n => n.County == county && keys.Contains(n.RecipientKey))
            .OrderByDescending(n => n.CreatedAtUtc)
            .Skip((Math.Max(1, page) - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(n => new
            {
                n.Id, n.Module, n.Title, n.TextBody, n.Link, n.CreatedAtUtc, n.RecipientKey,
                Read = db.Reads.Any(r => r.NoticeId == n.Id && r.UserName == name),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Take(PageSize)
            .Select(r => new InboxItem(r.Id, r.Module, r.Title, r.TextBody, r.Link, r.CreatedAtUtc, r.RecipientKey != userKey, r.Read || (until is { } u && r.CreatedAtUtc <= u)))
            .ToList();
        return (items, rows.Count > PageSize);
    }

    /// <summary>Marks one notice read; false when it is not the user's (another unit's or another county's).</summary>
    public async Task<bool> MarkReadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!HasInbox)
        {
            return false;
        }

        await using var db = Open();
        var (county, keys, name) = (user.County!, Keys, user.UserName);
        if (!await db.Notices.AnyAsync(n => n.Id == id && n.County == county && keys.Contains(n.RecipientKey), cancellationToken))
        {
            return false;
        }

        if (!await db.Reads.AnyAsync(r => r.NoticeId == id && r.UserName == name, cancellationToken))
        {
            db.Reads.Add(new NoticeRead { NoticeId = id, UserName = name, ReadAtUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>Everything up to now counts as read: one row per user, however many notices there are.</summary>
    public async Task MarkAllReadAsync(CancellationToken cancellationToken)
    {
        if (!HasInbox)
        {
            return;
        }

        await using var db = Open();
        var (county, name) = (user.County!, user.UserName);
        var now = clock.GetUtcNow().UtcDateTime;
        var mark = await db.ReadMarks.SingleOrDefaultAsync(m => m.County == county && m.UserName == name, cancellationToken);
        if (mark is null)
        {
            db.ReadMarks.Add(new NoticeReadMark { County = county, UserName = name, AllReadUntilUtc = now });
        }
        else
        {
            mark.AllReadUntilUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The recipient's chosen delivery; null means each kind's default.</summary>
    public async Task<NoticeDelivery?> PreferenceAsync(string recipientKey, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var county = user.County!;
        return await db.Preferences.AsNoTracking()
            .Where(p => p.County == county && p.RecipientKey == recipientKey)
            .Select(p => (NoticeDelivery?)p.Delivery)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Sets the user's own or the user's unit's choice (null: back to each kind's default).</summary>
    public async Task<bool> SetPreferenceAsync(string recipientKey, NoticeDelivery? delivery, CancellationToken cancellationToken)
    {
        if (!HasInbox || (recipientKey != UserKey && recipientKey != UnitKey))
        {
            return false;
        }

        await using var db = Open();
        var county = user.County!;
        var row = await db.Preferences.SingleOrDefaultAsync(p => p.County == county && p.RecipientKey == recipientKey, cancellationToken);
        if (delivery is null)
        {
            if (row is not null)
            {
                db.Preferences.Remove(row);
            }
        }
        else
        {
            if (row is null)
            {
                row = new NoticePreference { County = county, RecipientKey = recipientKey };
                db.Preferences.Add(row);
            }

            row.Delivery = delivery.Value;
            row.ChangedBy = user.UserName;
            row.ChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private IQueryable<NoticeEntry> Unread(NoticesDbContext db, DateTime? until)
    {
        var (county, name, keys) = (user.County!, user.UserName, Keys);
        var query = db.Notices.AsNoTracking().Where(n => n.County == county && keys.Contains(n.RecipientKey));
        if (until is { } u)
        {
            query = query.Where(n => n.CreatedAtUtc > u);
        }

        return query.Where(n => !db.Reads.Any(r => r.NoticeId == n.Id && r.UserName == name));
    }

    private async Task<DateTime?> ReadUntilAsync(NoticesDbContext db, CancellationToken cancellationToken)
    {
        var (county, name) = (user.County!, user.UserName);
        return await db.ReadMarks.AsNoTracking()
            .Where(m => m.County == county && m.UserName == name)
            .Select(m => (DateTime?)m.AllReadUntilUtc)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private NoticesDbContext Open() => (NoticesDbContext)stores.Open(StoreKey.Platform(NoticesDbContext.StoreName));
}
