using Emergency.BuildingBlocks.Hosting;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Access;
using Emergency.Host.Platform;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.County;

internal sealed record DepartmentRow(int Id, string Name, DepartmentType Type, IReadOnlySet<string> Enabled);

/// <summary>
/// Which modules each department of the county has switched on, among those the platform lets
/// the county use. A module the county may not use is never offered and never accepted.
/// </summary>
internal sealed class DepartmentsModel(
    PlatformDbContext db,
    CountySnapshot counties,
    ModuleCatalog catalog,
    IStringLocalizer<CountyText> text) : PageModel
{
    public IReadOnlyList<DepartmentRow> Departments { get; private set; } = [];

    /// <summary>The modules the county may use, in the deployment's order.</summary>
    public IReadOnlyList<ModuleDefinition> Modules { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>A refused save: the department and the message shown beside it.</summary>
    public (int Department, string Message)? Problem { get; private set; }

    private string County => User.County()!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(int departmentId, string[]? modules, CancellationToken cancellationToken)
    {
        var department = await db.Departments.Include(d => d.Modules)
            .FirstOrDefaultAsync(d => d.Id == departmentId && d.CountyCode == County, cancellationToken);
        if (department is null)
        {
            return NotFound();
        }

        var allowed = await AllowedAsync(cancellationToken);
        var wanted = (modules ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).ToHashSet(StringComparer.Ordinal);
        if (wanted.FirstOrDefault(m => !allowed.Contains(m)) is { } refused)
        {
            await LoadAsync(cancellationToken);
            Problem = (department.Id, text["ModuleNotAllowed", catalog.Find(refused)?.DisplayName ?? refused]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Only the modules the county may use are touched; rows of others (left from before the
        // platform withdrew a module) stay as they are and give no access.
        var changes = 0;
        foreach (var row in department.Modules.Where(m => allowed.Contains(m.Module) && !wanted.Contains(m.Module)).ToList())
        {
            department.Modules.Remove(row);
            db.DepartmentModules.Remove(row);
            changes++;
        }

        foreach (var module in wanted.Where(m => department.Modules.All(r => r.Module != m)))
        {
            department.Modules.Add(new DepartmentModule { DepartmentId = department.Id, Module = module });
            changes++;
        }

        await db.SaveChangesAsync(cancellationToken);
        counties.Invalidate();
        Notice = changes == 0 ? text["NothingChanged"] : text["DepartmentSaved", department.Name];
        return RedirectToPage();
    }

    private async Task<HashSet<string>> AllowedAsync(CancellationToken cancellationToken)
    {
        var county = await counties.FindAsync(County, cancellationToken);
        return catalog.Modules.Select(m => m.Name).Where(m => county?.Modules.Contains(m) == true).ToHashSet(StringComparer.Ordinal);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var allowed = await AllowedAsync(cancellationToken);
        Modules = catalog.Modules.Where(m => allowed.Contains(m.Name)).ToList();
        var departments = await db.Departments.AsNoTracking().Include(d => d.Modules)
            .Where(d => d.CountyCode == County).OrderBy(d => d.Type).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        Departments = departments
            .Select(d => new DepartmentRow(d.Id, d.Name, d.Type, d.Modules.Select(m => m.Module).ToHashSet(StringComparer.Ordinal)))
            .ToList();
    }
}
