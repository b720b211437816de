using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages;

/// <summary>The module's start page: what the user may do here and the hazards in their scope by state.</summary>
internal sealed class IndexModel(GridDbContext db, GridAccess access, Emergency.Grid.Ledger.LedgerQuery ledger) : PageModel
{
    public IReadOnlyDictionary<HazardState, int> Counts { get; private set; } = new Dictionary<HazardState, int>();

    public int Grids { get; private set; }

    public int Overdue { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = access.LedgerScope();
        Counts = await ledger.CountsAsync(scope, cancellationToken);
        Overdue = (await ledger.CountsAsync(scope with { Overdue = true }, cancellationToken)).Values.Sum();
        Grids = await access.Visible(db.Grids.AsNoTracking(), GridAccess.Grids).CountAsync(cancellationToken);
    }
}
