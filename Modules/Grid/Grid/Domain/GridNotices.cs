using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Microsoft.Extensions.Localization;

namespace Emergency.Grid.Domain;

/// <summary>
/// The notices the Grid module sends about a hazard. The deadline reminder and the overdue whistle are bulk kinds
/// (a sweep may find thousands at once), so unless the department chose otherwise they go into its daily digest;
/// an assignment (to the department) and a return (to the township) are one person's act and are mailed at once.
/// Texts from Resources/GridText.tsv, in Chinese.
/// </summary>
internal sealed class GridNotices(IStringLocalizer<GridText> text)
{
    public static class Kinds
    {
        public static readonly NoticeKind HazardDeadline = new("grid.hazard-deadline", NoticeDelivery.Digest);
        public static readonly NoticeKind HazardOverdue = new("grid.hazard-overdue", NoticeDelivery.Digest);
        public static readonly NoticeKind HazardAssigned = new("grid.hazard-assigned", NoticeDelivery.Each);
        public static readonly NoticeKind HazardReturned = new("grid.hazard-returned", NoticeDelivery.Each);

        /// <summary>A confirmed 重大隐患: the county emergency bureau is told at once.</summary>
        public static readonly NoticeKind MajorHazard = new("grid.major-hazard", NoticeDelivery.Each);

        /// <summary>乡镇吹哨 by hand: one township's act about one hazard, mailed at once.</summary>
        public static readonly NoticeKind HazardWhistled = new("grid.hazard-whistled", NoticeDelivery.Each);

        /// <summary>A department that did not report in: escalated to the county bureau (a sweep: digest).</summary>
        public static readonly NoticeKind ReportInEscalated = new("grid.report-in-escalated", NoticeDelivery.Digest);
    }

    /// <summary>重大隐患 confirmed: the county emergency bureau is told at once.</summary>
    public Notice MajorConfirmed(Hazard hazard, UnitInfo bureau, string? townshipName, DateTime nowUtc) => new()
    {
        Kind = Kinds.MajorHazard,
        To = NoticeRecipient.Unit(UnitKind.Department, bureau.Id, bureau.Name),
        Title = text.Render("Mail_MajorSubject", townshipName ?? "", hazard.GridName, hazard.Place),
        TextBody = text.Render("Mail_MajorBody", hazard.Id, townshipName ?? "", hazard.GridName, hazard.Place, Names.Category(hazard.Category), hazard.Description),
        Link = Details(hazard),
        AtUtc = nowUtc,
    };

    /// <summary>乡镇吹哨 by hand: the department is told why and must report in.</summary>
    public Notice Whistled(Hazard hazard, string? townshipName, string reason, DateTime nowUtc) => new()
    {
        Kind = Kinds.HazardWhistled,
        To = NoticeRecipient.Unit(UnitKind.Department, hazard.DepartmentId!.Value, hazard.DepartmentName),
        Title = text.Render("Mail_WhistledSubject", hazard.GridName, hazard.Place),
        TextBody = text.Render("Mail_WhistledBody", hazard.Id, hazard.GridName, hazard.Place, townshipName ?? "", reason),
        Link = Details(hazard),
        AtUtc = nowUtc,
    };

    /// <summary>No 报到 within the working days of the setting: the county bureau is told.</summary>
    public Notice Escalated(Hazard hazard, UnitInfo bureau, int workingDays, DateTime nowUtc) => new()
    {
        Kind = Kinds.ReportInEscalated,
        To = NoticeRecipient.Unit(UnitKind.Department, bureau.Id, bureau.Name),
        Title = text.Render("Mail_EscalatedSubject", hazard.DepartmentName ?? "", hazard.GridName, hazard.Place),
        TextBody = text.Render("Mail_EscalatedBody", hazard.Id, hazard.GridName, hazard.Place, hazard.DepartmentName ?? "",
            ChinaTime.Format(hazard.WhistledAtUtc!.Value), workingDays),
        Link = Details(hazard),
        AtUtc = nowUtc,
    };

    /// <summary>交办 or 重新交办: the department now responsible is told, with the deadline and the link.</summary>
    public Notice Assigned(Hazard hazard, DateTime nowUtc) => new()
    {
        Kind = Kinds.HazardAssigned,
        To = NoticeRecipient.Unit(UnitKind.Department, hazard.DepartmentId!.Value, hazard.DepartmentName),
        Title = text.Render("Mail_AssignedSubject", hazard.GridName, hazard.Place),
        TextBody = text.Render("Mail_AssignedBody", hazard.Id, hazard.GridName, hazard.Place, ChinaTime.Format(hazard.DeadlineUtc!.Value)),
        Link = Details(hazard),
        AtUtc = nowUtc,
    };

    /// <summary>退回: the township is told which department gave the hazard back and why.</summary>
    public Notice Returned(Hazard hazard, string? townshipName, string departmentName, string reason, DateTime nowUtc) => new()
    {
        Kind = Kinds.HazardReturned,
        To = NoticeRecipient.Unit(UnitKind.Township, hazard.TownshipId, townshipName),
        Title = text.Render("Mail_ReturnedSubject", hazard.GridName, hazard.Place),
        TextBody = text.Render("Mail_ReturnedBody", hazard.Id, hazard.GridName, hazard.Place, departmentName, reason),
        Link = Details(hazard),
        AtUtc = nowUtc,
    };

    public Notice DeadlineReminder(Hazard hazard, int department, DateTime deadlineUtc, DateTime nowUtc) => new()
    {
        Kind = Kinds.HazardDeadline,
        To = NoticeRecipient.Unit(UnitKind.Department, department, hazard.DepartmentName),
        Title = text.Render("Mail_DeadlineSubject", hazard.GridName, hazard.Place),
        TextBody = text.Render("Mail_DeadlineBody", hazard.Id, hazard.GridName, hazard.Place, ChinaTime.Format(deadlineUtc)),
        Link = Details(hazard),
        AtUtc = nowUtc,
    };

    public Notice Overdue(Hazard hazard, int department, DateTime deadlineUtc, DateTime nowUtc) => new()
    {
        Kind = Kinds.HazardOverdue,
        To = NoticeRecipient.Unit(UnitKind.Department, department, hazard.DepartmentName),
        Title = text.Render("Mail_OverdueSubject", hazard.GridName, hazard.Place),
        TextBody = text.Render("Mail_OverdueBody", hazard.Id, hazard.GridName, hazard.Place, ChinaTime.Format(deadlineUtc)),
        Link = Details(hazard),
        AtUtc = nowUtc,
    };

    private static string Details(Hazard hazard) => string.Create(CultureInfo.InvariantCulture, $"/grid/Hazards/Details?id={hazard.Id}");
}
