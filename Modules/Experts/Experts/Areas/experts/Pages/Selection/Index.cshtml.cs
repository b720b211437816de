using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Selection;

/// <summary>
/// 遴选与批准. For the county team: the selection work group (遴选工作组) passes or rejects each candidate
/// (a rejection needs its reason), then the emergency committee's approval (应急委批准) admits the passed ones.
/// For a department team: the department decides on its own candidates and files its team with the county (备案).
/// Every decision stays on the recommendation with its reason.
/// </summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, ExpertAdmission admission, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Round { get; set; }

    public IReadOnlyList<RecommendationRound> Rounds { get; private set; } = [];

    public IReadOnlyList<Recommendation> Candidates { get; private set; } = [];

    public RecommendationRound? Selected { get; private set; }

    public bool IsManager { get; private set; }

    public int? Department { get; private set; }

    public string? UnitKey { get; private set; }

    public int UnfiledCount { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        return Page();
    }

    /// <summary>The selection work group's finding on a county-team candidate, or the department's on its own.</summary>
    public async Task<IActionResult> OnPostReviewAsync(int id, string? decision, string? reason, CancellationToken cancellationToken)
    {
        var recommendation = await FindWritableAsync(id, cancellationToken);
        if (recommendation is null)
        {
            return await RefusedAsync(cancellationToken);
        }

        if (recommendation.Status is not (RecommendationStatus.Submitted or RecommendationStatus.Passed))
        {
            return await ShowAsync("该推荐已有结论，不能再次遴选", cancellationToken);
        }

        var pass = decision == "pass";
        if (!pass && decision != "reject")
        {
            return await ShowAsync("请选择通过或不通过", cancellationToken);
        }

        reason = reason?.Trim();
        if (!pass && string.IsNullOrEmpty(reason))
        {
            return await ShowAsync($"不通过“{recommendation.Name}”须填写理由", cancellationToken);
        }

        if (reason is { Length: > 1000 })
        {
            return await ShowAsync("理由不能超过 1000 个字", cancellationToken);
        }

        recommendation.Status = pass ? RecommendationStatus.Passed : RecommendationStatus.Rejected;
        recommendation.ReviewNote = string.IsNullOrEmpty(reason) ? null : reason;
        recommendation.ReviewedBy = access.UserName;
        recommendation.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        Notice = pass ? $"遴选通过：{recommendation.Name}" : $"未通过：{recommendation.Name}（{reason}）";
        return RedirectToPage(new { round = recommendation.RoundId });
    }

    /// <summary>应急委批准 (county team) or the department's decision (own team): admits a passed candidate.</summary>
    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken)
    {
        var recommendation = await FindWritableAsync(id, cancellationToken);
        if (recommendation is null)
        {
            return await RefusedAsync(cancellationToken);
        }

        if (recommendation.Status != RecommendationStatus.Passed)
        {
            return await ShowAsync($"“{recommendation.Name}”尚未通过遴选，不能批准入库", cancellationToken);
        }

        var (expert, problem) = await admission.AdmitAsync(recommendation, access.UserName, cancellationToken);
        if (problem is not null)
        {
            return await ShowAsync($"“{recommendation.Name}”：{problem}", cancellationToken);
        }

        Notice = $"已批准入库：{expert!.Name}，证书编号 {expert.CertificateNumber}，聘期 {expert.TermStart:yyyy-MM-dd} 至 {expert.TermEnd:yyyy-MM-dd}";
        return RedirectToPage(new { round = recommendation.RoundId });
    }

    /// <summary>报县备案: the department files its admitted own-team experts with the county.</summary>
    public async Task<IActionResult> OnPostFileAsync(CancellationToken cancellationToken)
    {
        if (!access.CanWrite || access.DepartmentId is not { } department)
        {
            return Forbid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var filed = await db.Experts
            .Where(e => e.Level == ExpertTeamLevel.Department && e.DepartmentId == department && e.FiledAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FiledAtUtc, now), cancellationToken);
        Notice = $"已向县应急管理部门备案 {filed} 名本部门专家";
        return RedirectToPage(new { round = Round });
    }

    private async Task<Recommendation?> FindWritableAsync(int id, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (recommendation is null || !access.CanWrite)
        {
            return null;
        }

        if (recommendation.Level == ExpertTeamLevel.County)
        {
            return access.IsCountyManager ? recommendation : null;
        }

        var unit = access.Unit;
        return unit?.Key == recommendation.UnitKey ? recommendation : null;
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken) =>
        access.CanWrite && (access.IsCountyManager || access.DepartmentId is not null) ? NotFound() : Forbid();

    private async Task<IActionResult> ShowAsync(string problem, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Problem = problem;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        IsManager = access.SeesWholeCounty;
        Department = access.DepartmentId;
        var unit = access.Unit;
        if (!IsManager && Department is null)
        {
            return false;
        }

        Rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Id).Take(50).ToListAsync(cancellationToken);
        Round ??= Rounds.FirstOrDefault()?.Id;
        Selected = Rounds.FirstOrDefault(r => r.Id == Round);
        var query = db.Recommendations.AsNoTracking().Include(r => r.Field)
            .Where(r => r.RoundId == Round && r.Status != RecommendationStatus.Withdrawn);
        var ownKey = UnitKey = unit?.Key;
        query = IsManager
            ? query.Where(r => r.Level == ExpertTeamLevel.County || r.UnitKey == ownKey)
            : query.Where(r => r.Level == ExpertTeamLevel.Department && r.UnitKey == ownKey);
        Candidates = await query.OrderBy(r => r.Level).ThenBy(r => r.UnitName).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        if (Department is { } department)
        {
            UnfiledCount = await db.Experts.CountAsync(e => e.Level == ExpertTeamLevel.Department && e.DepartmentId == department && e.FiledAtUtc == null, cancellationToken);
        }

        return true;
    }

    /// <summary>Whether the signed-in user decides on this candidate (the county for its team, a department for its own).</summary>
    public bool Decides(Recommendation r) =>
        access.CanWrite && (r.Level == ExpertTeamLevel.County ? IsManager : r.UnitKey == UnitKey);
}
