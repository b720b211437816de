using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Filing;

/// <summary>
/// 专家队伍备案: a department files (报备) its team for the year — how many experts and how many changes since its
/// last filing — by the county's deadline; the county sees every department keeping a team, filed or not, when and
/// what (<see cref="TeamFilings"/>).
/// </summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, TeamFilings filings, ICountyContext county) : PageModel
{
    public int Year { get; private set; }

    public DateOnly Deadline { get; private set; }

    public bool Overdue { get; private set; }

    /// <summary>The county view (whole-county users).</summary>
    public IReadOnlyList<TeamFilings.CountyRow>? County { get; private set; }

    /// <summary>The department's own team and filings (a department user).</summary>
    public UnitInfo? Department { get; private set; }

    public int TeamSize { get; private set; }

    public int ChangesSinceLast { get; private set; }

    public IReadOnlyList<TeamFiling> OwnFilings { get; private set; } = [];

    public bool FiledThisYear { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (!access.SeesWholeCounty && !IsDepartment)
        {
            return Forbid();
        }

        await LoadAsync(year, cancellationToken);
        return Page();
    }

    [RequirePermission(ExpertsModule.Recommend)]
    public async Task<IActionResult> OnPostFileAsync(CancellationToken cancellationToken)
    {
        if (!IsDepartment || !access.CanWrite)
        {
            return Forbid();
        }

        var (filing, problem) = await filings.FileAsync(access.Unit!, access.UserName, cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError("", problem);
            await LoadAsync(null, cancellationToken);
            return Page();
        }

        Notice = $"已报备 {filing!.Year} 年度本部门专家队伍：{filing.ExpertCount} 名专家，自上次报备以来变更 {filing.ChangeCount} 项";
        return RedirectToPage();
    }

    private bool IsDepartment => access.Unit is { Kind: UnitKind.Department };

    private async Task LoadAsync(int? year, CancellationToken cancellationToken)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : filings.CurrentYear;
        Deadline = await filings.DeadlineAsync(Year, county.Required, cancellationToken);
        Overdue = filings.Today > Deadline;
        if (access.SeesWholeCounty)
        {
            County = await filings.CountyViewAsync(Year, cancellationToken);
        }

        if (IsDepartment)
        {
            Department = access.Unit;
            var id = Department!.Id;
            TeamSize = await db.Experts.CountAsync(e => e.Level == Contracts.ExpertTeamLevel.Department && e.DepartmentId == id && e.Status == ExpertStatus.Active, cancellationToken);
            var last = await filings.LastAsync(id, cancellationToken);
            ChangesSinceLast = await filings.ChangesSinceAsync(id, last?.FiledAtUtc, cancellationToken);
            OwnFilings = await db.TeamFilings.AsNoTracking().Where(f => f.DepartmentId == id).OrderByDescending(f => f.FiledAtUtc).Take(20).ToListAsync(cancellationToken);
            FiledThisYear = OwnFilings.Any(f => f.Year == Year);
        }
    }
}
