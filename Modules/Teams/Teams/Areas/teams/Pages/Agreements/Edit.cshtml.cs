using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Agreements;

/// <summary>
/// A 镇企联动协议, new or existing: the township, the enterprise and its contact, what each provides, validity and
/// status. Those who may not change it (county leaders) read it.
/// </summary>
internal sealed class EditModel(TeamsDbContext db, SupportAccess access, AgreementRegistry registry, ICountyUnits units) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public AgreementDraft Input { get; set; } = new();

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public bool MayManage { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (agreement, refused) = await LoadAsync(forWrite: false, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (agreement is not null)
        {
            Input = new AgreementDraft
            {
                TownshipKey = new UnitInfo(UnitKind.Township, agreement.TownshipId, "").Key, EnterpriseName = agreement.EnterpriseName, ContactName = agreement.ContactName,
                ContactMobile = agreement.ContactMobile, TownshipProvides = agreement.TownshipProvides, EnterpriseProvides = agreement.EnterpriseProvides,
                ValidFrom = agreement.ValidFrom, ValidTo = agreement.ValidTo, Status = agreement.Status,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (agreement, refused) = await LoadAsync(forWrite: true, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            foreach (var key in ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList())
            {
                ModelState[key]!.Errors.Clear();
                ModelState.AddModelError(key, "请按 年-月-日 填写日期");
            }

            return Page();
        }

        var township = Townships.FirstOrDefault(t => t.Key == Input.TownshipKey);
        var (saved, errors) = await registry.SaveAsync(agreement, Input, township, access.UserName, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("Input." + error.Field, error.Message);
            }

            return Page();
        }

        Notice = "已保存镇企联动协议：" + saved!.EnterpriseName;
        return RedirectToPage("/Agreements/Index");
    }

    /// <summary>The agreement (null for a new one), or the refusal: 404 outside the user's view, 403 when not theirs to change.</summary>
    private async Task<(Agreement? Agreement, IActionResult? Refused)> LoadAsync(bool forWrite, CancellationToken cancellationToken)
    {
        Townships = access.AgreementOwners(await units.TownshipsAsync(access.County, cancellationToken));
        if (Id is not { } id)
        {
            MayManage = access.ManagesAgreements;
            return MayManage ? (null, null) : (null, Forbid());
        }

        var agreement = await db.Agreements.FindAsync([id], cancellationToken);
        if (agreement is null || !access.MaySee(agreement))
        {
            return (null, NotFound());
        }

        MayManage = access.MayManage(agreement);
        return forWrite && !MayManage ? (null, Forbid()) : (agreement, null);
    }
}
