using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Cards;

/// <summary>
/// 明白卡 of a grid: the grid member and contact, key risks, evacuation route, shelter and emergency
/// numbers, on a page of its own (no navigation) styled by the module's static card.css for printing.
/// </summary>
internal sealed class IndexModel(GridDbContext db, GridAccess access, ICountyUnits units) : PageModel
{
    public GridArea Grid { get; private set; } = null!;

    public IReadOnlyList<GridMember> Members { get; private set; } = [];

    public string Place { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var grid = await access.Visible(db.Grids.AsNoTracking(), GridAccess.Grids).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (grid is null)
        {
            return NotFound();
        }

        Grid = grid;
        Members = await db.MemberGrids.AsNoTracking().Where(mg => mg.GridId == id && mg.Member!.Active).Select(mg => mg.Member!).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var townships = await units.TownshipsAsync(access.County, cancellationToken);
        var villages = await units.VillagesAsync(access.County, cancellationToken);
        Place = (townships.FirstOrDefault(t => t.Id == grid.TownshipId)?.Name ?? "") + (villages.FirstOrDefault(v => v.Id == grid.VillageId)?.Name ?? "");
        return Page();
    }
}
