using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Domain;

/// <summary>One line of the 网格表: a grid with its households, its active members and their phones, and the village's service station.</summary>
internal sealed record GridTableRow(
    string Township, string Village, string Code, string Grid, string Kind, int Households, int Population,
    IReadOnlyList<(string Name, string Mobile)> Members, string Station, string StationPhone);

/// <summary>
/// 网格表 (十个一: a grid table per township): every grid the user may see, filtered by township and village,
/// for the page, its print view and its Excel export.
/// </summary>
internal sealed class GridTableQuery(GridDbContext db, GridAccess access, ICountyUnits units)
{
    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Villages { get; private set; } = [];

    public async Task<IReadOnlyList<GridTableRow>> RunAsync(int? township, int? village, CancellationToken cancellationToken)
    {
        var allVillages = await units.VillagesAsync(access.County, cancellationToken);
        Villages = access.OwnVillages(allVillages);
        var townshipIds = Villages.Select(v => v.ParentId).ToHashSet();
        Townships = (await units.TownshipsAsync(access.County, cancellationToken)).Where(t => townshipIds.Contains(t.Id)).ToList();

        var grids = access.Visible(db.Grids.AsNoTracking(), GridAccess.Grids);
        if (township is { } t)
        {
            grids = grids.Where(g => g.TownshipId == t);
        }

        if (village is { } v)
        {
            grids = grids.Where(g => g.VillageId == v);
        }

        var rows = await grids.OrderBy(g => g.TownshipId).ThenBy(g => g.VillageId).ThenBy(g => g.Code).Take(5000).ToListAsync(cancellationToken);
        var gridIds = rows.Select(g => g.Id).ToList();
        var members = await db.MemberGrids.AsNoTracking()
            .Where(mg => gridIds.Contains(mg.GridId) && mg.Member!.Active)
            .Select(mg => new { mg.GridId, mg.Member!.Name, mg.Member.Mobile })
            .ToListAsync(cancellationToken);
        var villageIds = rows.Select(g => g.VillageId).Distinct().ToList();
        var stations = await db.Stations.AsNoTracking().Where(s => villageIds.Contains(s.VillageId)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var townshipNames = (await units.TownshipsAsync(access.County, cancellationToken)).ToDictionary(x => x.Id, x => x.Name);
        var villageNames = allVillages.ToDictionary(x => x.Id, x => x.Name);
        return rows.Select(g =>
        {
            var station = stations.FirstOrDefault(s => s.VillageId == g.VillageId);
            return new GridTableRow(
                townshipNames.GetValueOrDefault(g.TownshipId, ""),
                villageNames.GetValueOrDefault(g.VillageId, ""),
                g.Code, g.Name, GridRules.KindName(g.Kind), g.Households, g.Population,
                members.Where(m => m.GridId == g.Id).OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => (m.Name, m.Mobile)).ToList(),
                station?.Name ?? "", station?.Phone ?? "");
        }).ToList();
    }
}
