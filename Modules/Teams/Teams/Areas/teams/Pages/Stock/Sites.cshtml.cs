using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Stock;

/// <summary>储备点: the sites the user sees, and the form to set one up or edit it (its owner unit and county managers).</summary>
internal sealed class SitesModel(TeamsDbContext db, StockAccess access, StockLedger ledger, ICountyUnits units) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public SiteDraft Input { get; set; } = new();

    public IReadOnlyList<StorageSite> Sites { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Owners { get; private set; } = [];

    public bool ShowForm => access.ManagesAny;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Id is { } id)
        {
            var site = await db.Sites.FindAsync([id], cancellationToken);
            if (site is null || !access.MaySee(site))
            {
                return NotFound();
            }

            if (!access.MayManage(site))
            {
                return Forbid();
            }

            Input = new SiteDraft
            {
                Kind = site.Kind, OwnerKey = OwnerKey(site), Name = site.Name, Address = site.Address, KeeperName = site.KeeperName,
                KeeperMobile = site.KeeperMobile, KeeperUserName = site.KeeperUserName, Latitude = site.Latitude, Longitude = site.Longitude,
            };
        }

        return Page();
    }

    [RequirePermission(TeamsModule.Manage)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!access.ManagesAny)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        StorageSite? site = null;
        if (Id is { } id)
        {
            site = await db.Sites.FindAsync([id], cancellationToken);
            if (site is null || !access.MaySee(site))
            {
                return NotFound();
            }

            if (!access.MayManage(site))
            {
                return Forbid();
            }
        }

        var owner = Owners.FirstOrDefault(u => u.Key == Input.OwnerKey);
        if (owner is null)
        {
            ModelState.AddModelError("Input.OwnerKey", "请选择所属单位");
            return Page();
        }

        if (FormNumbers.UnreadableCoordinates(ModelState))
        {
            return Page();
        }

        var (saved, result) = await ledger.SaveSiteAsync(site, Input, owner, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input." + error.Field, error.Message);
            }

            return Page();
        }

        TempData["Notice"] = "已保存储备点：" + saved!.Name;
        return RedirectToPage("/Stock/Site", new { id = saved.Id });
    }

    public static string? OwnerKey(StorageSite site) =>
        site.DepartmentId is { } d ? new UnitInfo(UnitKind.Department, d, "").Key
        : site.VillageId is { } v ? new UnitInfo(UnitKind.Village, v, "").Key
        : site.TownshipId is { } t ? new UnitInfo(UnitKind.Township, t, "").Key
        : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sites = await access.Visible(db.Sites.AsNoTracking(), StockAccess.Sites).OrderBy(s => s.Kind).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        Owners = access.Owners(await units.TownshipsAsync(access.County, cancellationToken), await units.VillagesAsync(access.County, cancellationToken),
            await units.DepartmentsAsync(access.County, cancellationToken));
    }
}
