using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Tenancy;

namespace Emergency.BuildingBlocks.Notices;

/// <summary>How a recipient is mailed: one mail per notice, or one daily mail listing the day's notices.</summary>
public enum NoticeDelivery
{
    /// <summary>每条通知发一封邮件.</summary>
    Each = 0,

    /// <summary>每日汇总一封邮件 (07:30 China time).</summary>
    Digest = 1,
}

/// <summary>
/// A kind of notice a module sends, with a stable key ("grid.hazard-overdue") and how it is mailed when
/// the recipient chose nothing: bulk kinds (overdue hazards) default to the daily digest.
/// </summary>
public sealed record NoticeKind(string Key, NoticeDelivery DefaultDelivery);

/// <summary>Who a notice is for: a unit of the county, an account, or a plain address (an expert without an account).</summary>
public enum NoticeRecipientKind
{
    Unit = 0,
    Account = 1,
    Email = 2,
}

/// <summary>The recipient of a notice. <see cref="Key"/> is what the inbox, the preferences and the digest group by.</summary>
public sealed record NoticeRecipient
{
    public NoticeRecipientKind Kind { get; init; }

    public UnitKind? UnitKind { get; init; }

    public int? UnitId { get; init; }

    /// <summary>The account's user name (Account) or the address (Email).</summary>
    public string? Address { get; init; }

    /// <summary>A name for the mail's "To" (the unit's or the person's).</summary>
    public string? Name { get; init; }

    /// <summary>"department:5", "township:2", "village:9" (as <see cref="UnitInfo.Key"/>), "user:qxj" or "email:a@b.cn".</summary>
    public string Key => Kind switch
    {
        NoticeRecipientKind.Unit => UnitKey(UnitKind!.Value, UnitId!.Value),
        NoticeRecipientKind.Account => UserKey(Address!),
        _ => "email:" + Address!.ToLowerInvariant(),
    };

    public static NoticeRecipient Unit(UnitKind kind, int id, string? name = null) =>
        new() { Kind = NoticeRecipientKind.Unit, UnitKind = kind, UnitId = id, Name = name };

    public static NoticeRecipient Account(string userName, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        return new() { Kind = NoticeRecipientKind.Account, Address = userName, Name = name };
    }

    public static NoticeRecipient Email(string address, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return new() { Kind = NoticeRecipientKind.Email, Address = address.Trim(), Name = name };
    }

    public static string UnitKey(UnitKind kind, int id) => new UnitInfo(kind, id, "").Key;

    public static string UserKey(string userName) => "user:" + userName;

    /// <summary>Reads a key back (for the digest, which groups by key).</summary>
    public static NoticeRecipient? Parse(string key, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var (head, rest) = (key[..colon], key[(colon + 1)..]);
        if (head == "user")
        {
            return Account(rest, name);
        }

        if (head == "email")
        {
            return Email(rest, name);
        }

        return Enum.TryParse<UnitKind>(head, ignoreCase: true, out var kind) &&
               int.TryParse(rest, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? Unit(kind, id, name)
            : null;
    }
}

/// <summary>
/// A module tells a unit, a person or an address something: it lands in the in-app inbox (站内通知) and is
/// mailed once per item or in the recipient's daily digest. Modules do not build this: they call
/// <see cref="NoticeStoreExtensions.Notify"/> or <see cref="NoticeStoreExtensions.NotifyOnceAsync"/> with a <see cref="Notice"/>.
/// </summary>
public sealed record NoticeRequested : IntegrationEvent
{
    public required string Module { get; init; }

    /// <summary>The <see cref="NoticeKind.Key"/>, e.g. "grid.hazard-overdue".</summary>
    public required string Kind { get; init; }

    public NoticeDelivery DefaultDelivery { get; init; }

    public required NoticeRecipient Recipient { get; init; }

    public required string Title { get; init; }

    public required string TextBody { get; init; }

    /// <summary>A path of this site ("/grid/Hazards/Details?id=5"); mails carry it absolute, from Platform:PublicBaseUrl.</summary>
    public string? Link { get; init; }

    /// <summary>
    /// An absolute link for a person without an account (a signed answer link). Mailed, never shown in an
    /// inbox and never stored with the notice; a notice with one is mailed singly, whatever the recipient chose.
    /// </summary>
    public string? OptionalExternalLink { get; init; }

    /// <summary>A text attachment (an <c>.ics</c> invitation) for the mail; like an external link, it makes the notice mailed singly.</summary>
    public Email.MailAttachment? Attachment { get; init; }
}
