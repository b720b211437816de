using Emergency.BuildingBlocks.Hosting;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Pages.Platform.Counties;

internal sealed record CountyRow(string Code, string Name, bool Active, int Townships, int Villages, int Departments, IReadOnlyList<string> Modules);

/// <summary>The counties of the deployment, with the size of their tree and the modules each may use.</summary>
internal sealed class IndexModel(PlatformDbContext db, ModuleCatalog catalog) : PageModel
{
    public IReadOnlyList<CountyRow> Counties { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counties = await db.Counties.AsNoTracking().Include(c => c.Modules).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var townships = await db.Townships.GroupBy(t => t.CountyCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var villages = await db.Villages.GroupBy(v => v.CountyCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var departments = await db.Departments.GroupBy(d => d.CountyCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        Counties = counties.Select(c => new CountyRow(
                c.Code,
                c.Name,
                c.Active,
                townships.GetValueOrDefault(c.Code),
                villages.GetValueOrDefault(c.Code),
                departments.GetValueOrDefault(c.Code),
                catalog.Modules.Where(m => c.Modules.Any(x => x.Module == m.Name)).Select(PlatformPages.ModuleName).ToList()))
            .ToList();
    }
}
