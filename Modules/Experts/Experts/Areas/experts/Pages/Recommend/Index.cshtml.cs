using Emergency.BuildingBlocks.Access;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Recommend;

/// <summary>
/// A unit's side of the rounds it is invited to: its own 推荐表 (print, withdraw before the deadline) and
/// 报送 (marking the unit's recommendations as sent in).
/// </summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UnitRound> Rounds { get; private set; } = [];

    public string? UnitName { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var unit = access.Unit;
        if (unit is null)
        {
            return Page();
        }

        UnitName = unit.Name;
        var now = clock.GetUtcNow().UtcDateTime;
        var rounds = await db.RoundUnits.AsNoTracking()
            .Where(u => u.UnitKey == unit.Key)
            .Join(db.Rounds, u => u.RoundId, r => r.Id, (u, r) => new { Unit = u, Round = r })
            .OrderByDescending(x => x.Round.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
        var ids = rounds.Select(r => r.Round.Id).ToList();
        var mine = await db.Recommendations.AsNoTracking().Include(r => r.Field)
            .Where(r => r.UnitKey == unit.Key && r.RoundId != null && ids.Contains(r.RoundId.Value))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        Rounds = rounds.Select(x => new UnitRound(
            x.Round,
            x.Unit.SubmittedAtUtc,
            x.Round.Status == RoundStatus.Open && now < x.Round.DeadlineUtc,
            mine.Where(r => r.RoundId == x.Round.Id).ToList())).ToList();
        return Page();
    }

    /// <summary>Withdraws one of the unit's own recommendations while the round takes entries.</summary>
    [RequirePermission(ExpertsModule.Recommend)]
    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        var unit = access.Unit;
        if (unit is null || !access.CanWrite)
        {
            return Forbid();
        }

        var recommendation = await db.Recommendations.FirstOrDefaultAsync(r => r.Id == id && r.UnitKey == unit.Key, cancellationToken);
        if (recommendation is null)
        {
            return NotFound();
        }

        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == recommendation.RoundId, cancellationToken);
        if (round.Status != RoundStatus.Open || clock.GetUtcNow().UtcDateTime >= round.DeadlineUtc || recommendation.Status != RecommendationStatus.Submitted)
        {
            Notice = "推荐已截止或已进入遴选，不能撤回";
            return RedirectToPage();
        }

        recommendation.Status = RecommendationStatus.Withdrawn;
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已撤回推荐：{recommendation.Name}";
        return RedirectToPage();
    }

    /// <summary>报送: the unit marks its recommendations of the round as sent in to the county.</summary>
    [RequirePermission(ExpertsModule.Recommend)]
    public async Task<IActionResult> OnPostSubmitAsync(int round, CancellationToken cancellationToken)
    {
        var unit = access.Unit;
        if (unit is null || !access.CanWrite)
        {
            return Forbid();
        }

        var invited = await db.RoundUnits.FirstOrDefaultAsync(u => u.RoundId == round && u.UnitKey == unit.Key, cancellationToken);
        if (invited is null)
        {
            return NotFound();
        }

        invited.SubmittedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        Notice = "已报送本单位推荐";
        return RedirectToPage();
    }

    internal sealed record UnitRound(RecommendationRound Round, DateTime? SubmittedAtUtc, bool Open, IReadOnlyList<Recommendation> Recommendations);
}
