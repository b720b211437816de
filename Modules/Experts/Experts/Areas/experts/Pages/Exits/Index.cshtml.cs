using Emergency.BuildingBlocks.Access;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Exits;

/// <summary>
/// 退出: voluntary exit applications (filed by the expert's department or a county manager on the expert's
/// behalf), decided by a county manager — or, for a department team, by that department; and dismissal
/// (解聘) by a county manager's decision. Every exit goes through <see cref="ExpertStatusChanges.End"/>.
/// </summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, ExpertStatusChanges changes, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Expert> Experts { get; private set; } = [];

    public IReadOnlyList<(ExitRequest Request, Expert Expert, bool MayDecide)> Requests { get; private set; } = [];

    public bool IsCountyManager { get; private set; }

    [BindProperty]
    public ExitInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(int? expertId, CancellationToken cancellationToken)
    {
        Input.ExpertId = expertId;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        var expert = await FindAsync(cancellationToken);
        if (expert is null)
        {
            return NotFound();
        }

        if (!await MayApplyAsync(expert, cancellationToken))
        {
            return Forbid();
        }

        var reason = Input.Reason?.Trim() ?? "";
        Validate(reason, "Input.Reason", "请填写退出原因");
        if (expert.Status != ExpertStatus.Active)
        {
            ModelState.AddModelError("Input.ExpertId", "该专家已不在库");
        }
        else if (await db.ExitRequests.AnyAsync(r => r.ExpertId == expert.Id && r.Status == ExitRequestStatus.Pending, cancellationToken))
        {
            ModelState.AddModelError("Input.ExpertId", "该专家已有待审批的退出申请");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.ExitRequests.Add(new ExitRequest
        {
            ExpertId = expert.Id,
            Reason = reason,
            RequestedBy = access.UserName,
            RequestedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已提交 {expert.Name} 的退出申请，待审批";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDecideAsync(int requestId, bool approve, CancellationToken cancellationToken)
    {
        var request = await db.ExitRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        var expert = request is null ? null : await db.Experts.SingleOrDefaultAsync(e => e.Id == request.ExpertId, cancellationToken);
        if (request is null || expert is null || !access.MayOpen(expert))
        {
            return NotFound();
        }

        if (!await MayDecideAsync(expert, cancellationToken))
        {
            return Forbid();
        }

        var note = Input.Note?.Trim();
        if (request.Status != ExitRequestStatus.Pending)
        {
            ModelState.AddModelError("Input.Note", "该申请已审批");
        }
        else if (approve && expert.Status != ExpertStatus.Active)
        {
            ModelState.AddModelError("Input.Note", "该专家已不在库（" + (expert.StatusReason ?? "") + "），无需审批退出");
        }

        if (!approve)
        {
            Validate(note, "Input.Note", "请填写不同意的理由");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        request.Status = approve ? ExitRequestStatus.Approved : ExitRequestStatus.Refused;
        request.DecidedBy = access.UserName;
        request.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        request.DecisionNote = string.IsNullOrEmpty(note) ? null : note;
        if (approve)
        {
            changes.End(expert, ExpertExitKind.Voluntary, request.Reason);
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = approve ? $"已同意 {expert.Name} 退出，证书已注销" : $"未同意 {expert.Name} 的退出申请";
        return RedirectToPage();
    }

    [RequirePermission(ExpertsModule.Manage)]
    public async Task<IActionResult> OnPostDismissAsync(CancellationToken cancellationToken)
    {
        var expert = await FindAsync(cancellationToken);
        if (expert is null)
        {
            return NotFound();
        }

        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        var reason = Input.Reason?.Trim() ?? "";
        Validate(reason, "Input.Reason", "请填写解聘原因");
        if (expert.Status != ExpertStatus.Active)
        {
            ModelState.AddModelError("Input.ExpertId", "该专家已不在库");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        changes.End(expert, ExpertExitKind.Dismissed, reason);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已解聘 {expert.Name}，证书已注销";
        return RedirectToPage();
    }

    private void Validate(string? value, string key, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, message);
        }
        else if (value.Length > 1000)
        {
            ModelState.AddModelError(key, "不能超过 1000 个字");
        }
    }

    private async Task<Expert?> FindAsync(CancellationToken cancellationToken)
    {
        var expert = Input.ExpertId is { } id ? await db.Experts.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) : null;
        return expert is not null && access.MayOpen(expert) ? expert : null;
    }

    private async Task<bool> MayApplyAsync(Expert expert, CancellationToken cancellationToken) =>
        access.ManagesExpert(expert);

    /// <summary>County team: a county manager decides; a department team: its department (or a county manager).</summary>
    private async Task<bool> MayDecideAsync(Expert expert, CancellationToken cancellationToken) =>
        access.IsCountyManager
        || (expert.Level == ExpertTeamLevel.Department && access.CanWrite && access.DepartmentId is { } own && own == expert.DepartmentId);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        IsCountyManager = access.IsCountyManager;
        var experts = db.Experts.AsNoTracking().Where(e => e.Status == ExpertStatus.Active);
        if (!IsCountyManager)
        {
            var department = access.DepartmentId ?? -1;
            experts = experts.Where(e => e.DepartmentId == department);
        }

        Experts = await experts.OrderBy(e => e.Name).Take(500).ToListAsync(cancellationToken);
        var requests = await db.ExitRequests.AsNoTracking().OrderBy(r => r.Status).ThenByDescending(r => r.Id).Take(100).ToListAsync(cancellationToken);
        var ids = requests.Select(r => r.ExpertId).ToList();
        var byId = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var rows = new List<(ExitRequest, Expert, bool)>();
        foreach (var r in requests)
        {
            var expert = byId[r.ExpertId];
            if (access.MayOpen(expert))
            {
                rows.Add((r, expert, r.Status == ExitRequestStatus.Pending && await MayDecideAsync(expert, cancellationToken)));
            }
        }

        Requests = rows;
    }

    internal sealed class ExitInput
    {
        public int? ExpertId { get; set; }

        public string? Reason { get; set; }

        public string? Note { get; set; }
    }
}
