using Emergency.BuildingBlocks.Files;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Emergency.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Meetings;

/// <summary>
/// One meeting: invited experts and, once it has started, the organiser records each expert's attendance
/// (出席 / 请假 with a reason / 无故缺席) and the output report (趋势分析和对策报告). Attendance feeds the
/// participation history and the disqualification rule through <see cref="MeetingAttendance"/>.
/// </summary>
internal sealed class DetailsModel(
    ExpertsDbContext db, ExpertsAccess access, MeetingAttendance attendance, MeetingCancellation cancellation, ICountyContext county, IModuleFiles files, TimeProvider clock)
    : PageModel
{
    /// <summary>Largest report attachment accepted.</summary>
    public const long MaxReportFileBytes = 10 * 1024 * 1024;

    public Meeting Meeting { get; private set; } = new();

    public bool SeesContent { get; private set; }

    public bool IsOrganiser { get; private set; }

    public bool Started { get; private set; }

    public bool Cancelled => Meeting.Status == MeetingStatus.Cancelled;

    /// <summary>The organiser records attendance and the report once the meeting has started, unless it was cancelled.</summary>
    public bool MayRecord => IsOrganiser && Started && !Cancelled;

    /// <summary>The organiser may call off a planned meeting that has not started.</summary>
    public bool MayCancel => IsOrganiser && MeetingCancellation.Refusal(Meeting, clock.GetUtcNow().UtcDateTime) is null;

    public IReadOnlyList<(MeetingInvitation Invitation, Expert Expert)> Rows { get; private set; } = [];

    [BindProperty]
    public AttendanceInput Attend { get; set; } = new();

    [BindProperty]
    public ReportInput Output { get; set; } = new();

    [BindProperty]
    public CancelInput Cancel { get; set; } = new();

    /// <summary>Optional attachment of the report (a document or scan), kept outside the web root.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttendanceAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!IsOrganiser)
        {
            return Forbid();
        }

        var invitation = await db.MeetingInvitations.SingleOrDefaultAsync(i => i.Id == Attend.InvitationId && i.MeetingId == id, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }

        var reason = Attend.Reason?.Trim();
        if (Cancelled)
        {
            ModelState.AddModelError("Attend.Attendance", MeetingCancellation.NoAttendanceMessage);
        }
        else if (!Started)
        {
            ModelState.AddModelError("Attend.Attendance", "会商开始后才能登记出席情况");
        }

        if (Attend.Attendance is not (Attendance.Present or Attendance.Excused or Attendance.Unexcused))
        {
            ModelState.AddModelError("Attend.Attendance", "请选择出席情况");
        }

        if (Attend.Attendance == Attendance.Excused && string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError("Attend.Reason", "请填写请假事由");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (expert, opened) = await attendance.RecordAsync(Meeting, invitation, Attend.Attendance, reason, cancellationToken);
        Notice = opened is not null
            ? $"已登记 {expert.Name} 的出席情况；{opened.Detail}，已提交县应急管理局研判是否取消专家资格"
            : $"已登记 {expert.Name} 的出席情况";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!IsOrganiser)
        {
            return Forbid();
        }

        if (Cancelled)
        {
            ModelState.AddModelError("Output.Report", MeetingCancellation.NoReportMessage);
        }
        else if (string.IsNullOrWhiteSpace(Output.Report))
        {
            ModelState.AddModelError("Output.Report", "请填写趋势分析和对策报告");
        }

        if (Upload is { Length: > MaxReportFileBytes })
        {
            ModelState.AddModelError(nameof(Upload), "报告附件不能超过 10 MB");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var meeting = await db.Meetings.SingleAsync(m => m.Id == id, cancellationToken);
        meeting.Report = Output.Report!.Trim();
        if (Upload is { Length: > 0 })
        {
            // Kept outside the web root by the platform (data/counties/<county>/files/experts/); the old attachment goes once the new one is in.
            await using (var content = Upload.OpenReadStream())
            {
                var previous = meeting.ReportStoredName;
                meeting.ReportStoredName = await files.SaveAsync(county.Required, ExpertsModule.ModuleName, content, ".bin", cancellationToken);
                if (previous is not null)
                {
                    files.Delete(county.Required, ExpertsModule.ModuleName, previous);
                }
            }

            var name = Path.GetFileName(Upload.FileName);
            meeting.ReportFileName = name.Length > 200 ? name[^200..] : name;
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = "已保存趋势分析和对策报告";
        return RedirectToPage(new { id });
    }

    /// <summary>取消会商: the organiser, before the start, with a reason; the invited experts are told by mail.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!IsOrganiser)
        {
            return Forbid();
        }

        if (MeetingCancellation.Refusal(Meeting, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            ModelState.AddModelError(string.Empty, refused);
            return Page();
        }

        if (MeetingCancellation.ReasonProblem(Cancel.Reason) is { } problem)
        {
            ModelState.AddModelError("Cancel.Reason", problem);
            return Page();
        }

        var (notCancelled, told) = await cancellation.CancelAsync(id, Cancel.Reason, access.UserName, cancellationToken);
        if (notCancelled is not null)
        {
            ModelState.AddModelError(string.Empty, notCancelled);
            return Page();
        }

        Notice = $"已取消会商，已通知受邀专家 {told} 名";
        return RedirectToPage(new { id });
    }

    /// <summary>Downloads the report attachment, for those who may see the meeting's content.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !SeesContent || Meeting.ReportFileName is null)
        {
            return NotFound();
        }

        var stream = Meeting.ReportStoredName is { } stored ? files.OpenRead(county.Required, ExpertsModule.ModuleName, stored) : null;
        return stream is null ? NotFound() : File(stream, "application/octet-stream", Meeting.ReportFileName);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitations).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return false;
        }

        Meeting = meeting;
        SeesContent = access.SeesContent(meeting.Classified, meeting.DepartmentId);
        IsOrganiser = access.CanWrite && (access.DepartmentId == meeting.DepartmentId || access.IsCountyManager);
        Started = meeting.StartsAtUtc <= clock.GetUtcNow().UtcDateTime;
        Output.Report ??= meeting.Report;
        var ids = meeting.Invitations.Select(i => i.ExpertId).ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        Rows = meeting.Invitations.OrderBy(i => i.Id).Select(i => (i, experts[i.ExpertId])).ToList();
        return true;
    }

    internal sealed class AttendanceInput
    {
        public int InvitationId { get; set; }

        public Attendance Attendance { get; set; }

        [StringLength(500, ErrorMessage = "请假事由不能超过 500 个字")]
        public string? Reason { get; set; }
    }

    internal sealed class CancelInput
    {
        public string? Reason { get; set; }
    }

    internal sealed class ReportInput
    {
        [StringLength(20000, ErrorMessage = "报告不能超过 20000 个字")]
        public string? Report { get; set; }
    }
}
