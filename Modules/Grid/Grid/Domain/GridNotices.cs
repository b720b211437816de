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
    }

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
