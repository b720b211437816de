using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Teams;

/// <summary>Registers a team (新建队伍) or edits one: kind, owner unit, leader, service area, tasks, response procedure, status.</summary>
[RequirePermission(TeamsModule.Manage)]
internal sealed class EditModel(TeamsDbContext db, TeamsAccess access, TeamRoster roster, ICountyUnits units) : PageModel
{
    [BindProperty]
    public TeamDraft Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    /// <summary>The units the user may register a team for, by kind of unit (townships, villages, departments).</summary>
    public IReadOnlyList<UnitInfo> Owners { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.ManagesAny)
        {
            return Forbid();
        }

        await LoadOwnersAsync(cancellationToken);
        if (Id is { } id)
        {
            var team = await db.Teams.FindAsync([id], cancellationToken);
            if (team is null || !access.MaySee(team))
            {
                return NotFound();
            }

            if (!access.MayManage(team))
            {
                return Forbid();
            }

            Input = new TeamDraft
            {
                Kind = team.Kind, OwnerKey = OwnerKey(team), Name = team.Name, Organization = team.Organization, LeaderName = team.LeaderName,
                LeaderMobile = team.LeaderMobile, ServiceArea = team.ServiceArea, Tasks = team.Tasks, ResponseProcedure = team.ResponseProcedure, Status = team.Status,
                Latitude = team.Latitude, Longitude = team.Longitude,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!access.ManagesAny)
        {
            return Forbid();
        }

        await LoadOwnersAsync(cancellationToken);
        RescueTeam? team = null;
        if (Id is { } id)
        {
            team = await db.Teams.FindAsync([id], cancellationToken);
            if (team is null || !access.MaySee(team))
            {
                return NotFound();
            }

            if (!access.MayManage(team))
            {
                return Forbid();
            }
        }

        var (townships, villages, departments) = await UnitsAsync(cancellationToken);
        var allowed = access.OwnersFor(Input.Kind, townships, villages, departments);
        if (allowed.Count == 0)
        {
            // A kind the user's unit may not register (a department's township team): refused, not a form error.
            return Forbid();
        }

        var owner = allowed.FirstOrDefault(u => u.Key == Input.OwnerKey);
        if (owner is null)
        {
            ModelState.AddModelError("Input.OwnerKey", string.IsNullOrEmpty(Input.OwnerKey) ? "请选择所属单位" : "所选单位不能组建该类别的队伍");
            return Page();
        }

        if (FormNumbers.UnreadableCoordinates(ModelState))
        {
            return Page();
        }

        RosterResult result;
        if (team is null)
        {
            (team, result) = await roster.RegisterAsync(Input, owner, access.UserName, cancellationToken);
        }
        else
        {
            result = await roster.UpdateAsync(team, Input, owner, cancellationToken);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field.Length == 0 ? "" : "Input." + error.Field, error.Message);
            }

            return Page();
        }

        Notice = $"已保存救援队伍：{team!.Name}";
        return RedirectToPage("/Teams/Details", new { id = team.Id });
    }

    private static string? OwnerKey(RescueTeam team) =>
        team.DepartmentId is { } d ? new UnitInfo(UnitKind.Department, d, "").Key
        : team.VillageId is { } v ? new UnitInfo(UnitKind.Village, v, "").Key
        : team.TownshipId is { } t ? new UnitInfo(UnitKind.Township, t, "").Key
        : null;

    private async Task<(IReadOnlyList<UnitInfo> Townships, IReadOnlyList<UnitInfo> Villages, IReadOnlyList<UnitInfo> Departments)> UnitsAsync(CancellationToken cancellationToken) =>
        (await units.TownshipsAsync(access.County, cancellationToken), await units.VillagesAsync(access.County, cancellationToken), await units.DepartmentsAsync(access.County, cancellationToken));

    private async Task LoadOwnersAsync(CancellationToken cancellationToken)
    {
        var (townships, villages, departments) = await UnitsAsync(cancellationToken);
        Owners = access.OwnersFor(Contracts.TeamKind.Enterprise, townships, villages, departments);
    }
}
