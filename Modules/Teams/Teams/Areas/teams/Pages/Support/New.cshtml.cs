using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Support;

/// <summary>申请支援: a township asks the county for supplies (a kind and quantity, into one of its sites) or rescuers.</summary>
[RequirePermission(TeamsModule.Manage)]
internal sealed class NewModel(TeamsDbContext db, SupportAccess access, SupportDesk desk, StockLedger ledger, ICountyUnits units) : PageModel
{
    [BindProperty]
    public SupportDraft Input { get; set; } = new();

    /// <summary>The township asked for: the user's own, or the one a county manager enters the request for (代为申请).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public bool OnBehalf => access.RequestsOnBehalf;

    public IReadOnlyList<SupplyKind> Kinds { get; private set; } = [];

    public IReadOnlyList<StorageSite> Sites { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.MayRequest)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!access.MayRequest)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            foreach (var key in ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList())
            {
                ModelState[key]!.Errors.Clear();
                ModelState.AddModelError(key, key.EndsWith("NeededBy", StringComparison.Ordinal) ? "请按 年-月-日 时:分 填写需要到达的时间" : "请填写有效的数字");
            }

            return Page();
        }

        var township = Townships.FirstOrDefault(t => t.Id == Township);
        if (township is null)
        {
            ModelState.AddModelError(nameof(Township), "请选择代为申请的乡镇");
            return Page();
        }

        var (request, errors) = await desk.RequestAsync(Input, township, cancellationToken, OnBehalf);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("Input." + error.Field, error.Message);
            }

            return Page();
        }

        Notice = OnBehalf ? $"已代{township.Name}提交支援申请（第 {request!.Id} 号）" : $"已提交支援申请（第 {request!.Id} 号），等待县应急管理局指派";
        return RedirectToPage("/Support/Details", new { id = request.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await ledger.EnsureCatalogueAsync(cancellationToken);
        Kinds = await db.SupplyKinds.AsNoTracking().OrderBy(k => k.Category).ThenBy(k => k.Name).ToListAsync(cancellationToken);
        var townships = await units.TownshipsAsync(access.County, cancellationToken);
        Townships = OnBehalf ? townships : townships.Where(t => t.Id == access.TownshipId).ToList();
        if (!OnBehalf)
        {
            Township = access.TownshipId;
        }

        Sites = Township is { } t ? await desk.ReceivingSitesAsync(t, cancellationToken) : [];
    }
}
