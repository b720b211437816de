using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Microsoft.Extensions.Localization;

namespace Emergency.Teams.Domain;

/// <summary>
/// The notices of 一张网 and 镇企联动协议 (texts from Resources/TeamsText.tsv): each step of a support request told to
/// the next actor, and an agreement about to expire told to its township.
/// </summary>
internal sealed class SupportNotices(IStringLocalizer<TeamsText> text)
{
    public static class Kinds
    {
        public static readonly NoticeKind Requested = new("teams.support-requested", NoticeDelivery.Each);
        public static readonly NoticeKind Assigned = new("teams.support-assigned", NoticeDelivery.Each);
        public static readonly NoticeKind Confirmed = new("teams.support-confirmed", NoticeDelivery.Each);
        public static readonly NoticeKind Declined = new("teams.support-declined", NoticeDelivery.Each);
        public static readonly NoticeKind Cancelled = new("teams.support-cancelled", NoticeDelivery.Each);
        public static readonly NoticeKind AgreementExpiring = new("teams.agreement-expiring", NoticeDelivery.Each);
    }

    /// <summary>To the county emergency bureau (the recipient is set by the caller).</summary>
    public Notice Requested(SupportRequest request, string what, DateTime nowUtc) => new()
    {
        Kind = Kinds.Requested,
        To = NoticeRecipient.Unit(UnitKind.Department, 0),
        Title = text.Render("Mail_SupportRequestedSubject", request.TownshipName, what),
        TextBody = text.Render("Mail_SupportRequestedBody", request.TownshipName, what, request.Place, ChinaTime.Format(request.NeededByUtc), request.Reason),
        Link = Link(request),
        AtUtc = nowUtc,
    };

    public Notice Assigned(SupportRequest request, NoticeRecipient to, DateTime nowUtc) => new()
    {
        Kind = Kinds.Assigned,
        To = to,
        Title = text.Render("Mail_SupportAssignedSubject", request.TownshipName, Number(request)),
        TextBody = text.Render("Mail_SupportAssignedBody", request.TownshipName, request.SupplierName, request.Place, ChinaTime.Format(request.NeededByUtc)),
        Link = Link(request),
        AtUtc = nowUtc,
    };

    public Notice Confirmed(SupportRequest request, DateTime nowUtc) => new()
    {
        Kind = Kinds.Confirmed,
        To = NoticeRecipient.Unit(UnitKind.Township, request.TownshipId, request.TownshipName),
        Title = text.Render("Mail_SupportConfirmedSubject", request.SupplierName, Number(request)),
        TextBody = text.Render("Mail_SupportConfirmedBody", request.SupplierName, Number(request)),
        Link = Link(request),
        AtUtc = nowUtc,
    };

    public Notice Declined(SupportRequest request, string supplier, string reason, NoticeRecipient to, DateTime nowUtc) => new()
    {
        Kind = Kinds.Declined,
        To = to,
        Title = text.Render("Mail_SupportDeclinedSubject", supplier, Number(request)),
        TextBody = text.Render("Mail_SupportDeclinedBody", supplier, Number(request), request.TownshipName, reason),
        Link = Link(request),
        AtUtc = nowUtc,
    };

    /// <summary>To the assigned supplier: the township withdrew the request.</summary>
    public Notice Cancelled(SupportRequest request, string reason, NoticeRecipient to, DateTime nowUtc) => new()
    {
        Kind = Kinds.Cancelled,
        To = to,
        Title = text.Render("Mail_SupportCancelledSubject", request.TownshipName, Number(request)),
        TextBody = text.Render("Mail_SupportCancelledBody", request.TownshipName, Number(request), reason),
        Link = Link(request),
        AtUtc = nowUtc,
    };

    public Notice AgreementExpiring(Agreement agreement, DateTime nowUtc) => new()
    {
        Kind = Kinds.AgreementExpiring,
        To = NoticeRecipient.Unit(UnitKind.Township, agreement.TownshipId, agreement.TownshipName),
        Title = text.Render("Mail_AgreementExpiringSubject", agreement.EnterpriseName, StockNotices.Date(agreement.ValidTo)),
        TextBody = text.Render("Mail_AgreementExpiringBody", agreement.TownshipName, agreement.EnterpriseName, StockNotices.Date(agreement.ValidTo)),
        Link = "/teams/Agreements/Edit?id=" + agreement.Id.ToString(CultureInfo.InvariantCulture),
        AtUtc = nowUtc,
    };

    private static string Number(SupportRequest request) => request.Id.ToString(CultureInfo.InvariantCulture);

    private static string Link(SupportRequest request) => "/teams/Support/Details?id=" + Number(request);
}
