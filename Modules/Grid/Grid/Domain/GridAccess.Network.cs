using Emergency.BuildingBlocks.Access;
using Emergency.Grid.Data;

namespace Emergency.Grid.Domain;

/// <summary>Who sees patrols (巡查) and the disaster figures series.</summary>
internal sealed partial class GridAccess
{
    /// <summary>Patrols: their township and village, and the county; not departments.</summary>
    public static readonly UnitColumns<Patrol> Patrols = new(p => p.TownshipId, p => p.VillageId);

    /// <summary>Grids as the patrol month view counts them: like <see cref="Patrols"/> (departments see none).</summary>
    public static readonly UnitColumns<GridArea> PatrolledGrids = new(g => g.TownshipId, g => g.VillageId);

    /// <summary>Records patrols: a grid member (village user who may write), for the grids the member covers.</summary>
    public bool RecordsPatrols => CanWrite && Scope.Level == UserScope.Village && VillageId is not null;

    /// <summary>Sees the patrol month view: the county, a township, a village.</summary>
    public bool SeesPatrols => SeesWholeCounty || Scope.Level is UserScope.Township or UserScope.Village;

    /// <summary>续报: the township of the report, or a grid member of its village, until 核报.</summary>
    public bool MayFollowUp(DisasterReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Stage != DisasterStage.Final && Reports &&
               (ActsForTownship(report.TownshipId) || (report.VillageId is { } v && Scope.ActsForVillage(v)));
    }

    /// <summary>核报: the township of the report, once; the series ends.</summary>
    public bool MayConfirm(DisasterReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Stage != DisasterStage.Final && ActsForTownship(report.TownshipId);
    }
}
