using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Contracts;
using Emergency.Teams.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Domain;

/// <summary>The layers of the resource map (一张图).</summary>
internal enum MapLayer
{
    Teams = 0, // 救援队伍
    Sites = 1, // 储备点
    Shelters = 2, // 避难场所
}

/// <summary>
/// One township's line of the resource map: its teams (not 停用) with their active and trained members, its
/// storage sites with the stock rows below their minimum (key supplies short), its shelters (not 停用) with their
/// capacity. <see cref="TownshipId"/> null: the county's own (departments' teams, the county warehouse).
/// </summary>
internal sealed record MapRow(int? TownshipId, string Name, int Teams, int ActiveMembers, int TrainedMembers, int Sites, int KeySuppliesShort, int Shelters, int Capacity)
{
    /// <summary>受训比例 in whole percent (null without active members).</summary>
    public int? TrainedPercent => ActiveMembers == 0 ? null : (int)Math.Round(100.0 * TrainedMembers / ActiveMembers, MidpointRounding.AwayFromZero);
}

/// <summary>One resource for the map: a marker where it has coordinates, else a line of 未标注坐标.</summary>
internal sealed record MapItem(MapLayer Layer, int Id, string Name, string Owner, int? TownshipId, double? Latitude, double? Longitude, string Detail)
{
    public bool Placed => Latitude is not null && Longitude is not null;
}

/// <summary>The map as the user may see it (rows per township, a total, and the items).</summary>
internal sealed record MapView(IReadOnlyList<MapRow> Rows, MapRow Total, IReadOnlyList<MapItem> Items, IReadOnlyList<UnitInfo> Townships);

/// <summary>
/// 应急资源一张图 (seed 003 §20): the county's teams, storage sites and shelters by township, each kind scoped by its
/// own access rule (a township sees its township, a village its village, the county all), filtered by layer and
/// township. Disbanded teams and closed shelters are left out.
/// </summary>
internal sealed class ResourceMap(TeamsDbContext db, TeamsAccess teamAccess, StockAccess stockAccess, ShelterAccess shelterAccess, ICountyUnits units)
{
    public const string CountyRowName = "县直及部门";

    public async Task<MapView> BuildAsync(MapLayer? layer, int? township, CancellationToken cancellationToken)
    {
        var all = await units.TownshipsAsync(teamAccess.County, cancellationToken);
        var townships = teamAccess.SeesWholeCounty || teamAccess.TownshipId is null ? all : all.Where(t => t.Id == teamAccess.TownshipId).ToList();
        var items = new List<MapItem>();
        var teams = new List<RescueTeam>();
        var sites = new List<StorageSite>();
        var shelters = new List<Shelter>();
        Dictionary<int, int> shortBySite = [];
        if (layer is null or MapLayer.Teams)
        {
            var query = teamAccess.Visible(db.Teams.AsNoTracking(), TeamsAccess.Teams).Where(t => t.Status != TeamStatus.Disbanded);
            if (township is { } t)
            {
                query = query.Where(x => x.TownshipId == t);
            }

            teams = await query.OrderBy(x => x.Kind).ThenBy(x => x.Id).ToListAsync(cancellationToken);
            items.AddRange(teams.Select(x => new MapItem(MapLayer.Teams, x.Id, x.Name, x.OwnerName, x.TownshipId, x.Latitude, x.Longitude,
                $"在队 {x.ActiveMembers} 人，已培训 {x.TrainedMembers} 人")));
        }

        if (layer is null or MapLayer.Sites)
        {
            var query = stockAccess.Visible(db.Sites.AsNoTracking(), StockAccess.Sites);
            if (township is { } t)
            {
                query = query.Where(x => x.TownshipId == t);
            }

            sites = await query.OrderBy(x => x.Kind).ThenBy(x => x.Id).ToListAsync(cancellationToken);
            var ids = sites.Select(s => s.Id).ToList();
            shortBySite = await db.Stock.AsNoTracking().Where(s => ids.Contains(s.SiteId) && s.BelowSinceOn != null)
                .GroupBy(s => s.SiteId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            items.AddRange(sites.Select(x => new MapItem(MapLayer.Sites, x.Id, x.Name, x.OwnerName, x.TownshipId, x.Latitude, x.Longitude,
                shortBySite.GetValueOrDefault(x.Id) is > 0 and var n ? $"{n} 种物资低于最低库存" : "库存不低于最低库存")));
        }

        if (layer is null or MapLayer.Shelters)
        {
            var query = shelterAccess.Visible(db.Shelters.AsNoTracking(), ShelterAccess.Shelters).Where(s => s.Status != ShelterStatus.Closed);
            if (township is { } t)
            {
                query = query.Where(x => x.TownshipId == t);
            }

            shelters = await query.OrderBy(x => x.TownshipId).ThenBy(x => x.Id).ToListAsync(cancellationToken);
            items.AddRange(shelters.Select(x => new MapItem(MapLayer.Shelters, x.Id, x.Name, x.OwnerName, x.TownshipId, x.Latitude, x.Longitude,
                $"{ShelterRegistry.KindName(x.Kind)}，可容纳 {x.Capacity} 人，{ShelterRegistry.StatusName(x.Status)}")));
        }

        var rows = new List<MapRow>();
        var keys = townships.Select(t => (int?)t.Id).Append(null)
            .Concat(items.Select(i => i.TownshipId).Where(id => id is not null && townships.All(t => t.Id != id)).Distinct());
        foreach (var key in keys)
        {
            if (township is { } only && key != only)
            {
                continue;
            }

            var name = key is null ? CountyRowName : all.FirstOrDefault(t => t.Id == key)?.Name ?? "（已撤并乡镇）";
            var rowTeams = teams.Where(t => t.TownshipId == key).ToList();
            var rowSites = sites.Where(s => s.TownshipId == key).ToList();
            var rowShelters = shelters.Where(s => s.TownshipId == key).ToList();
            if (key is null && rowTeams.Count + rowSites.Count + rowShelters.Count == 0)
            {
                continue;
            }

            rows.Add(new MapRow(key, name, rowTeams.Count, rowTeams.Sum(t => t.ActiveMembers), rowTeams.Sum(t => t.TrainedMembers),
                rowSites.Count, rowSites.Sum(s => shortBySite.GetValueOrDefault(s.Id)), rowShelters.Count, rowShelters.Sum(s => s.Capacity)));
        }

        var total = new MapRow(null, "合计", rows.Sum(r => r.Teams), rows.Sum(r => r.ActiveMembers), rows.Sum(r => r.TrainedMembers), rows.Sum(r => r.Sites),
            rows.Sum(r => r.KeySuppliesShort), rows.Sum(r => r.Shelters), rows.Sum(r => r.Capacity));
        return new MapView(rows, total, items, townships);
    }
}
