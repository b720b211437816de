using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Demo;

/// <summary>
/// The demo county's 避难场所 and the coordinates of its teams and sites, so the 一张图 shows markers: five shelters
/// (one under repair, one without coordinates so 未标注坐标 lists it), and locations for most demo teams and sites
/// (the volunteer team has none).
/// </summary>
internal static class ShelterDemoData
{
    private static readonly (string Name, double Latitude, double Longitude)[] Places =
    [
        ("青山镇应急救援队", 23.1021, 109.6032),
        ("河口村应急救援分队", 23.0876, 109.6215),
        ("青山县消防救援大队应急救援专业队", 23.1305, 109.5801),
        ("青山水泥有限公司专职救援队", 23.1180, 109.6420),
        ("青山县应急物资储备库", 23.1252, 109.5712),
        ("青山镇应急物资储备点", 23.1018, 109.6040),
        ("河口村应急物资微型仓", 23.0880, 109.6209),
    ];

    public static async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var db = context.OpenStore<TeamsDbContext>();
        if (await db.Shelters.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = context.Clock.GetUtcNow().UtcDateTime;
        foreach (var team in await db.Teams.Where(t => t.Latitude == null).ToListAsync(cancellationToken))
        {
            if (Places.FirstOrDefault(p => p.Name == team.Name) is { Name: not null } place)
            {
                (team.Latitude, team.Longitude) = (place.Latitude, place.Longitude);
            }
        }

        foreach (var site in await db.Sites.Where(s => s.Latitude == null).ToListAsync(cancellationToken))
        {
            if (Places.FirstOrDefault(p => p.Name == site.Name) is { Name: not null } place)
            {
                (site.Latitude, site.Longitude) = (place.Latitude, place.Longitude);
            }
        }

        const ShelterFacilities basic = ShelterFacilities.Water | ShelterFacilities.Power | ShelterFacilities.Toilets;
        db.Shelters.AddRange(
            Shelter(context.Township("城关街道"), "城关人民公园应急避难场所", "城关街道人民路 1 号", ShelterKind.Outdoor, 5000, 42000,
                basic | ShelterFacilities.Medical | ShelterFacilities.Broadcast | ShelterFacilities.Supplies, "梁世平", "13907712001", 23.1346, 109.5905, ShelterStatus.Available, now),
            Shelter(context.Township("青山镇"), "青山镇中心小学操场避难点", "青山镇学府路 8 号", ShelterKind.Outdoor, 1500, 9000,
                basic | ShelterFacilities.Broadcast, "韦建华", "13907710101", 23.1035, 109.6011, ShelterStatus.Available, now),
            Shelter(context.Township("青山镇"), "青山镇文体中心", "青山镇人民政府东侧", ShelterKind.Indoor, 600, 2400,
                basic | ShelterFacilities.Kitchen | ShelterFacilities.Supplies, "莫文斌", "13907710606", 23.1012, 109.6055, ShelterStatus.UnderRepair, now),
            Shelter(context.Village("河口村"), "河口村村委会避难点", "河口村村委会", ShelterKind.Indoor, 200, 500,
                basic | ShelterFacilities.Broadcast, "覃德明", "13907710202", 23.0871, 109.6220, ShelterStatus.Available, now),
            Shelter(context.Township("石门乡"), "石门乡中学避难点", "石门乡中学", ShelterKind.Outdoor, 800, 6000,
                basic, "蓝立新", "13907713003", null, null, ShelterStatus.Available, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Shelter Shelter(UnitInfo owner, string name, string address, ShelterKind kind, int capacity, double area, ShelterFacilities facilities,
        string manager, string mobile, double? latitude, double? longitude, ShelterStatus status, DateTime now) => new()
    {
        Name = name,
        TownshipId = owner.Kind == UnitKind.Township ? owner.Id : owner.ParentId,
        VillageId = owner.Kind == UnitKind.Village ? owner.Id : null,
        OwnerName = owner.Name,
        Address = address,
        Kind = kind,
        Capacity = capacity,
        Area = area,
        Facilities = facilities,
        ManagerName = manager,
        ManagerMobile = mobile,
        Latitude = latitude,
        Longitude = longitude,
        Status = status,
        CreatedAtUtc = now,
        CreatedBy = "demo",
        UpdatedAtUtc = now,
    };
}
