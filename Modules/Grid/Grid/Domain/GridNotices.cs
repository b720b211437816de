using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Microsoft.Extensions.Localization;

namespace Emergency.Grid.Domain;

/// <summary>
/// The notices the Grid module sends to the department responsible for a hazard. Both are bulk kinds (a sweep
/// may find thousands at once), so unless the department chose otherwise they go into its daily digest.
/// Texts from Resources/GridText.tsv, in Chinese.
/// </summary>
internal sealed class GridNotices(IStringLocalizer<GridText> text)
{
    public static class Kinds
    {
        public static readonly NoticeKind HazardDeadline = new("grid.hazard-deadline", NoticeDelivery.Digest);
        public static readonly NoticeKind HazardOverdue = new("grid.hazard-overdue", NoticeDelivery.Digest);
    }

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
