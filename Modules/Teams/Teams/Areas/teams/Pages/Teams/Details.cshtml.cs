using Emergency.BuildingBlocks.Access;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Teams;

/// <summary>
/// A team with its members: the below-minimum banner, members also active in another team of the township
/// (warned, not refused), a member leaving with a reason, a member marked trained, links to add, import, edit
/// and print the 花名册.
/// </summary>
internal sealed class DetailsModel(TeamsAccess access, TeamRoster roster, TeamMinimums minimums, TimeProvider clock) : PageModel
{
    public RescueTeam Team { get; private set; } = null!;

    public Minimums Sizes { get; private set; } = new(0, 0);

    public bool CanManage { get; private set; }

    /// <summary>ID card → the other teams of the township the member is also active in.</summary>
    public IReadOnlyDictionary<string, string> OtherTeams { get; private set; } = new Dictionary<string, string>();

    /// <summary>The member whose form was posted (its errors are shown beside its fields).</summary>
    public int? PostedMember { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(BuildingBlocks.Clock.ChinaTime.Now(clock));

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Warnings { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    [RequirePermission(TeamsModule.Manage)]
    public async Task<IActionResult> OnPostLeaveAsync(int id, int member, DateOnly? leftOn, string? leftReason, CancellationToken cancellationToken)
    {
        if (await MemberAsync(id, member, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var result = await roster.LeaveAsync(Team, found, leftOn, leftReason, cancellationToken);
        return await AfterAsync(result, member, $"{found.Name}已离队", cancellationToken);
    }

    [RequirePermission(TeamsModule.Manage)]
    public async Task<IActionResult> OnPostTrainedAsync(int id, int member, DateOnly? trainedOn, string? trainedHow, CancellationToken cancellationToken)
    {
        if (await MemberAsync(id, member, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var result = await roster.MarkTrainedAsync(Team, found, trainedOn, trainedHow, cancellationToken);
        return await AfterAsync(result, member, $"已登记{found.Name}的培训", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(RosterResult result, int member, string notice, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            Notice = notice;
            return RedirectToPage(new { id = Team.Id });
        }

        PostedMember = member;
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        await LoadAsync(Team.Id, cancellationToken);
        return Page();
    }

    private async Task<TeamMember?> MemberAsync(int id, int member, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Team.Members.FirstOrDefault(m => m.Id == member) : null;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var team = await roster.LoadAsync(id, cancellationToken);
        if (team is null || !access.MaySee(team))
        {
            return false;
        }

        Team = team;
        CanManage = access.MayManage(team);
        Sizes = await minimums.GetAsync(cancellationToken);
        OtherTeams = await roster.OtherTeamsAsync(team, team.Members.Where(m => m.IsActive).Select(m => m.IdCardNumber).ToList(), cancellationToken);
        return true;
    }
}
