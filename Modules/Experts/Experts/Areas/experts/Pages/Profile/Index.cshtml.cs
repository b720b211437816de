using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Profile;

/// <summary>
/// 专家档案: one expert's record — fields, team, contacts (ID card masked), certificate, term, status,
/// unavailable periods, participation history (50 a page), ratings, dispatches and meetings. A department
/// opens the county team and its own team only (else 404). County managers renew the term after review.
/// </summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, ICountySettings settings, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public Expert Expert { get; private set; } = new();

    public IReadOnlyList<string> FieldNames { get; private set; } = [];

    public IReadOnlyList<Unavailability> Unavailable { get; private set; } = [];

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public int HistoryTotal { get; private set; }

    public int HistoryPage { get; private set; }

    public IReadOnlyList<HistoryRow> Dispatches { get; private set; } = [];

    public IReadOnlyList<HistoryRow> Meetings { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool CanEditAvailability { get; private set; }

    public int TermYears { get; private set; }

    /// <summary>How the user may edit the record (directly, by filing a change, or not).</summary>
    public EditMode EditMode { get; private set; }

    /// <summary>变更记录: applied, pending and sent-back changes, latest first.</summary>
    public IReadOnlyList<ExpertChange> Changes { get; private set; } = [];

    [BindProperty]
    public RenewInput Renew { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int p = 1, CancellationToken cancellationToken = default) =>
        await LoadAsync(id, p, cancellationToken) ? Page() : NotFound();

    /// <summary>续聘: a new term after review; the certificate number stays.</summary>
    public async Task<IActionResult> OnPostRenewAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, 1, cancellationToken))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        if (Expert.Status is not (ExpertStatus.Active or ExpertStatus.Expired))
        {
            ModelState.AddModelError("Renew.TermStart", "已退出、取消资格或解聘的专家不能续聘");
        }

        var start = Renew.TermStart ?? default;
        var end = Renew.TermEnd ?? start.AddYears(TermYears).AddDays(-1);
        if (Renew.TermStart is not null && end <= start)
        {
            ModelState.AddModelError("Renew.TermEnd", "聘期结束日期必须晚于开始日期");
        }

        if (Renew.TermStart is not null && end <= Expert.TermEnd)
        {
            ModelState.AddModelError("Renew.TermEnd", "新聘期应晚于原聘期");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var expert = await db.Experts.SingleAsync(e => e.Id == id, cancellationToken);
        expert.TermStart = start;
        expert.TermEnd = end;
        if (expert.Status == ExpertStatus.Expired)
        {
            expert.Status = ExpertStatus.Active;
            expert.StatusReason = "考核合格续聘";
            expert.StatusChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已续聘，聘期 {start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, int page, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (expert is null || !access.MayOpen(expert))
        {
            return false;
        }

        Expert = expert;
        CanManage = access.IsCountyManager;
        CanEditAvailability = access.ManagesExpert(expert);
        TermYears = await settings.GetAsync(ExpertsModule.TermYears, cancellationToken);
        EditMode = expert.Status == ExpertStatus.Active ? ExpertEditing.ModeFor(access, expert) : EditMode.None;
        Changes = await db.ExpertChanges.AsNoTracking().Where(c => c.ExpertId == id)
            .OrderByDescending(c => c.ProposedAtUtc).ThenByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken);
        FieldNames = await db.ExpertFields.AsNoTracking().Where(f => f.ExpertId == id).Select(f => f.Field!.Name).ToListAsync(cancellationToken);
        Unavailable = await db.Unavailabilities.AsNoTracking().Where(u => u.ExpertId == id).OrderByDescending(u => u.From).Take(50).ToListAsync(cancellationToken);
        HistoryTotal = await db.Participations.CountAsync(x => x.ExpertId == id, cancellationToken);
        HistoryPage = Math.Max(1, page);
        var history = await db.Participations.AsNoTracking().Where(x => x.ExpertId == id)
            .OrderByDescending(x => x.AtUtc).ThenByDescending(x => x.Id)
            .Skip((HistoryPage - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        var rows = new List<HistoryRow>();
        foreach (var x in history)
        {
            rows.Add(new HistoryRow(x.Kind.ToString(), await TitleAsync(x.Title, x.Classified, x.DepartmentId ?? -1, cancellationToken), x.AtUtc, x.DepartmentName, x.Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", x.ReferenceId));
        }

        History = rows;
        var dispatches = await (
                from a in db.DispatchAssignments
                join d in db.Dispatches on a.DispatchId equals d.Id
                where a.ExpertId == id
                orderby d.StartsAtUtc descending
                select new { d.Id, d.Title, d.Classified, d.DepartmentId, d.DepartmentName, d.StartsAtUtc, a.Answer })
            .Take(50).ToListAsync(cancellationToken);
        var dispatchRows = new List<HistoryRow>();
        foreach (var d in dispatches)
        {
            dispatchRows.Add(new HistoryRow("Answer_" + d.Answer, await TitleAsync(d.Title, d.Classified, d.DepartmentId, cancellationToken), d.StartsAtUtc, d.DepartmentName, "", d.Id));
        }

        Dispatches = dispatchRows;
        var meetings = await (
                from i in db.MeetingInvitations
                join m in db.Meetings on i.MeetingId equals m.Id
                where i.ExpertId == id
                orderby m.StartsAtUtc descending
                select new { m.Id, m.Topic, m.Classified, m.DepartmentId, m.DepartmentName, m.StartsAtUtc, i.Attendance, i.ExcuseReason })
            .Take(50).ToListAsync(cancellationToken);
        var meetingRows = new List<HistoryRow>();
        foreach (var m in meetings)
        {
            meetingRows.Add(new HistoryRow("Attendance_" + m.Attendance, await TitleAsync(m.Topic, m.Classified, m.DepartmentId, cancellationToken), m.StartsAtUtc, m.DepartmentName, m.ExcuseReason ?? "", m.Id));
        }

        Meetings = meetingRows;
        return true;
    }

    private async Task<string> TitleAsync(string title, bool classified, int department, CancellationToken cancellationToken) =>
        access.SeesContent(classified, department) ? title : Confidentiality.Masked;

    public string Today => ChinaTime.Now(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal sealed record HistoryRow(string Kind, string Title, DateTime AtUtc, string? DepartmentName, string Extra, int? ReferenceId);

    internal sealed class RenewInput
    {
        [Required(ErrorMessage = "请填写新聘期开始日期")]
        public DateOnly? TermStart { get; set; }

        public DateOnly? TermEnd { get; set; }
    }
}
