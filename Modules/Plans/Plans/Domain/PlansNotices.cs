using System.Globalization;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Data;
using Microsoft.Extensions.Localization;

namespace Emergency.Plans.Domain;

/// <summary>Every notice the Plans module sends (texts in Resources/PlansText.tsv): filing submitted, 补正, registered, deemed filed, overdue.</summary>
internal sealed class PlansNotices(IStringLocalizer<PlansText> text)
{
    public static class Kinds
    {
        public static readonly NoticeKind Submitted = new("plans.filing-submitted", NoticeDelivery.Each);
        public static readonly NoticeKind Correction = new("plans.filing-correction", NoticeDelivery.Each);
        public static readonly NoticeKind Registered = new("plans.filing-registered", NoticeDelivery.Each);
        public static readonly NoticeKind Deemed = new("plans.filing-deemed", NoticeDelivery.Each);
        public static readonly NoticeKind Overdue = new("plans.filing-overdue", NoticeDelivery.Each);
        public static readonly NoticeKind EvaluationDue = new("plans.evaluation-due", NoticeDelivery.Each);
        public static readonly NoticeKind DrillDue = new("plans.drill-due", NoticeDelivery.Each);
    }

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The plan's owner unit as a recipient (null for the county government's own plans).</summary>
    public static NoticeRecipient? Owner(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.OwnerLevel switch
        {
            OwnerLevel.Department when plan.DepartmentId is { } d => NoticeRecipient.Unit(UnitKind.Department, d, plan.OwnerName),
            OwnerLevel.Township when plan.TownshipId is { } t => NoticeRecipient.Unit(UnitKind.Township, t, plan.OwnerName),
            OwnerLevel.Village when plan.VillageId is { } v => NoticeRecipient.Unit(UnitKind.Village, v, plan.OwnerName),
            _ => null,
        };
    }

    public static NoticeRecipient Receiver(Filing filing) => NoticeRecipient.Unit(filing.ReceiverKind, filing.ReceiverId, filing.ReceiverName);

    public static string Link(Plan plan) => "/plans/Details?id=" + plan.Id.ToString(CultureInfo.InvariantCulture);

    private Notice Make(NoticeKind kind, NoticeRecipient to, Plan plan, DateTime nowUtc, string subjectKey, string bodyKey, params object?[] args) => new()
    {
        Kind = kind,
        To = to,
        Title = text.Render(subjectKey, plan.Title),
        TextBody = text.Render(bodyKey, [to.Name, plan.Title, plan.OwnerName, .. args]),
        Link = Link(plan),
        AtUtc = nowUtc,
    };

    public Notice Submitted(Plan plan, Filing filing, DateTime nowUtc) =>
        Make(Kinds.Submitted, Receiver(filing), plan, nowUtc, "Mail_SubmittedSubject", "Mail_SubmittedBody", filing.Round);

    public Notice Correction(Plan plan, Filing filing, NoticeRecipient to, DateTime nowUtc) =>
        Make(Kinds.Correction, to, plan, nowUtc, "Mail_CorrectionSubject", "Mail_CorrectionBody", filing.ReceiverName, filing.Corrections);

    public Notice Registered(Plan plan, Filing filing, NoticeRecipient to, DateTime nowUtc) =>
        Make(Kinds.Registered, to, plan, nowUtc, "Mail_RegisteredSubject", "Mail_RegisteredBody", filing.ReceiverName, filing.FilingNumber);

    public Notice Deemed(Plan plan, Filing filing, NoticeRecipient to, DateTime nowUtc) =>
        Make(Kinds.Deemed, to, plan, nowUtc, "Mail_DeemedSubject", "Mail_DeemedBody", filing.ReceiverName, filing.SubmittedOn is { } s ? Date(s) : "", filing.FilingNumber);

    public Notice Overdue(Plan plan, Filing filing, NoticeRecipient to, DateTime nowUtc) =>
        Make(Kinds.Overdue, to, plan, nowUtc, "Mail_OverdueSubject", "Mail_OverdueBody", filing.ReceiverName, Date(filing.DueOn));

    public Notice EvaluationDue(Plan plan, NoticeRecipient to, DateOnly due, DateTime nowUtc) =>
        Make(Kinds.EvaluationDue, to, plan, nowUtc, "Mail_EvaluationDueSubject", "Mail_EvaluationDueBody", Date(due));

    public Notice DrillDue(Plan plan, NoticeRecipient to, DateOnly due, bool overdue, DateTime nowUtc) =>
        Make(Kinds.DrillDue, to, plan, nowUtc, overdue ? "Mail_DrillOverdueSubject" : "Mail_DrillDueSubject", overdue ? "Mail_DrillOverdueBody" : "Mail_DrillDueBody", Date(due));
}
