using System.Globalization;
using System.Text;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices.Data;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Emergency.BuildingBlocks.Notices;

/// <summary>Who a recipient's mail goes to, and what a single or digest mail says.</summary>
internal sealed class NoticeMail(ICountyUnits units, IPublicAddress address)
{
    /// <summary>A digest lists at most this many items; the rest are in the inbox.</summary>
    public const int DigestMaxItems = 500;

    public async Task<IReadOnlyList<string>> AddressesAsync(string county, NoticeRecipient recipient, CancellationToken cancellationToken) =>
        recipient.Kind switch
        {
            NoticeRecipientKind.Unit => await units.ContactEmailsAsync(county, recipient.UnitKind!.Value, recipient.UnitId!.Value, cancellationToken),
            NoticeRecipientKind.Account => await units.AccountEmailAsync(county, recipient.Address!, cancellationToken) is { Length: > 0 } email ? [email] : [],
            _ => [recipient.Address!],
        };

    public string SingleBody(NoticeRequested notice)
    {
        var body = new StringBuilder(notice.TextBody.TrimEnd());
        if (notice.OptionalExternalLink is { } external)
        {
            body.Append("\n\n").Append(external);
        }

        if (notice.Link is { } link)
        {
            body.Append("\n\n查看详情：").Append(address.Absolute(link));
        }

        return body.ToString();
    }

    public static string DigestSubject(int count, DateTime nowUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"每日通知汇总（{ChinaTime.FromUtc(nowUtc):yyyy-MM-dd}）：共 {count} 条");

    public string DigestBody(string? name, IReadOnlyList<NoticeEntry> items)
    {
        var body = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(name))
        {
            body.Append(name).Append("：\n\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"自上次汇总以来，您有 {items.Count} 条新通知：\n");
        var number = 0;
        foreach (var item in items.Take(DigestMaxItems))
        {
            number++;
            body.Append(CultureInfo.InvariantCulture, $"\n{number}. {item.Title}（{ChinaTime.Format(item.CreatedAtUtc)}）");
            if (item.Link is { } link)
            {
                body.Append("\n   ").Append(address.Absolute(link));
            }
        }

        if (items.Count > DigestMaxItems)
        {
            body.Append(CultureInfo.InvariantCulture, $"\n\n另有 {items.Count - DigestMaxItems} 条未列出。");
        }

        body.Append("\n\n全部通知请登录平台在“站内通知”中查看：").Append(address.Absolute("/Notices"));
        body.Append("\n如需每条通知单独发送邮件，可在该页面的“邮件接收方式”中设置。");
        return body.ToString();
    }
}

/// <summary>
/// Writes the notice into the inbox store; for a recipient mailed per item, requests the mails from this
/// store's own outbox in the same commit. Digest items wait for <see cref="NoticeDigestJob"/>.
/// </summary>
internal sealed class NoticeRequestedHandler(NoticesDbContext db, NoticeMail mail, TimeProvider clock) : IIntegrationEventHandler<NoticeRequested>
{
    /// <summary>
    /// The county's chosen deliveries, read once per handler: the dispatcher hands one handler a batch of a county's
    /// notices in one transaction, and only the few people who changed the default have a row.
    /// </summary>
    private readonly Dictionary<string, Dictionary<string, NoticeDelivery>> chosenByCounty = new(StringComparer.Ordinal);

    public async Task HandleAsync(NoticeRequested integrationEvent, CancellationToken cancellationToken)
    {
        var notice = integrationEvent;
        var key = notice.Recipient.Key;
        if (!chosenByCounty.TryGetValue(notice.County, out var choices))
        {
            choices = await db.Preferences.AsNoTracking()
                .Where(p => p.County == notice.County)
                .ToDictionaryAsync(p => p.RecipientKey, p => p.Delivery, StringComparer.Ordinal, cancellationToken);
            chosenByCounty[notice.County] = choices;
        }

        NoticeDelivery? chosen = choices.TryGetValue(key, out var delivery0) ? delivery0 : null;
        // A signed link is for someone without an inbox: it is mailed at once, never held for a digest.
        // An attachment (a calendar invitation) cannot ride in a digest either.
        var delivery = notice.OptionalExternalLink is not null || notice.Attachment is not null ? NoticeDelivery.Each : chosen ?? notice.DefaultDelivery;
        var entry = new NoticeEntry
        {
            Id = notice.Id,
            County = notice.County,
            Module = notice.Module,
            Kind = notice.Kind,
            RecipientKey = key,
            RecipientName = notice.Recipient.Name,
            Title = notice.Title,
            TextBody = notice.TextBody,
            Link = notice.Link,
            CreatedAtUtc = notice.OccurredAtUtc,
            Delivery = delivery,
        };
        db.Notices.Add(entry);
        if (delivery != NoticeDelivery.Each)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var addresses = await mail.AddressesAsync(notice.County, notice.Recipient, cancellationToken);
        var body = mail.SingleBody(notice);
        foreach (var to in addresses)
        {
            db.Publish(new EmailRequested
            {
                County = notice.County,
                OccurredAtUtc = now,
                Source = notice.Module,
                To = to,
                ToName = notice.Recipient.Name,
                Subject = notice.Title,
                TextBody = body,
                Attachment = notice.Attachment,
            });
        }

        entry.MailedAtUtc = now;
        entry.MailCount = addresses.Count;
    }
}

/// <summary>
/// Daily at 07:30 China time (and once at start): one mail per address of each recipient listing its pending
/// digest notices. The notices are marked in the same commit as the mail requests, so a digest goes out once,
/// across restarts too.
/// </summary>
internal sealed class NoticeDigestJob(StoreCatalog stores, NoticeMail mail, TimeProvider clock) : IPlatformJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = (NoticesDbContext)stores.Open(StoreKey.Platform(NoticesDbContext.StoreName));
        var recipients = await db.Notices
            .Where(n => n.MailedAtUtc == null && n.Delivery == NoticeDelivery.Digest)
            .Select(n => new { n.County, n.RecipientKey })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var group in recipients.OrderBy(r => r.County, StringComparer.Ordinal).ThenBy(r => r.RecipientKey, StringComparer.Ordinal))
        {
            var items = await db.Notices
                .Where(n => n.MailedAtUtc == null && n.Delivery == NoticeDelivery.Digest && n.County == group.County && n.RecipientKey == group.RecipientKey)
                .OrderBy(n => n.CreatedAtUtc)
                .ToListAsync(cancellationToken);
            if (items.Count == 0)
            {
                continue;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var name = items[^1].RecipientName;
            var recipient = NoticeRecipient.Parse(group.RecipientKey, name);
            var addresses = recipient is null ? [] : await mail.AddressesAsync(group.County, recipient, cancellationToken);
            var subject = NoticeMail.DigestSubject(items.Count, now);
            var body = mail.DigestBody(name, items);
            foreach (var to in addresses)
            {
                db.Publish(new EmailRequested
                {
                    County = group.County,
                    OccurredAtUtc = now,
                    Source = "notices",
                    To = to,
                    ToName = name,
                    Subject = subject,
                    TextBody = body,
                });
            }

            foreach (var item in items)
            {
                item.MailedAtUtc = now;
                item.MailCount = addresses.Count;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
