using Emergency.BuildingBlocks.Access;
using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Grids;

/// <summary>
/// The grids of each village and community (a villagers' group, or 300–500 households in a
/// community), with the 明白卡 content. The township keeps its own; the county manager any.
/// </summary>
internal sealed class IndexModel(GridDbContext db, GridAccess access, ICountyUnits units, ICountySettings settings, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GridArea> Grids { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Villages { get; private set; } = [];

    public bool CanManage { get; private set; }

    [BindProperty]
    public GridInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (edit is { } id && CanManage && Grids.FirstOrDefault(g => g.Id == id) is { } grid)
        {
            Input = new GridInput
            {
                Id = grid.Id, VillageId = grid.VillageId, Code = grid.Code, Name = grid.Name, Kind = grid.Kind, Households = grid.Households,
                Population = grid.Population, KeyRisks = grid.KeyRisks, EvacuationRoute = grid.EvacuationRoute, Shelter = grid.Shelter, EmergencyNumbers = grid.EmergencyNumbers,
            };
        }
    }

    [RequirePermission(GridModule.Manage)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CanManage)
        {
            return Forbid();
        }

        var village = Villages.FirstOrDefault(v => v.Id == Input.VillageId);
        if (Input.VillageId is not null && village is null)
        {
            ModelState.AddModelError("Input.VillageId", "只能为本乡镇的村（社区）建立网格");
        }

        var code = Input.Code?.Trim() ?? "";
        if (code.Length > 0 && await db.Grids.AnyAsync(g => g.Code == code && g.Id != (Input.Id ?? 0), cancellationToken))
        {
            ModelState.AddModelError("Input.Code", "网格编码已被使用");
        }

        if (await GridRules.HouseholdsProblemAsync(settings, Input.Kind, Input.Households ?? 0, cancellationToken) is { } problem)
        {
            ModelState.AddModelError("Input.Households", problem);
        }

        GridArea? grid = null;
        if (Input.Id is { } id)
        {
            grid = await access.Visible(db.Grids, GridAccess.Grids).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
            if (grid is null)
            {
                return NotFound();
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        grid ??= db.Grids.Add(new GridArea { CreatedAtUtc = clock.GetUtcNow().UtcDateTime }).Entity;
        grid.TownshipId = village!.ParentId ?? 0;
        grid.VillageId = village.Id;
        grid.Code = code;
        grid.Name = Input.Name!.Trim();
        grid.Kind = Input.Kind;
        grid.Households = Input.Households ?? 0;
        grid.Population = Input.Population ?? 0;
        grid.KeyRisks = Input.KeyRisks?.Trim() ?? "";
        grid.EvacuationRoute = Input.EvacuationRoute?.Trim() ?? "";
        grid.Shelter = Input.Shelter?.Trim() ?? "";
        grid.EmergencyNumbers = Input.EmergencyNumbers?.Trim() ?? "";
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已保存网格：{grid.Code} {grid.Name}";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = await units.VillagesAsync(access.County, cancellationToken);
        Villages = access.OwnVillages(all);
        CanManage = access.ManagesAny;
        Grids = await access.Visible(db.Grids.AsNoTracking(), GridAccess.Grids).OrderBy(g => g.TownshipId).ThenBy(g => g.VillageId).ThenBy(g => g.Code).Take(500).ToListAsync(cancellationToken);
    }

    public string VillageName(int id) => Villages.FirstOrDefault(v => v.Id == id)?.Name ?? "";

    internal sealed class GridInput
    {
        public int? Id { get; set; }

        [Required(ErrorMessage = "请选择村（社区）")]
        public int? VillageId { get; set; }

        [Required(ErrorMessage = "请填写网格编码")]
        [StringLength(30, ErrorMessage = "网格编码不能超过 30 个字符")]
        [RegularExpression("^[0-9A-Za-z-]+$", ErrorMessage = "网格编码只能包含数字、字母和短横线")]
        public string? Code { get; set; }

        [Required(ErrorMessage = "请填写网格名称")]
        [StringLength(50, ErrorMessage = "网格名称不能超过 50 个字")]
        public string? Name { get; set; }

        [EnumDataType(typeof(GridKind), ErrorMessage = "请选择网格类型")]
        public GridKind Kind { get; set; }

        [Required(ErrorMessage = "请填写户数")]
        [Range(0, 100000, ErrorMessage = "户数应在 0 到 100000 之间")]
        public int? Households { get; set; }

        [Required(ErrorMessage = "请填写人口")]
        [Range(0, 1000000, ErrorMessage = "人口应在 0 到 1000000 之间")]
        public int? Population { get; set; }

        [StringLength(1000, ErrorMessage = "风险防范重点不能超过 1000 个字")]
        public string? KeyRisks { get; set; }

        [StringLength(500, ErrorMessage = "撤离路线不能超过 500 个字")]
        public string? EvacuationRoute { get; set; }

        [StringLength(200, ErrorMessage = "避难场所不能超过 200 个字")]
        public string? Shelter { get; set; }

        [StringLength(500, ErrorMessage = "应急电话不能超过 500 个字")]
        public string? EmergencyNumbers { get; set; }
    }
}
