using System.Globalization;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Microsoft.Extensions.Localization;

namespace Emergency.Teams.Domain;

/// <summary>The notices of 装备物资 (texts from Resources/TeamsText.tsv): stock below its minimum, stock expiring.</summary>
internal sealed class StockNotices(IStringLocalizer<TeamsText> text)
{
    public static class Kinds
    {
        public static readonly NoticeKind BelowMinimum = new("teams.supply-below-minimum", NoticeDelivery.Each);
        public static readonly NoticeKind Expiring = new("teams.supply-expiring", NoticeDelivery.Each);
    }

    /// <summary>Who is told of a stock row: the owner unit, and the keeper's account when the site names one.</summary>
    public static IReadOnlyList<NoticeRecipient> Recipients(StorageSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var owner = site.DepartmentId is { } d ? NoticeRecipient.Unit(UnitKind.Department, d, site.OwnerName)
            : site.VillageId is { } v ? NoticeRecipient.Unit(UnitKind.Village, v, site.OwnerName)
            : site.TownshipId is { } t ? NoticeRecipient.Unit(UnitKind.Township, t, site.OwnerName)
            : null;
        var keeper = string.IsNullOrWhiteSpace(site.KeeperUserName) ? null : NoticeRecipient.Account(site.KeeperUserName, site.KeeperName);
        return new[] { owner, keeper }.OfType<NoticeRecipient>().DistinctBy(r => r.Key).ToList();
    }

    public Notice BelowMinimum(StockItem stock, StorageSite site, SupplyKind kind, NoticeRecipient to, DateTime nowUtc) => new()
    {
        Kind = Kinds.BelowMinimum,
        To = to,
        Title = text.Render("Mail_StockBelowSubject", site.Name, kind.Name),
        TextBody = text.Render("Mail_StockBelowBody", site.Name, kind.Name, stock.Quantity, stock.Minimum, kind.Unit, Date(stock.BelowSinceOn!.Value)),
        Link = Link(site),
        AtUtc = nowUtc,
    };

    public Notice Expiring(StockItem stock, StorageSite site, SupplyKind kind, NoticeRecipient to, DateTime nowUtc) => new()
    {
        Kind = Kinds.Expiring,
        To = to,
        Title = text.Render("Mail_StockExpiringSubject", site.Name, kind.Name, Date(stock.ExpiresOn!.Value)),
        TextBody = text.Render("Mail_StockExpiringBody", site.Name, kind.Name, stock.Quantity, kind.Unit, Date(stock.ExpiresOn!.Value)),
        Link = Link(site),
        AtUtc = nowUtc,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Link(StorageSite site) => "/teams/Stock/Site?id=" + site.Id.ToString(CultureInfo.InvariantCulture);
}
