using System.Linq.Expressions;
using Emergency.BuildingBlocks.Settings;
using Emergency.Teams.Contracts;
using Emergency.Teams.Data;

namespace Emergency.Teams.Domain;

/// <summary>The county's minimum sizes: township and park teams, village teams; other kinds have none.</summary>
internal sealed record Minimums(int TownshipMinimum, int VillageMinimum)
{
    public int? For(TeamKind kind) => kind switch
    {
        TeamKind.Township or TeamKind.Park => TownshipMinimum,
        TeamKind.Village => VillageMinimum,
        _ => null,
    };

    /// <summary>A team in use (not 停用) with fewer active members than its kind's minimum.</summary>
    public bool IsBelow(RescueTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return team.Status != TeamStatus.Disbanded && For(team.Kind) is { } minimum && team.ActiveMembers < minimum;
    }

    /// <summary><see cref="IsBelow"/> as a query filter.</summary>
    public Expression<Func<RescueTeam, bool>> Below()
    {
        var township = TownshipMinimum;
        var village = VillageMinimum;
        return t => t.Status != TeamStatus.Disbanded &&
                    (((t.Kind == TeamKind.Township || t.Kind == TeamKind.Park) && t.ActiveMembers < township) ||
                     (t.Kind == TeamKind.Village && t.ActiveMembers < village));
    }
}

/// <summary>Reads the county's minimum team sizes (settings teams.township-minimum and teams.village-minimum).</summary>
internal sealed class TeamMinimums(ICountySettings settings)
{
    public async Task<Minimums> GetAsync(CancellationToken cancellationToken) =>
        new(await settings.GetAsync(TeamsModule.TownshipMinimum, cancellationToken), await settings.GetAsync(TeamsModule.VillageMinimum, cancellationToken));

    public async Task<Minimums> GetAsync(string county, CancellationToken cancellationToken) =>
        new(await settings.GetAsync(TeamsModule.TownshipMinimum, county, cancellationToken), await settings.GetAsync(TeamsModule.VillageMinimum, county, cancellationToken));
}
