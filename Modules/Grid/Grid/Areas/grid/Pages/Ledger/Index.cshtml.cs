using ClosedXML.Excel;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
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
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("隐患台账");
        string[] headers = ["编号", "乡镇", "村（社区）", "网格", "类别", "等级", "地点", "状态", "责任部门", "整改期限", "是否逾期", "挂牌督办", "上报时间"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Column(c + 1).Width = c is 6 ? 30 : 14; // fixed widths: measuring text needs fonts the server may not have
        }

        var r = 2;
        foreach (var row in rows)
        {
            sheet.Cell(r, 1).Value = row.Id;
            sheet.Cell(r, 2).Value = townships.GetValueOrDefault(row.TownshipId, "");
            sheet.Cell(r, 3).Value = villages.GetValueOrDefault(row.VillageId, "");
            sheet.Cell(r, 4).Value = row.GridName;
            sheet.Cell(r, 5).Value = Names.Category(row.Category);
            sheet.Cell(r, 6).Value = Names.Level(row.Level);
            sheet.Cell(r, 7).Value = row.Place;
            sheet.Cell(r, 8).Value = HazardWorkflow.StateName(row.State);
            sheet.Cell(r, 9).Value = row.DepartmentName ?? "";
            sheet.Cell(r, 10).Value = row.DeadlineUtc is { } d ? ChinaTime.Format(d) : "";
            sheet.Cell(r, 11).Value = row.Overdue ? "是" : "否";
            sheet.Cell(r, 12).Value = row.Supervision == SupervisionLevel.None ? "" : Hazards.DetailsModel.SupervisionName(row.Supervision);
            sheet.Cell(r, 13).Value = ChinaTime.Format(row.ReportedAtUtc);
            r++;
        }

        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "隐患台账.xlsx");
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
