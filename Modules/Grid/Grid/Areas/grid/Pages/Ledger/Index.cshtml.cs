using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Contracts;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Emergency.Grid.Ledger;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Grid.Areas.grid.Pages.Ledger;

/// <summary>
/// 隐患台账: per township and village, filtered by state, level, category, department and overdue,
/// 20 a page, with counts per state and an Excel export. The user's scope is forced into the filter.
/// </summary>
internal sealed class IndexModel(LedgerQuery ledger, GridAccess access, ICountyUnits units) : PageModel
{
    /// <summary>What a step just did, when it leads here (a department that returned a hazard).</summary>
    [TempData]
    public string? Notice { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? TownshipId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? VillageId { get; set; }

    [BindProperty(SupportsGet = true)]
    public HazardState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public HazardLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public HazardCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public LedgerPage Result { get; private set; } = new([], new Dictionary<HazardState, int>(), 0, 1, 1);

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Villages { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Departments { get; private set; } = [];

    /// <summary>Which filters the user may change (a township user's township is fixed, and so on).</summary>
    public bool FixedTownship { get; private set; }

    public bool FixedVillage { get; private set; }

    public bool FixedDepartment { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = await FilterAsync(cancellationToken);
        Result = await ledger.RunAsync(filter, cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var filter = await FilterAsync(cancellationToken);
        var rows = await ledger.AllAsync(filter, cancellationToken);
        var townships = Townships.ToDictionary(t => t.Id, t => t.Name);
        var villages = Villages.ToDictionary(v => v.Id, v => v.Name);
        // Every text cell is written as text: a place or grid name typed as "=…" never becomes a formula.
        var export = new SheetExport("隐患台账",
        [
            new("编号"), new("乡镇"), new("村（社区）"), new("网格"), new("类别"), new("等级"), new("地点", 30),
            new("状态"), new("责任部门"), new("整改期限"), new("是否逾期"), new("挂牌督办"), new("上报时间"),
        ]);
        foreach (var row in rows)
        {
            export.Add(
                row.Id,
                townships.GetValueOrDefault(row.TownshipId, ""),
                villages.GetValueOrDefault(row.VillageId, ""),
                row.GridName,
                Names.Category(row.Category),
                Names.Level(row.Level),
                row.Place,
                HazardWorkflow.StateName(row.State),
                row.DepartmentName ?? "",
                row.DeadlineUtc is { } d ? ChinaTime.Format(d) : "",
                row.Overdue ? "是" : "否",
                row.Supervision == SupervisionLevel.None ? "" : Hazards.DetailsModel.SupervisionName(row.Supervision),
                ChinaTime.Format(row.ReportedAtUtc));
        }

        return export.ToFile("隐患台账.xlsx");
    }

    /// <summary>The query string to keep the filter while paging.</summary>
    public Dictionary<string, string> Route(int page)
    {
        var route = new Dictionary<string, string> { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                route[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
            }
        }

        Add("TownshipId", TownshipId);
        Add("VillageId", VillageId);
        Add("State", State);
        Add("Level", Level);
        Add("Category", Category);
        Add("DepartmentId", DepartmentId);
        Add("Overdue", Overdue);
        return route;
    }

    private async Task<LedgerFilter> FilterAsync(CancellationToken cancellationToken)
    {
        Townships = await units.TownshipsAsync(access.County, cancellationToken);
        Villages = await units.VillagesAsync(access.County, cancellationToken);
        Departments = await units.DepartmentsAsync(access.County, cancellationToken);
        // The user's own township, village or department is fixed in the filter; the rest they choose.
        var scope = access.LedgerScope();
        FixedTownship = scope.TownshipId is not null || scope.Nothing;
        FixedVillage = scope.VillageId is not null;
        FixedDepartment = scope.DepartmentId is not null;
        TownshipId = FixedTownship ? scope.TownshipId : TownshipId;
        VillageId = FixedVillage ? scope.VillageId : VillageId;
        DepartmentId = FixedDepartment ? scope.DepartmentId : DepartmentId;

        if (TownshipId is { } township)
        {
            Villages = Villages.Where(v => v.ParentId == township).ToList();
        }

        return new LedgerFilter(TownshipId, VillageId, State, Level, Category, DepartmentId, Overdue, Math.Max(1, PageNumber), scope.Nothing);
    }
}
