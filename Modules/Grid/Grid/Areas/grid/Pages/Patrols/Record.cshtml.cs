using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Patrols;

/// <summary>
/// 记录巡查 from a phone: the grid member picks one of the grids they cover, the time (not in the future), what was
/// checked, and either "未发现隐患" or the hazards they reported in that grid on that day — the evidence of 定期巡查.
/// </summary>
[RequirePermission(GridModule.Report)]
internal sealed class RecordModel(GridDbContext db, GridAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GridArea> Grids { get; private set; } = [];

    /// <summary>Hazards this member reported in their grids in the last days (the ones of the patrol's day and grid may be linked).</summary>
    public IReadOnlyList<Hazard> RecentHazards { get; private set; } = [];

    public string? Blocked { get; private set; }

    [BindProperty]
    public PatrolInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.RecordsPatrols)
        {
            return Forbid();
        }

        var member = await LoadAsync(cancellationToken);
        Input.PatrolledAt ??= TruncateToMinute(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        if (member is not null && Grids.Count == 1)
        {
            Input.GridId = Grids[0].Id;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!access.RecordsPatrols)
        {
            return Forbid();
        }

        var member = await LoadAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var grid = Input.GridId is { } gridId ? Grids.FirstOrDefault(g => g.Id == gridId) : null;
        if (Input.GridId is not null && grid is null)
        {
            ModelState.AddModelError("Input.GridId", "您不负责该网格，不能记录其巡查");
        }

        var at = Input.PatrolledAt is { } local ? ChinaTime.ToUtc(local) : (DateTime?)null;
        if (at > now)
        {
            ModelState.AddModelError("Input.PatrolledAt", "巡查时间不能晚于当前时间");
        }

        var hazardIds = Input.HazardIds.Distinct().ToList();
        if (Input.NoHazardFound && hazardIds.Count > 0)
        {
            ModelState.AddModelError("Input.HazardIds", "已勾选“未发现隐患”，不能再关联隐患");
        }
        else if (!Input.NoHazardFound && hazardIds.Count == 0)
        {
            ModelState.AddModelError("Input.HazardIds", "请勾选“未发现隐患”，或选择本次巡查中上报的隐患");
        }

        if (grid is not null && at is not null && hazardIds.Count > 0)
        {
            var day = ChinaTime.FromUtc(at.Value).Date;
            var own = await db.Hazards.AsNoTracking()
                .Where(h => hazardIds.Contains(h.Id) && h.GridId == grid.Id && h.ReportedBy == access.UserName)
                .Select(h => new { h.Id, h.ReportedAtUtc })
                .ToListAsync(cancellationToken);
            if (own.Count != hazardIds.Count || own.Any(h => ChinaTime.FromUtc(h.ReportedAtUtc).Date != day))
            {
                ModelState.AddModelError("Input.HazardIds", "只能关联您当天在该网格上报的隐患");
            }
        }

        if (Blocked is not null || member is null || grid is null || !ModelState.IsValid)
        {
            return Page();
        }

        var patrol = new Patrol
        {
            TownshipId = grid.TownshipId,
            VillageId = grid.VillageId,
            GridId = grid.Id,
            GridName = grid.Name,
            MemberId = member.Id,
            MemberName = member.Name,
            By = access.UserName,
            PatrolledAtUtc = at!.Value,
            Checked = Input.Checked!.Trim(),
            NoHazardFound = Input.NoHazardFound,
            RecordedAtUtc = now,
            Hazards = hazardIds.Select(h => new PatrolHazard { HazardId = h }).ToList(),
        };
        db.Patrols.Add(patrol);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已记录巡查：{grid.Name}（{ChinaTime.Format(patrol.PatrolledAtUtc)}）";
        return RedirectToPage();
    }

    private static DateTime TruncateToMinute(DateTime value) => new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, value.Kind);

    /// <summary>The active grid member linked to this account, their grids and their recent hazards.</summary>
    private async Task<GridMember?> LoadAsync(CancellationToken cancellationToken)
    {
        var userName = access.UserName;
        var village = access.VillageId;
        var member = await db.Members.AsNoTracking().Include(m => m.Grids).ThenInclude(g => g.Grid)
            .FirstOrDefaultAsync(m => m.UserName == userName && m.Active && m.VillageId == village, cancellationToken);
        Grids = member?.Grids.Select(g => g.Grid!).OrderBy(g => g.Code, StringComparer.Ordinal).ToList() ?? [];
        Blocked = member is null ? "您的账号还没有关联网格员（或已停用），请联系乡镇应急办" :
            Grids.Count == 0 ? "您还没有负责的网格，请联系乡镇应急办" : null;
        var gridIds = Grids.Select(g => g.Id).ToList();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-3);
        RecentHazards = await db.Hazards.AsNoTracking()
            .Where(h => gridIds.Contains(h.GridId) && h.ReportedBy == userName && h.ReportedAtUtc >= since)
            .OrderByDescending(h => h.Id).Take(50).ToListAsync(cancellationToken);
        return member;
    }

    internal sealed class PatrolInput
    {
        [Required(ErrorMessage = "请选择网格")]
        public int? GridId { get; set; }

        [Required(ErrorMessage = "请填写巡查时间")]
        public DateTime? PatrolledAt { get; set; }

        [Required(ErrorMessage = "请填写巡查内容")]
        [StringLength(1000, ErrorMessage = "巡查内容不能超过 1000 个字")]
        public string? Checked { get; set; }

        public bool NoHazardFound { get; set; }

        public List<int> HazardIds { get; set; } = [];
    }
}
