using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Patrols;

/// <summary>
/// 巡查 by month (China time): each grid in the user's scope with its number of patrols, the grids with none marked,
/// and the month's patrols. For the county, a township (its grids) and a village (its own).
/// </summary>
internal sealed class IndexModel(GridDbContext db, GridAccess access, ICountyUnits units, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GridCount> Grids { get; private set; } = [];

    public IReadOnlyList<Patrol> Patrols { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Villages { get; private set; } = [];

    public bool RecordsPatrols => access.RecordsPatrols;

    /// <summary>yyyy-MM, China time.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Village { get; set; }

    public string PreviousMonth { get; private set; } = "";

    public string NextMonth { get; private set; } = "";

    public int WithoutPatrol => Grids.Count(g => g.Count == 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.SeesPatrols)
        {
            return Forbid();
        }

        var today = ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime);
        var first = DateTime.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        Month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        PreviousMonth = first.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        NextMonth = first.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var fromUtc = ChinaTime.ToUtc(first);
        var toUtc = ChinaTime.ToUtc(first.AddMonths(1));

        var villages = await units.VillagesAsync(access.County, cancellationToken);
        Villages = access.OwnVillages(villages);
        var townshipIds = Villages.Select(v => v.ParentId).ToHashSet();
        var townships = await units.TownshipsAsync(access.County, cancellationToken);
        Townships = townships.Where(t => townshipIds.Contains(t.Id)).ToList();

        var grids = access.Visible(db.Grids.AsNoTracking(), GridAccess.PatrolledGrids);
        var patrols = access.Visible(db.Patrols.AsNoTracking(), GridAccess.Patrols).Where(p => p.PatrolledAtUtc >= fromUtc && p.PatrolledAtUtc < toUtc);
        if (Township is { } t)
        {
            grids = grids.Where(g => g.TownshipId == t);
            patrols = patrols.Where(p => p.TownshipId == t);
        }

        if (Village is { } v)
        {
            grids = grids.Where(g => g.VillageId == v);
            patrols = patrols.Where(p => p.VillageId == v);
        }

        var counts = await patrols.GroupBy(p => p.GridId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var villageNames = villages.ToDictionary(x => x.Id, x => x.Name);
        var townshipNames = townships.ToDictionary(x => x.Id, x => x.Name);
        Grids = (await grids.OrderBy(g => g.TownshipId).ThenBy(g => g.VillageId).ThenBy(g => g.Code).Take(5000).ToListAsync(cancellationToken))
            .Select(g => new GridCount(g.Id, townshipNames.GetValueOrDefault(g.TownshipId, ""), villageNames.GetValueOrDefault(g.VillageId, ""), g.Code, g.Name, counts.GetValueOrDefault(g.Id)))
            .ToList();
        Patrols = await patrols.Include(p => p.Hazards).OrderByDescending(p => p.PatrolledAtUtc).Take(500).ToListAsync(cancellationToken);
        return Page();
    }

    internal sealed record GridCount(int GridId, string Township, string Village, string Code, string Name, int Count);
}
