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

/// <summary>
/// Changes a county: name, time zone, contact, status and the modules it may use. The code is its
/// key and data folder and cannot change. A module taken away is also switched off for the county's departments.
/// </summary>
internal sealed class EditModel(
    PlatformDbContext db,
    ModuleCatalog catalog,
    StoreCatalog stores,
    CountySnapshot snapshot,
    IStringLocalizer<PlatformText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public CountyInput Input { get; set; } = new();

    public string CountyName { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public IReadOnlyList<ModuleDefinition> AllModules => catalog.Modules;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var county = await FindAsync(cancellationToken);
        if (county is null)
        {
            return NotFound();
        }

        Input = CountyInput.From(county);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var county = await FindAsync(cancellationToken);
        if (county is null)
        {
            return NotFound();
        }

        CountyRules.Validate(Input, ModelState, text, catalog);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var wanted = Input.Modules.ToHashSet(StringComparer.Ordinal);
        var removed = county.Modules.Where(m => !wanted.Contains(m.Module)).ToList();
        var added = wanted.Where(name => county.Modules.All(m => m.Module != name)).ToList();
        db.CountyModules.RemoveRange(removed);
        foreach (var name in added)
        {
            county.Modules.Add(new CountyModule { CountyCode = county.Code, Module = name });
        }

        if (removed.Count > 0)
        {
            // A department may only have modules its county may use.
            var names = removed.Select(m => m.Module).ToList();
            var code = county.Code;
            db.DepartmentModules.RemoveRange(await db.DepartmentModules
                .Where(m => names.Contains(m.Module) && db.Departments.Any(d => d.Id == m.DepartmentId && d.CountyCode == code))
                .ToListAsync(cancellationToken));
        }

        Input.ApplyTo(county);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var name in added)
        {
            await stores.MigrateAsync(StoreKey.ForCounty(county.Code, name), cancellationToken);
        }

        snapshot.Invalidate();
        Message = text["CountySaved", county.Name].Value;
        return RedirectToPage(new { code = county.Code });
    }

    private async Task<Emergency.Host.Platform.Data.County?> FindAsync(CancellationToken cancellationToken)
    {
        var county = Code is null ? null : await db.Counties.Include(c => c.Modules).FirstOrDefaultAsync(c => c.Code == Code, cancellationToken);
        if (county is not null)
        {
            CountyName = county.Name;
            CreatedAtUtc = county.CreatedAtUtc;
        }

        return county;
    }
}
