using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Teams;

/// <summary>The printable 花名册 of a team: its active members in joining order, with the county's and the team's heading.</summary>
internal sealed class RosterModel(TeamsAccess access, TeamRoster roster, ICountyContext county, ICountyDirectory counties, TimeProvider clock) : PageModel
{
    public RescueTeam Team { get; private set; } = null!;

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];

    public string CountyName { get; private set; } = "";

    public DateOnly PrintedOn => DateOnly.FromDateTime(BuildingBlocks.Clock.ChinaTime.Now(clock));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var team = await roster.LoadAsync(id, cancellationToken);
        if (team is null || !access.MaySee(team))
        {
            return NotFound();
        }

        Team = team;
        Members = team.Members.Where(m => m.IsActive).OrderBy(m => m.JoinedOn).ThenBy(m => m.Id).ToList();
        CountyName = (await counties.FindAsync(county.Required, cancellationToken))?.Name ?? "";
        return Page();
    }
}
