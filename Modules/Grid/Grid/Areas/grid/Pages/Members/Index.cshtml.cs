using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Members;

/// <summary>
/// Grid members (网格员): the grids they cover, the five 一岗五责 duties and the roles they absorb,
/// and optionally the platform account they sign in with (a village user reports as the member).
/// </summary>
internal sealed class IndexModel(GridDbContext db, GridAccess access, ICountyUnits units, IUnitAccounts accounts, TimeProvider clock) : PageModel
{
    /// <summary>The sign-in accounts of the villages the user manages (村（社区）用户/网格员), for the account select.</summary>
    public IReadOnlyList<UnitAccount> Accounts { get; private set; } = [];

    public IReadOnlyList<GridMember> Members { get; private set; } = [];

    public IReadOnlyList<GridArea> Grids { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Villages { get; private set; } = [];

    public bool CanManage { get; private set; }

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (edit is { } id && CanManage && Members.FirstOrDefault(m => m.Id == id) is { } member)
        {
            Input = new MemberInput
            {
                Id = member.Id, Name = member.Name, Mobile = member.Mobile, UserName = member.UserName,
                GridIds = member.Grids.Select(g => g.GridId).ToList(),
                Duties = Enum.GetValues<GridDuties>().Where(d => d != GridDuties.None && member.Duties.HasFlag(d)).ToList(),
                Roles = Enum.GetValues<GridRoles>().Where(r => r != GridRoles.None && member.Roles.HasFlag(r)).ToList(),
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

        var chosen = Grids.Where(g => Input.GridIds.Contains(g.Id)).ToList();
        if (chosen.Count != Input.GridIds.Distinct().Count())
        {
            ModelState.AddModelError("Input.GridIds", "只能选择本乡镇的网格");
        }
        else if (chosen.Count == 0)
        {
            ModelState.AddModelError("Input.GridIds", "请选择网格员负责的网格");
        }
        else if (chosen.Select(g => g.VillageId).Distinct().Count() > 1)
        {
            ModelState.AddModelError("Input.GridIds", "一名网格员负责的网格应在同一个村（社区）");
        }

        var userName = string.IsNullOrWhiteSpace(Input.UserName) ? null : Input.UserName.Trim();
        if (userName is not null && chosen.Count > 0 && !Accounts.Any(a => a.UserName == userName && a.VillageId == chosen[0].VillageId))
        {
            // Only a real account of the member's own village: not a typed name, not another village's account.
            ModelState.AddModelError("Input.UserName", "只能选择网格员所在村（社区）的账号");
        }
        else if (userName is not null && await db.Members.AnyAsync(m => m.UserName == userName && m.Id != (Input.Id ?? 0), cancellationToken))
        {
            ModelState.AddModelError("Input.UserName", "该账号已关联其他网格员");
        }

        GridMember? member = null;
        if (Input.Id is { } id)
        {
            member = await db.Members.Include(m => m.Grids).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (member is null || !Members.Any(m => m.Id == id))
            {
                return NotFound();
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var isNew = member is null;
        var accountChanged = member?.UserName != userName;
        member ??= db.Members.Add(new GridMember()).Entity;
        member.TownshipId = chosen[0].TownshipId;
        member.VillageId = chosen[0].VillageId;
        member.Name = Input.Name!.Trim();
        member.Mobile = Input.Mobile!.Trim();
        member.UserName = userName;
        member.Duties = Input.Duties.Aggregate(GridDuties.None, (all, d) => all | d);
        member.Roles = Input.Roles.Aggregate(GridRoles.None, (all, r) => all | r);
        member.Grids.Clear();
        foreach (var grid in chosen)
        {
            member.Grids.Add(new GridMemberGrid { GridId = grid.Id });
        }

        var what = isNew ? MemberSteps.Added : MemberSteps.Edited;
        var note = accountChanged ? (userName is null ? "未关联账号" : $"关联账号 {userName}") : null;
        MemberSteps.Record(db, member, access.UserName, what, note, clock.GetUtcNow().UtcDateTime);
        MemberSteps.Assigned(db, member, string.Join("、", chosen.Select(g => g.Name)));
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已保存网格员：{member.Name}";
        return RedirectToPage();
    }

    public string GridNames(GridMember member) =>
        string.Join("、", member.Grids.Select(mg => Grids.FirstOrDefault(g => g.Id == mg.GridId)?.Name ?? mg.GridId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanManage = access.ManagesAny;
        Villages = await units.VillagesAsync(access.County, cancellationToken);
        Grids = await access.Visible(db.Grids.AsNoTracking(), GridAccess.Grids).OrderBy(g => g.VillageId).ThenBy(g => g.Code).Take(1000).ToListAsync(cancellationToken);
        var members = access.Visible(db.Members.AsNoTracking().Include(m => m.Grids), GridAccess.Members);
        Members = await members.OrderBy(m => m.VillageId).ThenBy(m => m.Name).Take(500).ToListAsync(cancellationToken);
        if (CanManage)
        {
            var managed = access.OwnVillages(Villages).Select(v => v.Id).ToList();
            Accounts = await accounts.VillageAccountsAsync(access.County, managed, cancellationToken);
        }
    }

    internal sealed class MemberInput
    {
        public int? Id { get; set; }

        [Required(ErrorMessage = "请填写姓名")]
        [StringLength(50, ErrorMessage = "姓名不能超过 50 个字")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "请填写手机号")]
        [RegularExpression("^1[0-9]{10}$", ErrorMessage = "手机号应为 11 位数字")]
        public string? Mobile { get; set; }

        public List<int> GridIds { get; set; } = [];

        public List<GridDuties> Duties { get; set; } = [];

        public List<GridRoles> Roles { get; set; } = [];

        public string? UserName { get; set; }
    }
}
