using Emergency.BuildingBlocks.Access;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Reviews;

/// <summary>
/// 取消资格研判: the refusals and runs of unexcused absences waiting for the county manager's judgement, who
/// confirms (the expert is disqualified, the certificate revoked, the expert and the employer told) or dismisses
/// with a reason; and the decisions taken (latest 100). A review of another county is not in this store: 404.
/// </summary>
[RequirePermission(ExpertsModule.Manage)]
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, DisqualificationReviews reviews) : PageModel
{
    public IReadOnlyList<(DisqualificationReview Review, Expert Expert)> Pending { get; private set; } = [];

    public IReadOnlyList<(DisqualificationReview Review, Expert Expert)> Decided { get; private set; } = [];

    /// <summary>The review whose form was posted with an error, to show the message beside its field.</summary>
    public int? Posted { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(int reviewId, CancellationToken cancellationToken) => DecideAsync(reviewId, true, cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(int reviewId, CancellationToken cancellationToken) => DecideAsync(reviewId, false, cancellationToken);

    private async Task<IActionResult> DecideAsync(int reviewId, bool confirm, CancellationToken cancellationToken)
    {
        var review = await db.DisqualificationReviews.SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        var expert = review is null ? null : await db.Experts.SingleOrDefaultAsync(e => e.Id == review.ExpertId, cancellationToken);
        if (review is null || expert is null || !access.MayOpen(expert))
        {
            return NotFound();
        }

        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        var note = Note?.Trim() ?? "";
        if (DisqualificationReviews.Refusal(review, expert) is { } refused)
        {
            ModelState.AddModelError(nameof(Note), refused);
        }
        else if (!confirm && note.Length == 0)
        {
            ModelState.AddModelError(nameof(Note), DisqualificationReviews.NoteRequired);
        }
        else if (note.Length > DisqualificationReviews.MaxNote)
        {
            ModelState.AddModelError(nameof(Note), DisqualificationReviews.NoteTooLong);
        }

        if (!ModelState.IsValid)
        {
            Posted = reviewId;
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (confirm)
        {
            await reviews.ConfirmAsync(review, expert, note, access.UserName, cancellationToken);
            Notice = $"已确认取消 {expert.Name} 的专家资格，证书已注销，已通知本人及所在单位";
        }
        else
        {
            reviews.Dismiss(review, note, access.UserName);
            Notice = $"已研判：不取消 {expert.Name} 的专家资格";
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var pending = await db.DisqualificationReviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Pending).OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id)
            .Take(500).ToListAsync(cancellationToken);
        var decided = await db.DisqualificationReviews.AsNoTracking().Where(r => r.Status != ReviewStatus.Pending).OrderByDescending(r => r.DecidedAtUtc).ThenByDescending(r => r.Id)
            .Take(100).ToListAsync(cancellationToken);
        var ids = pending.Concat(decided).Select(r => r.ExpertId).Distinct().ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        Pending = pending.Select(r => (r, experts[r.ExpertId])).ToList();
        Decided = decided.Select(r => (r, experts[r.ExpertId])).ToList();
    }
}
