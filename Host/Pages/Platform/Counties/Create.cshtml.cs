using Emergency.BuildingBlocks.Hosting;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.Host.Platform;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.Platform.Counties;

/// <summary>Opens a county: its row and modules in the platform store, then a store per module under counties/&lt;code&gt;/.</summary>
internal sealed class CreateModel(
    PlatformDbContext db,
    ModuleCatalog catalog,
    StoreCatalog stores,
    CountySnapshot snapshot,
    TimeProvider clock,
    IStringLocalizer<PlatformText> text) : PageModel
{
    [BindProperty]
    public CountyInput Input { get; set; } = new();

    public IReadOnlyList<ModuleDefinition> AllModules => catalog.Modules;

    public void OnGet() => Input.Modules = catalog.Modules.Select(m => m.Name).ToList();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = Input.Code?.Trim() ?? "";
        if (code.Length == 0)
        {
            ModelState.AddModelError("Input.Code", text["CountyCodeRequired"]);
        }
        else if (!CountyRules.IsCountyCode(code))
        {
            ModelState.AddModelError("Input.Code", text["CountyCodeFormat"]);
        }
        else if (await db.Counties.AnyAsync(c => c.Code == code, cancellationToken))
        {
            ModelState.AddModelError("Input.Code", text["CountyCodeTaken", code]);
        }

        CountyRules.Validate(Input, ModelState, text, catalog);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var county = new Emergency.Host.Platform.Data.County
        {
            Code = code,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Modules = Input.Modules.Select(m => new CountyModule { CountyCode = code, Module = m }).ToList(),
        };
        Input.ApplyTo(county);
        db.Counties.Add(county);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin created the same code in the meantime: the unique key refused this one.
            ModelState.AddModelError("Input.Code", text["CountyCodeTaken", code]);
            return Page();
        }

        // Every module gets its store now (as at start-up), so switching a module on later needs no migration.
        foreach (var module in catalog.Modules)
        {
            await stores.MigrateAsync(StoreKey.ForCounty(code, module.Name), cancellationToken);
        }

        snapshot.Invalidate();
        TempData["Message"] = text["CountyCreated", county.Name, code].Value;
        return RedirectToPage("Index");
    }
}
