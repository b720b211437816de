using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages;

/// <summary>The module's start page: what the user may do here and the hazards in their scope by state.</summary>
internal sealed class IndexModel(GridDbContext db, GridAccess access) : PageModel
{
    public IReadOnlyDictionary<HazardState, int> Counts { get; private set; } = new Dictionary<HazardState, int>();

    public int Grids { get; private set; }

    public int Overdue { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var hazards = await access.VisibleAsync(db.Hazards.AsNoTracking(), cancellationToken);
        Counts = await hazards.GroupBy(h => h.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        Overdue = await hazards.CountAsync(h => h.Overdue, cancellationToken);
        Grids = await access.VisibleGrids(db.Grids.AsNoTracking()).CountAsync(cancellationToken);
    }
}
