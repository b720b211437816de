using System.Globalization;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Microsoft.Extensions.Localization;

namespace Emergency.Teams.Domain;

/// <summary>The notices of 应急值守 (texts from Resources/TeamsText.tsv): the day-before duty notice, swaps, missing weekly plans.</summary>
internal sealed class DutyNotices(IStringLocalizer<TeamsText> text)
{
    public static class Kinds
    {
        public static readonly NoticeKind Tomorrow = new("teams.duty-tomorrow", NoticeDelivery.Each);
        public static readonly NoticeKind SwapAsked = new("teams.duty-swap-asked", NoticeDelivery.Each);
        public static readonly NoticeKind SwapDecided = new("teams.duty-swap-decided", NoticeDelivery.Each);
        public static readonly NoticeKind PlanMissing = new("teams.duty-plan-missing", NoticeDelivery.Each);
    }

    /// <summary>To the person on duty (their account), or to the roster's keeper when the shift names no account.</summary>
    public Notice Tomorrow(DutyShift shift, string rosterName, NoticeRecipient to, DateTime nowUtc) => new()
    {
        Kind = Kinds.Tomorrow,
        To = to,
        Title = text.Render("Mail_DutyTomorrowSubject", StockNotices.Date(shift.Date), DutyRoster.RoleName(shift.Role), shift.Name),
        TextBody = text.Render("Mail_DutyTomorrowBody", shift.Name, StockNotices.Date(shift.Date), rosterName, DutyRoster.RoleName(shift.Role)),
        Link = RosterLink(shift.TownshipId, shift.Date),
        AtUtc = nowUtc,
    };

    public Notice SwapAsked(DutySwap swap, NoticeRecipient keeper, DateTime nowUtc) => new()
    {
        Kind = Kinds.SwapAsked,
        To = keeper,
        Title = text.Render("Mail_DutySwapAskedSubject", swap.Name, StockNotices.Date(swap.Date), swap.OtherName, StockNotices.Date(swap.OtherDate)),
        TextBody = text.Render("Mail_DutySwapAskedBody", swap.Name, StockNotices.Date(swap.Date), swap.OtherName, StockNotices.Date(swap.OtherDate), swap.Reason),
        Link = RosterLink(swap.TownshipId, swap.Date),
        AtUtc = nowUtc,
    };

    public Notice SwapDecided(DutySwap swap, NoticeRecipient to, DateTime nowUtc) => new()
    {
        Kind = Kinds.SwapDecided,
        To = to,
        Title = text.Render(swap.Status == DutySwapStatus.Approved ? "Mail_DutySwapApprovedSubject" : "Mail_DutySwapRefusedSubject",
            swap.Name, StockNotices.Date(swap.Date), swap.OtherName, StockNotices.Date(swap.OtherDate)),
        TextBody = text.Render(swap.Status == DutySwapStatus.Approved ? "Mail_DutySwapApprovedBody" : "Mail_DutySwapRefusedBody",
            swap.Name, StockNotices.Date(swap.Date), swap.OtherName, StockNotices.Date(swap.OtherDate), swap.DecisionNote),
        Link = RosterLink(swap.TownshipId, swap.Date),
        AtUtc = nowUtc,
    };

    public Notice PlanMissing(UnitInfo village, DateOnly weekStart, DateOnly due, DateTime nowUtc) => new()
    {
        Kind = Kinds.PlanMissing,
        To = NoticeRecipient.Unit(UnitKind.Township, village.ParentId ?? 0),
        Title = text.Render("Mail_DutyPlanMissingSubject", village.Name, StockNotices.Date(weekStart)),
        TextBody = text.Render("Mail_DutyPlanMissingBody", village.Name, StockNotices.Date(weekStart), StockNotices.Date(due)),
        Link = PlansLink(weekStart),
        AtUtc = nowUtc,
    };

    public static string RosterLink(int roster, DateOnly date) =>
        "/teams/Duty?Roster=" + roster.ToString(CultureInfo.InvariantCulture) + "&Month=" + date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string PlansLink(DateOnly weekStart) => "/teams/Duty/Plans?Week=" + StockNotices.Date(weekStart);
}
