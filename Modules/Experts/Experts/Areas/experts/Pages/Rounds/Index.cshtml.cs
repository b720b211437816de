using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Settings;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Rounds;

/// <summary>Recommendation rounds (专家推荐) with each invited unit's progress; the county closes a round here.</summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, ICountySettings settings, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];

    public bool CanManage { get; private set; }

    public int Cap { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.SeesWholeCounty)
        {
            // A unit follows its rounds on its own page.
            return RedirectToPage("/Recommend/Index");
        }

        CanManage = access.IsCountyManager;
        Cap = await settings.GetAsync(ExpertsModule.RecommendationsPerUnit, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var rounds = await db.Rounds.AsNoTracking().Include(r => r.Units).OrderByDescending(r => r.Id).Take(50).ToListAsync(cancellationToken);
        var ids = rounds.Select(r => r.Id).ToList();
        var counts = await db.Recommendations.AsNoTracking()
            .Where(r => r.RoundId != null && ids.Contains(r.RoundId.Value) && r.Level == ExpertTeamLevel.County && r.Status != RecommendationStatus.Withdrawn)
            .GroupBy(r => new { r.RoundId, r.UnitKey })
            .Select(g => new { g.Key.RoundId, g.Key.UnitKey, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Rounds = rounds.Select(r => new RoundView(
            r,
            r.Status == RoundStatus.Open && now < r.DeadlineUtc,
            r.Units.OrderBy(u => u.UnitKey.StartsWith("township", StringComparison.Ordinal)).ThenBy(u => u.Id)
                .Select(u => new UnitProgress(u.UnitName, counts.FirstOrDefault(c => c.RoundId == r.Id && c.UnitKey == u.UnitKey)?.Count ?? 0, u.SubmittedAtUtc))
                .ToList())).ToList();
        return Page();
    }

    [RequirePermission(ExpertsModule.Manage)]
    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        var round = await db.Rounds.FindAsync([id], cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        round.Status = RoundStatus.Closed;
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已结束推荐：{round.Title}";
        return RedirectToPage();
    }

    internal sealed record RoundView(RecommendationRound Round, bool Open, IReadOnlyList<UnitProgress> Units);

    internal sealed record UnitProgress(string Name, int Count, DateTime? SubmittedAtUtc);
}
