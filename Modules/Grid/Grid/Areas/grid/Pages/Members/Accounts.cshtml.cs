using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Members;

/// <summary>
/// 批量开通账号: the township opens one 村（社区）用户/网格员 account for each active member of a village who has none
/// (named "&lt;village code&gt;-&lt;n&gt;"), links it to the member and shows the one-time passwords once, on a printable
/// page no cache keeps; a reload or a second submission shows none again (every member then has an account).
/// </summary>
[RequirePermission(GridModule.Manage)]
internal sealed class AccountsModel(GridDbContext db, GridAccess access, ICountyUnits units, IUnitAccounts accounts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<VillageRow> Villages { get; private set; } = [];

    /// <summary>The accounts just opened (this response only).</summary>
    public IReadOnlyList<(GridMember Member, OpenedAccount Account)> Opened { get; private set; } = [];

    public string? OpenedVillage { get; private set; }

    [BindProperty]
    public int? VillageId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.ManagesAny)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!access.ManagesAny)
        {
            return Forbid();
        }

        var villages = access.OwnVillages(await units.VillagesAsync(access.County, cancellationToken));
        var village = villages.FirstOrDefault(v => v.Id == VillageId);
        if (village is null || !access.ManagesTownship(village.ParentId ?? 0))
        {
            await LoadAsync(cancellationToken);
            ModelState.AddModelError(nameof(VillageId), "请选择本乡镇的村（社区）");
            return Page();
        }

        var members = await db.Members.Where(m => m.VillageId == village.Id && m.Active && m.UserName == null)
            .OrderBy(m => m.Name).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        if (members.Count > 0)
        {
            var opened = await accounts.OpenVillageAccountsAsync(access.County, village.Id, members.Select(m => m.Name).ToList(), cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var pairs = new List<(GridMember, OpenedAccount)>();
            for (var i = 0; i < members.Count; i++)
            {
                members[i].UserName = opened[i].UserName;
                MemberSteps.Record(db, members[i], access.UserName, MemberSteps.AccountOpened, $"账号 {opened[i].UserName}", now);
                pairs.Add((members[i], opened[i]));
            }

            await db.SaveChangesAsync(cancellationToken);
            Opened = pairs;
        }

        OpenedVillage = village.Name;
        // The one-time passwords are on this response only: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var villages = access.OwnVillages(await units.VillagesAsync(access.County, cancellationToken))
            .Where(v => access.ManagesTownship(v.ParentId ?? 0)).ToList();
        var ids = villages.Select(v => v.Id).ToList();
        var counts = await db.Members.AsNoTracking().Where(m => ids.Contains(m.VillageId) && m.Active)
            .GroupBy(m => m.VillageId)
            .Select(g => new { g.Key, All = g.Count(), Without = g.Count(m => m.UserName == null) })
            .ToListAsync(cancellationToken);
        Villages = villages.Select(v => new VillageRow(v, counts.FirstOrDefault(c => c.Key == v.Id)?.All ?? 0, counts.FirstOrDefault(c => c.Key == v.Id)?.Without ?? 0)).ToList();
    }

    internal sealed record VillageRow(UnitInfo Village, int Members, int WithoutAccount);
}
