using Emergency.BuildingBlocks.Access;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Stock;

/// <summary>物资品类: the county's catalogue (seeded from seed 004's categories), kept by the county managers.</summary>
internal sealed class KindsModel(TeamsDbContext db, StockAccess access, StockLedger ledger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public SupplyCategory Category { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    public IReadOnlyList<SupplyKind> Kinds { get; private set; } = [];

    public bool ManagesCatalogue => access.ManagesCatalogue;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Id is { } id && Kinds.FirstOrDefault(k => k.Id == id) is { } kind)
        {
            (Category, Name, Unit) = (kind.Category, kind.Name, kind.Unit);
        }

        return Page();
    }

    [RequirePermission(TeamsModule.Manage)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!access.ManagesCatalogue)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        SupplyKind? kind = null;
        if (Id is { } id && (kind = await db.SupplyKinds.FindAsync([id], cancellationToken)) is null)
        {
            return NotFound();
        }

        var (saved, result) = await ledger.SaveKindAsync(kind, Category, Name, Unit, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            return Page();
        }

        Notice = "已保存物资品类：" + saved!.Name;
        return RedirectToPage(new { id = (int?)null });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await ledger.EnsureCatalogueAsync(cancellationToken);
        Kinds = await db.SupplyKinds.AsNoTracking().OrderBy(k => k.Category).ThenBy(k => k.Id).ToListAsync(cancellationToken);
    }
}
