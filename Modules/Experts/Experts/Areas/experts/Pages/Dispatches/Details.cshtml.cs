using System.ComponentModel.DataAnnotations;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Dispatches;

/// <summary>
/// One dispatch notice with each expert's answer; the organiser records an answer taken by phone (the call's time,
/// by whom), sees first the experts without email who must be called (待电话联系), and rates accepted experts (1–5) afterwards.
/// </summary>
internal sealed class DetailsModel(ExpertsDbContext db, ExpertsAccess access, DispatchAnswers answers, TimeProvider clock) : PageModel
{
    public Dispatch Dispatch { get; private set; } = new();

    public bool SeesContent { get; private set; }

    public TimeProvider Clock => clock;

    public bool IsOrganiser { get; private set; }

    public bool Started { get; private set; }

    public string? FieldName { get; private set; }

    public IReadOnlyList<(DispatchAssignment Assignment, string ExpertName, string Employer)> Rows { get; private set; } = [];

    /// <summary>待电话联系: pending assignments whose expert has no email (no notice could be mailed).</summary>
    public IReadOnlyList<(DispatchAssignment Assignment, Expert Expert)> ToCall { get; private set; } = [];

    /// <summary>Pending assignments the organiser may record a phone answer for.</summary>
    public IReadOnlyList<(DispatchAssignment Assignment, Expert Expert)> Pending { get; private set; } = [];

    /// <summary>The rating posted (bound by its handler only, so the phone form is not validated against it).</summary>
    public RateInput Rate { get; set; } = new();

    /// <summary>The phone answer posted.</summary>
    public PhoneInput Phone { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRateAsync(int id, [Bind(Prefix = "Rate")] RateInput rate, CancellationToken cancellationToken)
    {
        Rate = rate ?? new();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!IsOrganiser)
        {
            return Forbid();
        }

        var assignment = await db.DispatchAssignments.SingleOrDefaultAsync(a => a.Id == Rate.AssignmentId && a.DispatchId == id, cancellationToken);
        if (assignment is null)
        {
            return NotFound();
        }

        if (!Started)
        {
            ModelState.AddModelError("Rate.Rating", "调用开始后才能评分");
        }
        else if (assignment.Answer != AnswerStatus.Accepted)
        {
            ModelState.AddModelError("Rate.Rating", "只能对已接受调用的专家评分");
        }
        else if (assignment.Rating is not null)
        {
            ModelState.AddModelError("Rate.Rating", "已评分，不能重复评分");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rating = Rate.Rating!.Value;
        assignment.Rating = rating;
        var expert = await db.Experts.SingleAsync(e => e.Id == assignment.ExpertId, cancellationToken);
        expert.RatingTotal += rating;
        expert.RatingCount++;
        var participation = await db.Participations.FirstOrDefaultAsync(
            p => p.ExpertId == expert.Id && p.Kind == ParticipationKind.Dispatch && p.ReferenceId == id, cancellationToken);
        if (participation is not null)
        {
            participation.Rating = rating;
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已为 {expert.Name} 评分：{rating} 分";
        return RedirectToPage(new { id });
    }

    /// <summary>电话答复: the organiser records an answer taken by phone; the call must be before the answer-by time and not in the future.</summary>
    public async Task<IActionResult> OnPostPhoneAsync(int id, [Bind(Prefix = "Phone")] PhoneInput phone, CancellationToken cancellationToken)
    {
        Phone = phone ?? new();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!IsOrganiser)
        {
            return Forbid();
        }

        var assignment = await db.DispatchAssignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Phone.AssignmentId && a.DispatchId == id, cancellationToken);
        if (assignment is null)
        {
            return NotFound();
        }

        var expert = await db.Experts.SingleAsync(e => e.Id == assignment.ExpertId, cancellationToken);
        if (assignment.Answer != AnswerStatus.Pending)
        {
            ModelState.AddModelError("Phone.AssignmentId", $"{expert.Name} 已答复，不能重复登记");
        }

        if (Phone.Accept is null)
        {
            ModelState.AddModelError("Phone.Accept", "请选择专家的答复");
        }

        if (Phone.CalledAt is null)
        {
            ModelState.AddModelError("Phone.CalledAt", "请填写通话时间");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var answered = await answers.AnswerAsync(
            assignment, Dispatch, expert, Phone.Accept!.Value, Phone.Reason ?? "", AnswerSource.Phone,
            BuildingBlocks.Clock.ChinaTime.ToUtc(Phone.CalledAt!.Value), access.UserName, now, cancellationToken);
        switch (answered.Outcome)
        {
            case AnswerOutcome.Answered:
                Notice = Phone.Accept.Value
                    ? $"已登记 {expert.Name} 的电话答复：接受调用"
                    : $"已登记 {expert.Name} 的电话答复：谢绝调用，谢绝理由已提交县应急管理局研判";
                return RedirectToPage(new { id });
            case AnswerOutcome.ReasonMissing:
                ModelState.AddModelError("Phone.Reason", answered.Message);
                break;
            case AnswerOutcome.AlreadyAnswered:
                ModelState.AddModelError("Phone.AssignmentId", $"{expert.Name} 已答复，不能重复登记");
                break;
            default:
                ModelState.AddModelError(expert.Status == ExpertStatus.Active ? "Phone.CalledAt" : "Phone.AssignmentId", answered.Message);
                break;
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var dispatch = await db.Dispatches.AsNoTracking().Include(d => d.Assignments).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dispatch is null)
        {
            return false;
        }

        Dispatch = dispatch;
        SeesContent = access.SeesContent(dispatch.Classified, dispatch.DepartmentId);
        IsOrganiser = access.CanWrite && (access.DepartmentId == dispatch.DepartmentId || access.IsCountyManager);
        Started = dispatch.StartsAtUtc <= clock.GetUtcNow().UtcDateTime;
        FieldName = dispatch.FieldId is { } f ? await db.Fields.Where(x => x.Id == f).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var ids = dispatch.Assignments.Select(a => a.ExpertId).ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        Rows = dispatch.Assignments.OrderBy(a => a.Id).Select(a => (a, experts[a.ExpertId].Name, experts[a.ExpertId].Employer)).ToList();
        Pending = IsOrganiser
            ? dispatch.Assignments.Where(a => a.Answer == AnswerStatus.Pending).OrderBy(a => a.Id).Select(a => (a, experts[a.ExpertId])).ToList()
            : [];
        ToCall = Pending.Where(p => string.IsNullOrWhiteSpace(p.Expert.Email)).ToList();
        return true;
    }

    internal sealed class PhoneInput
    {
        public int AssignmentId { get; set; }

        /// <summary>true 接受, false 谢绝.</summary>
        public bool? Accept { get; set; }

        public string? Reason { get; set; }

        /// <summary>通话时间 (China time).</summary>
        public DateTime? CalledAt { get; set; }
    }

    internal sealed class RateInput
    {
        public int AssignmentId { get; set; }

        [Required(ErrorMessage = "请选择评分")]
        [Range(1, 5, ErrorMessage = "评分应为 1 到 5 分")]
        public int? Rating { get; set; }
    }
}
