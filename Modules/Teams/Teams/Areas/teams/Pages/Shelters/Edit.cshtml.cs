using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Shelters;

/// <summary>Registers a shelter (新建避难场所) or edits one: owner unit, address, kind, capacity, area, facilities, manager, coordinates, status.</summary>
[RequirePermission(TeamsModule.Manage)]
internal sealed class EditModel(TeamsDbContext db, ShelterAccess access, ShelterRegistry registry, ICountyUnits units) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public ShelterDraft Input { get; set; } = new();

    public IReadOnlyList<UnitInfo> Owners { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (shelter, refused) = await LoadAsync(cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (shelter is not null)
        {
            Input = new ShelterDraft
            {
                OwnerKey = OwnerKey(shelter), Name = shelter.Name, Address = shelter.Address, Kind = shelter.Kind, Capacity = shelter.Capacity, Area = shelter.Area,
                Facilities = ShelterRegistry.FacilityNames.Select(f => f.Facility).Where(f => shelter.Facilities.HasFlag(f)).ToList(),
                ManagerName = shelter.ManagerName, ManagerMobile = shelter.ManagerMobile, Latitude = shelter.Latitude, Longitude = shelter.Longitude, Status = shelter.Status,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (shelter, refused) = await LoadAsync(cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var owner = Owners.FirstOrDefault(u => u.Key == Input.OwnerKey);
        if (owner is null)
        {
            ModelState.AddModelError("Input.OwnerKey", "请选择所属乡镇或村（社区）");
            return Page();
        }

        // A number the binder could not read (e.g. "很多") leaves the field empty: refuse before anything is written.
        if (FormNumbers.Unreadable(ModelState, ("Capacity", "可容纳人数应为 1 至 1000000 之间的整数"), ("Area", "请填写有效避难面积（平方米，大于 0）"),
                ("Latitude", FormNumbers.Latitude), ("Longitude", FormNumbers.Longitude)))
        {
            return Page();
        }

        var (saved, errors) = await registry.SaveAsync(shelter, Input, owner, access.UserName, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("Input." + error.Field, error.Message);
            }

            return Page();
        }

        Notice = "已保存避难场所：" + saved!.Name;
        return RedirectToPage("/Shelters/Details", new { id = saved.Id });
    }

    private static string OwnerKey(Shelter shelter) =>
        shelter.VillageId is { } v ? new UnitInfo(UnitKind.Village, v, "").Key : new UnitInfo(UnitKind.Township, shelter.TownshipId ?? 0, "").Key;

    /// <summary>The shelter being edited (null for a new one), or the refusal: 404 outside the user's view, 403 when not theirs to change.</summary>
    private async Task<(Shelter? Shelter, IActionResult? Refused)> LoadAsync(CancellationToken cancellationToken)
    {
        if (!access.ManagesAny)
        {
            return (null, Forbid());
        }

        Owners = access.Owners(await units.TownshipsAsync(access.County, cancellationToken), await units.VillagesAsync(access.County, cancellationToken));
        if (Id is not { } id)
        {
            return (null, null);
        }

        var shelter = await db.Shelters.FindAsync([id], cancellationToken);
        if (shelter is null || !access.MaySee(shelter))
        {
            return (null, NotFound());
        }

        return access.MayManage(shelter) ? (shelter, null) : (null, Forbid());
    }
}
