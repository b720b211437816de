using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Readiness.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Readiness.Areas.readiness.Pages;

/// <summary>
/// The county leader's page: every township's 六有 items (达标/未达标/无数据 and why), 十个一, score, the three items most
/// often missing, the monthly trend and the charts; Excel export and the print view; the county admin's rebuild. A
/// township user is taken to its own township, a village user to its village.
/// </summary>
internal sealed class IndexModel(ReadinessAccess access, Board board, Journal journal) : PageModel
{
    public BoardView View { get; private set; } = null!;

    /// <summary>The board's rendered HTML is cached under this key (<see cref="Board.RenderKey"/>).</summary>
    public string RenderKey { get; private set; } = "";

    public bool CanRebuild => access.Rebuilds;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = access.Scope;
        if (!scope.SeesWholeCounty)
        {
            return scope switch
            {
                { Level: UserScope.Township, TownshipId: { } t } => RedirectToPage("/Township", new { id = t }),
                { Level: UserScope.Village, VillageId: { } v } => RedirectToPage("/Village", new { id = v }),
                _ => NotFound(),
            };
        }

        RenderKey = board.RenderKey();
        View = await board.ReadAsync(null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!access.SeesWholeCounty)
        {
            return NotFound();
        }

        var view = await board.ReadAsync(null, cancellationToken);
        var columns = new List<SheetColumn> { new("乡镇", 18) };
        columns.AddRange(Items.Six.Select(i => new SheetColumn(i.Name, 30)));
        columns.AddRange([new("六有得分", 10), new("十个一得分", 10)]);
        columns.AddRange(Items.Ten.Select(i => new SheetColumn(i.Name, 26)));
        columns.AddRange([new("在办隐患", 10), new("逾期隐患", 10), new("在办案件", 10), new("超期时限", 10)]);
        var export = new SheetExport("六有十个一", columns);
        static string Cell(ItemResult? item) => item is null ? "" : $"{StateName(item.State)}：{item.Reason}";
        foreach (var unit in view.Townships)
        {
            var cells = new List<object?> { unit.Row.Name };
            cells.AddRange(Items.Six.Select(i => Cell(unit.Item(i.Code))));
            cells.Add($"{unit.Row.Met}/{unit.Row.WithData}");
            cells.Add($"{unit.Row.TenMet}/{unit.Row.TenWithData}");
            cells.AddRange(Items.Ten.Select(i => Cell(unit.Item(i.Code))));
            cells.AddRange([unit.Row.OpenHazards, unit.Row.OverdueHazards, unit.Row.OpenCases, unit.Row.ClockMisses]);
            export.Add([.. cells]);
        }

        return export.ToFile("应急能力达标.xlsx");
    }

    [RequirePermission(ReadinessModule.Rebuild)]
    public async Task<IActionResult> OnPostRebuildAsync(CancellationToken cancellationToken)
    {
        if (!access.Rebuilds)
        {
            return Forbid();
        }

        try
        {
            var replayed = await journal.RebuildAsync(cancellationToken);
            Message = string.Format(CultureInfo.InvariantCulture, "已从事件日志重建：重放 {0} 条事件", replayed);
        }
        catch (RebuildRunningException)
        {
            Message = "重建正在进行中，请稍后刷新查看结果。";
        }

        return RedirectToPage();
    }

    internal static string StateName(ItemState state) => state switch
    {
        ItemState.Met => "达标",
        ItemState.NotMet => "未达标",
        _ => "无数据",
    };
}
