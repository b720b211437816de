using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Emergency.Grid.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Whistle;

/// <summary>
/// 乡镇吹哨、部门报到: a department's 报到 list (overdue hazards it must report in on); the county
/// (and a township, for its own) sees the overdue counts by township and department; the county
/// manager runs the overdue sweep on demand.
/// </summary>
internal sealed class IndexModel(GridDbContext db, GridAccess access, ICountyUnits units, OverdueSweepJob sweep) : PageModel
{
    public IReadOnlyList<Hazard> ReportInList { get; private set; } = [];

    public IReadOnlyList<(string Name, int Count)> ByTownship { get; private set; } = [];

    public IReadOnlyList<(string Name, int Count, int AwaitingReportIn)> ByDepartment { get; private set; } = [];

    /// <summary>Hazards whose department did not report in in time, escalated to the county bureau (the county's, a township its own).</summary>
    public IReadOnlyList<Hazard> Escalated { get; private set; } = [];

    public bool IsDepartment { get; private set; }

    public bool IsCountyManager { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsCountyManager = access.IsCountyManager;
        var wholeCounty = access.SeesWholeCounty;
        IsDepartment = access.IsDepartment;
        if (IsDepartment)
        {
            var department = access.DepartmentId;
            ReportInList = await db.Hazards.AsNoTracking()
                .Where(h => h.DepartmentId == department && h.AwaitingReportIn)
                .OrderBy(h => h.DeadlineUtc)
                .Take(200)
                .ToListAsync(cancellationToken);
        }

        if (!wholeCounty && !access.IsTownship)
        {
            return;
        }

        var overdue = db.Hazards.AsNoTracking().Where(h => h.Overdue);
        var escalated = db.Hazards.AsNoTracking().Where(h => h.AwaitingReportIn == true && h.EscalatedAtUtc != null);
        if (!wholeCounty)
        {
            var township = access.TownshipId;
            overdue = overdue.Where(h => h.TownshipId == township);
            escalated = escalated.Where(h => h.TownshipId == township);
        }

        Escalated = await escalated.OrderBy(h => h.EscalatedAtUtc).Take(200).ToListAsync(cancellationToken);

        var townships = (await units.TownshipsAsync(access.County, cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
        var departments = (await units.DepartmentsAsync(access.County, cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        ByTownship = (await overdue.GroupBy(h => h.TownshipId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .Select(x => (townships.GetValueOrDefault(x.Key, "?"), x.Count))
            .OrderByDescending(x => x.Count)
            .ToList();
        ByDepartment = (await overdue.GroupBy(h => h.DepartmentId)
                .Select(g => new { g.Key, Count = g.Count(), Awaiting = g.Count(h => h.AwaitingReportIn) })
                .ToListAsync(cancellationToken))
            .Select(x => (x.Key is { } id ? departments.GetValueOrDefault(id, "?") : "?", x.Count, x.Awaiting))
            .OrderByDescending(x => x.Count)
            .ToList();
    }

    /// <summary>Runs the overdue sweep now (the county manager), as the daily job would.</summary>
    [RequirePermission(GridModule.Manage)]
    public async Task<IActionResult> OnPostSweepAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await sweep.RunAsync(cancellationToken);
        Notice = $"逾期检查完成：新标记逾期隐患 {sweep.Marked} 条";
        return RedirectToPage();
    }
}
