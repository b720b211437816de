using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Draws;

/// <summary>双随机抽取: targets under the user's jurisdiction by filters, officers per target as the county set.</summary>
[RequirePermission(EnforcementModule.Manage)]
internal sealed class CreateModel(EnforcementDbContext db, EnforcementAccess access, Domain.Draws draws, ICountyUnits units, ICountySettings settings) : PageModel
{
    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public IReadOnlyList<string> Industries { get; private set; } = [];

    public int OfficersPerTarget { get; private set; }

    public string UnitName { get; private set; } = "";

    [BindProperty]
    public DrawInputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var drawer = access.Drawer();
        var township = Townships.FirstOrDefault(t => t.Id == Input.TownshipId);
        var (drawn, problems) = await draws.DrawAsync(
            new DrawRequest(township?.Id, township?.Name, Input.Risk, Input.Industry, Input.IncludeKey, Input.Count),
            new Drawer(drawer.Township, drawer.UnitName, access.UserName),
            OfficersPerTarget,
            cancellationToken);
        if (drawn is null)
        {
            ModelState.Clear();
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            return Page();
        }

        TempData["Notice"] = $"已完成双随机抽取：{drawn.Items.Count} 家企业，结果已公开";
        return RedirectToPage("Details", new { id = drawn.Id });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var drawer = access.Drawer();
        if (!drawer.May)
        {
            return Forbid();
        }

        UnitName = drawer.UnitName;
        var all = await units.TownshipsAsync(access.County, cancellationToken);
        Townships = drawer.Township is { } t ? all.Where(x => x.Id == t).ToList() : all;
        Industries = await db.Targets.Where(x => x.JurisdictionTownshipId == drawer.Township).Select(x => x.Industry).Distinct().OrderBy(x => x).ToListAsync(cancellationToken);
        OfficersPerTarget = await settings.GetAsync(EnforcementModule.OfficersPerTarget, cancellationToken);
        return null;
    }

    internal sealed class DrawInputModel
    {
        public int? TownshipId { get; set; }

        public RiskClass? Risk { get; set; }

        public string? Industry { get; set; }

        public bool IncludeKey { get; set; }

        public int? Count { get; set; }
    }
}
