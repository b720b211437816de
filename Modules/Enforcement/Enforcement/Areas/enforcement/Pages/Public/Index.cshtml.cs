using Autofac;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Public;

/// <summary>
/// 双随机抽查结果公开 (一公开), without signing in: the county's draws, newest first, each with its date, the unit that
/// drew, the enterprises drawn (names only) and the officers' names — nothing else (no codes, addresses, phones or
/// record). The address names its county, so the page works in a scope of its own for that county; a county that
/// does not exist or does not use the module is not found.
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(ILifetimeScope lifetimeScope, ICountyDirectory counties) : PageModel
{
    public string CountyName { get; private set; } = "";

    public IReadOnlyList<PublicDraw> Draws { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string county, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(county) || await counties.FindAsync(county, cancellationToken) is not { } info || !info.MayUse(EnforcementModule.ModuleName))
        {
            return NotFound();
        }

        CountyName = info.Name;
        await using var scope = lifetimeScope.BeginLifetimeScope();
        scope.Resolve<ICountyContext>().Set(info.Code);
        var db = scope.Resolve<EnforcementDbContext>();
        var draws = await db.Draws.AsNoTracking().Include(d => d.Items)
            .OrderByDescending(d => d.DrawnAtUtc).ThenByDescending(d => d.Id).Take(100)
            .ToListAsync(cancellationToken);
        Draws = draws.Select(d => new PublicDraw(d.DrawnAtUtc, d.UnitName, d.Items.OrderBy(i => i.Position).Select(i => (i.TargetName, i.OfficerNames)).ToList())).ToList();
        return Page();
    }

    internal sealed record PublicDraw(DateTime DrawnAtUtc, string UnitName, IReadOnlyList<(string Target, string Officers)> Items);
}
