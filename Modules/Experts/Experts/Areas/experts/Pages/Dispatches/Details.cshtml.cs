using System.ComponentModel.DataAnnotations;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Dispatches;

/// <summary>One dispatch notice with each expert's answer; the organiser rates accepted experts (1–5) afterwards.</summary>
internal sealed class DetailsModel(ExpertsDbContext db, ExpertsAccess access, TimeProvider clock) : PageModel
{
    public Dispatch Dispatch { get; private set; } = new();

    public bool SeesContent { get; private set; }

    public bool IsOrganiser { get; private set; }

    public bool Started { get; private set; }

    public string? FieldName { get; private set; }

    public IReadOnlyList<(DispatchAssignment Assignment, string ExpertName, string Employer)> Rows { get; private set; } = [];

    [BindProperty]
    public RateInput Rate { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRateAsync(int id, CancellationToken cancellationToken)
    {
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
        return true;
    }

    internal sealed class RateInput
    {
        public int AssignmentId { get; set; }

        [Required(ErrorMessage = "请选择评分")]
        [Range(1, 5, ErrorMessage = "评分应为 1 到 5 分")]
        public int? Rating { get; set; }
    }
}
