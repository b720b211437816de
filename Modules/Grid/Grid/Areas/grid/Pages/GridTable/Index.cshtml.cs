using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Grid.Areas.grid.Pages.GridTable;

/// <summary>
/// 网格表: per township and village, each grid with its households, grid members and their phones and the service
/// station; filtered within the user's scope, exported to Excel and printed (<c>?print=true</c>: a page of its own).
/// </summary>
internal sealed class IndexModel(GridTableQuery query) : PageModel
{
    public IReadOnlyList<GridTableRow> Rows { get; private set; } = [];

    public GridTableQuery Query => query;

    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Village { get; set; }

    /// <summary>The print view: no navigation, a print button.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Print { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await query.RunAsync(Township, Village, cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var rows = await query.RunAsync(Township, Village, cancellationToken);
        // Every text cell is written as text: a name typed as "=…" never becomes a formula.
        var export = new SheetExport("网格表",
        [
            new("乡镇"), new("村（社区）"), new("网格编码"), new("网格名称", 24), new("类型"), new("户数"), new("人口"),
            new("网格员", 20), new("联系电话", 28), new("应急服务站", 24), new("服务站电话", 16),
        ]);
        foreach (var row in rows)
        {
            export.Add(
                row.Township, row.Village, row.Code, row.Grid, row.Kind, row.Households, row.Population,
                string.Join("、", row.Members.Select(m => m.Name)),
                string.Join("、", row.Members.Select(m => m.Mobile)),
                row.Station, row.StationPhone);
        }

        return export.ToFile("网格表.xlsx");
    }
}
