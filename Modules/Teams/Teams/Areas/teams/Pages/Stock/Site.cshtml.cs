using Emergency.BuildingBlocks.Access;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Stock;

/// <summary>A storage site's stock, with the forms of its owner: 入库, 出库, 调拨, 盘点 and each row's minimum and expiry.</summary>
internal sealed class SiteModel(TeamsDbContext db, StockAccess access, StockLedger ledger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public MovementInput Input { get; set; } = new();

    public StorageSite Site { get; private set; } = null!;

    public IReadOnlyList<StockItem> Rows { get; private set; } = [];

    public IReadOnlyList<SupplyKind> Kinds { get; private set; } = [];

    public IReadOnlyList<StorageSite> Targets { get; private set; } = [];

    public bool MayManage { get; private set; }

    /// <summary>Which form was posted (to show its errors beside it).</summary>
    public string? Posted { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(false, cancellationToken) ?? Page();

    [RequirePermission(TeamsModule.Manage)]
    public Task<IActionResult> OnPostInAsync(CancellationToken cancellationToken) =>
        MoveAsync("In", kind => ledger.ReceiveAsync(Site, kind, Input.Quantity ?? 0, Input.Party, Input.Note, access.UserName, cancellationToken), cancellationToken);

    [RequirePermission(TeamsModule.Manage)]
    public Task<IActionResult> OnPostOutAsync(CancellationToken cancellationToken) =>
        MoveAsync("Out", kind => ledger.IssueAsync(Site, kind, Input.Quantity ?? 0, Input.Party, Input.Note, access.UserName, cancellationToken), cancellationToken);

    [RequirePermission(TeamsModule.Manage)]
    public Task<IActionResult> OnPostTransferAsync(CancellationToken cancellationToken) =>
        MoveAsync("Transfer", async kind =>
        {
            var target = Targets.FirstOrDefault(s => s.Id == Input.ToSiteId);
            return target is null
                ? StockResult.Refused("ToSiteId", "请选择调入储备点")
                : await ledger.TransferAsync(Site, target, kind, Input.Quantity ?? 0, Input.Note, access.UserName, cancellationToken);
        }, cancellationToken);

    [RequirePermission(TeamsModule.Manage)]
    public Task<IActionResult> OnPostTakeAsync(CancellationToken cancellationToken) =>
        MoveAsync("Take", kind => Input.Quantity is null
            ? Task.FromResult(StockResult.Refused("Quantity", "请填写盘点数量"))
            : ledger.TakeStockAsync(Site, kind, Input.Quantity.Value, Input.Note, access.UserName, cancellationToken), cancellationToken);

    [RequirePermission(TeamsModule.Manage)]
    public Task<IActionResult> OnPostLimitsAsync(CancellationToken cancellationToken) =>
        MoveAsync("Limits", async kind =>
        {
            var stock = Rows.FirstOrDefault(r => r.KindId == kind.Id);
            return stock is null
                ? StockResult.Refused("KindId", "该储备点还没有这种物资")
                : await ledger.SetLimitsAsync(stock, Input.Minimum ?? 0, Input.ExpiresOn, cancellationToken);
        }, cancellationToken);

    private async Task<IActionResult> MoveAsync(string form, Func<SupplyKind, Task<StockResult>> change, CancellationToken cancellationToken)
    {
        if (await LoadAsync(true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Posted = form;
        var kind = Kinds.FirstOrDefault(k => k.Id == Input.KindId);
        var result = kind is null ? StockResult.Refused("KindId", "请选择物资品名") : await change(kind);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field.Length == 0 ? "" : "Input." + error.Field, error.Message);
            }

            await LoadRowsAsync(cancellationToken);
            return Page();
        }

        Notice = "已保存：" + kind!.Name;
        return RedirectToPage(new { id = Site.Id });
    }

    /// <summary>Null when the user may see (and, for a write, change) the site; else 404 or 403.</summary>
    private async Task<IActionResult?> LoadAsync(bool write, CancellationToken cancellationToken)
    {
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (site is null || !access.MaySee(site))
        {
            return NotFound();
        }

        MayManage = access.MayManage(site);
        if (write && !MayManage)
        {
            return Forbid();
        }

        Site = site;
        await ledger.EnsureCatalogueAsync(cancellationToken);
        Kinds = await db.SupplyKinds.AsNoTracking().OrderBy(k => k.Category).ThenBy(k => k.Id).ToListAsync(cancellationToken);
        // A transfer may go to any site of the county the user sees or not: the county's stock is pooled (统一调度).
        Targets = await db.Sites.AsNoTracking().Where(s => s.Id != site.Id).OrderBy(s => s.Kind).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        await LoadRowsAsync(cancellationToken);
        return null;
    }

    private async Task LoadRowsAsync(CancellationToken cancellationToken) =>
        Rows = await db.Stock.AsNoTracking().Include(s => s.Kind).Where(s => s.SiteId == Site.Id)
            .OrderBy(s => s.Kind!.Category).ThenBy(s => s.KindId).ToListAsync(cancellationToken);

    internal sealed class MovementInput
    {
        public int KindId { get; set; }

        public int? Quantity { get; set; }

        public string? Party { get; set; }

        public string? Note { get; set; }

        public int? ToSiteId { get; set; }

        public int? Minimum { get; set; }

        public DateOnly? ExpiresOn { get; set; }
    }
}
