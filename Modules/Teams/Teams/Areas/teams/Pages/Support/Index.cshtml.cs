using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Support;

/// <summary>一张网: the support requests the user may see (own, supplied by the user's unit, or all for the county), by state.</summary>
internal sealed class IndexModel(TeamsDbContext db, SupportAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SupportStatus? Status { get; set; }

    public IReadOnlyList<SupportRequest> Rows { get; private set; } = [];

    public bool MayRequest => access.MayRequest;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await Filtered().OrderBy(r => r.Status == SupportStatus.Closed).ThenByDescending(r => r.Id).Take(200).ToListAsync(cancellationToken);

    /// <summary>The requests of the page's filter (all of them, in the user's view) as an Excel sheet.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var rows = await Filtered().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var export = new SheetExport("支援申请",
        [
            new("编号", 8), new("申请乡镇", 14), new("需求"), new("所需", 20), new("地点", 24), new("需要到达时间", 18), new("理由", 30),
            new("支援单位", 24), new("状态", 18), new("到位情况", 24), new("申请时间", 18), new("申请人"),
        ]);
        foreach (var r in rows)
        {
            export.Add(r.Id, r.TownshipName, SupportDesk.NeedName(r.Need), What(r), r.Place, ChinaTime.Format(r.NeededByUtc), r.Reason,
                r.SupplierName, SupportDesk.StatusName(r.Status), r.Delivered, ChinaTime.Format(r.CreatedAtUtc), r.CreatedBy);
        }

        return export.ToFile("支援申请.xlsx");
    }

    private IQueryable<SupportRequest> Filtered()
    {
        var query = access.Visible(db.SupportRequests.AsNoTracking().Include(r => r.SupplyKind));
        return Status is { } status ? query.Where(r => r.Status == status) : query;
    }

    public static string What(SupportRequest r) =>
        r.Need == SupportNeed.Supplies ? $"{r.SupplyKind?.Name} {r.Quantity} {r.SupplyKind?.Unit}" : $"{r.TeamNeed} {r.Quantity} 人";
}
