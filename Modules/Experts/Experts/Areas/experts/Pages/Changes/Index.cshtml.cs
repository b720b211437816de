using Emergency.BuildingBlocks.Access;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Changes;

/// <summary>
/// 信息变更确认: the changes departments filed (报备) for their experts. The county manager confirms each (the
/// values apply) or sends it back with a reason; a department sees what it filed and what became of it.
/// </summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, ExpertEditing editing) : PageModel
{
    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public IReadOnlyList<Row> Decided { get; private set; } = [];

    public bool CanDecide { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.SeesWholeCounty && access.DepartmentId is null)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    [RequirePermission(ExpertsModule.Manage)]
    public async Task<IActionResult> OnPostConfirmAsync(int changeId, CancellationToken cancellationToken) =>
        await DecideAsync(changeId, (change, expert) => editing.ConfirmAsync(change, access.UserName, cancellationToken), "已确认 {0} 的信息变更", cancellationToken);

    [RequirePermission(ExpertsModule.Manage)]
    public async Task<IActionResult> OnPostRejectAsync(int changeId, CancellationToken cancellationToken) =>
        await DecideAsync(changeId, (change, expert) => editing.RejectAsync(change, access.UserName, Reason, cancellationToken), "已退回 {0} 的信息变更", cancellationToken);

    private async Task<IActionResult> DecideAsync(int changeId, Func<ExpertChange, Expert, Task<string?>> decide, string done, CancellationToken cancellationToken)
    {
        var change = await db.ExpertChanges.SingleOrDefaultAsync(c => c.Id == changeId, cancellationToken);
        var expert = change is null ? null : await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == change.ExpertId, cancellationToken);
        if (change is null || expert is null || !access.MayOpen(expert))
        {
            return NotFound();
        }

        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        if (await decide(change, expert) is { } problem)
        {
            ModelState.AddModelError("Reason-" + changeId.ToString(System.Globalization.CultureInfo.InvariantCulture), problem);
            await LoadAsync(cancellationToken);
            return Page();
        }

        Notice = string.Format(System.Globalization.CultureInfo.InvariantCulture, done, expert.Name);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanDecide = access.IsCountyManager;
        var changes = from c in db.ExpertChanges.AsNoTracking()
                      join e in db.Experts.AsNoTracking() on c.ExpertId equals e.Id
                      where c.ProposedByUnit != null
                      select new { Change = c, e.Name, e.CertificateNumber };
        if (!access.SeesWholeCounty)
        {
            var own = access.DepartmentId ?? -1;
            changes = changes.Where(x => x.Change.DepartmentId == own);
        }

        var pending = await changes.Where(x => x.Change.Status == ExpertChangeStatus.Pending).OrderBy(x => x.Change.ProposedAtUtc).Take(200).ToListAsync(cancellationToken);
        Pending = pending.Select(x => new Row(x.Change, x.Name, x.CertificateNumber)).ToList();
        var decided = await changes.Where(x => x.Change.Status != ExpertChangeStatus.Pending).OrderByDescending(x => x.Change.DecidedAtUtc).Take(50).ToListAsync(cancellationToken);
        Decided = decided.Select(x => new Row(x.Change, x.Name, x.CertificateNumber)).ToList();
    }

    internal sealed record Row(ExpertChange Change, string Name, string CertificateNumber);
}
