using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Members;

/// <summary>
/// A grid member with the whole history of the record (新增, 修改, 停用, 启用, 开通账号: who, when, why); the township
/// deactivates (停用, with a reason) and re-activates (启用) the member here. A deactivated member stays on record.
/// </summary>
internal sealed class DetailsModel(GridDbContext db, GridAccess access, ICountyUnits units, TimeProvider clock) : PageModel
{
    public GridMember Member { get; private set; } = null!;

    public IReadOnlyList<MemberHistory> History { get; private set; } = [];

    public IReadOnlyList<string> GridNames { get; private set; } = [];

    public string VillageName { get; private set; } = "";

    public bool CanManage { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (member, now) => MemberSteps.Deactivate(db, member, access.UserName, Reason, now, string.Join("、", GridNames)), "已停用网格员", cancellationToken);

    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (member, now) => MemberSteps.Reactivate(db, member, access.UserName, Reason, now, string.Join("、", GridNames)), "已启用网格员", cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, Func<GridMember, DateTime, string?> step, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var member = await db.Members.SingleAsync(m => m.Id == id, cancellationToken);
        var problem = step(member, clock.GetUtcNow().UtcDateTime);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Reason), problem);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = $"{done}：{member.Name}";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var member = await access.Visible(db.Members.AsNoTracking().Include(m => m.Grids).ThenInclude(g => g.Grid), GridAccess.Members)
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return false;
        }

        Member = member;
        CanManage = access.ManagesTownship(member.TownshipId);
        GridNames = member.Grids.Select(g => g.Grid?.Name ?? "").OrderBy(n => n, StringComparer.Ordinal).ToList();
        History = await db.MemberHistory.AsNoTracking().Where(h => h.MemberId == id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        VillageName = (await units.VillagesAsync(access.County, cancellationToken)).FirstOrDefault(v => v.Id == member.VillageId)?.Name ?? "";
        return true;
    }
}
