using Emergency.BuildingBlocks.Access;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Members;

/// <summary>Adds a member to a team (编入队员) or edits one; a person already active in another team of the township is saved with a warning.</summary>
[RequirePermission(TeamsModule.Manage)]
internal sealed class EditModel(TeamsAccess access, TeamRoster roster) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "team")]
    public int TeamId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public MemberDraft Input { get; set; } = new();

    public RescueTeam Team { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Warnings { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Id is { } id)
        {
            if (Team.Members.FirstOrDefault(m => m.Id == id) is not { } m)
            {
                return NotFound();
            }

            Input = new MemberDraft
            {
                Name = m.Name, IdCardNumber = m.IdCardNumber, Mobile = m.Mobile, Source = m.Source, Skills = m.Skills, JoinedOn = m.JoinedOn,
                Insurance = m.Insurance, InsuredUntil = m.InsuredUntil, Trained = m.Trained, TrainedOn = m.TrainedOn, TrainedHow = m.TrainedHow,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        RosterResult result;
        string name;
        if (Id is { } id)
        {
            if (Team.Members.FirstOrDefault(m => m.Id == id) is not { } member)
            {
                return NotFound();
            }

            result = await roster.UpdateMemberAsync(Team, member, Input, cancellationToken);
            name = member.Name;
        }
        else
        {
            var (added, outcome) = await roster.AddMemberAsync(Team, Input, cancellationToken);
            result = outcome;
            name = added?.Name ?? "";
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field.Length == 0 ? "" : "Input." + error.Field, error.Message);
            }

            return Page();
        }

        Notice = $"已保存队员：{name}";
        Warnings = result.Warnings.Count == 0 ? null : string.Join("；", result.Warnings);
        return RedirectToPage("/Teams/Details", new { id = Team.Id });
    }

    /// <summary>Null when the user may change the team's members, else the refusal (404 unseen, 403 not theirs).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var team = await roster.LoadAsync(TeamId, cancellationToken);
        if (team is null || !access.MaySee(team))
        {
            return NotFound();
        }

        if (!access.MayManage(team))
        {
            return Forbid();
        }

        Team = team;
        return null;
    }
}
