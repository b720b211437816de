using Emergency.BuildingBlocks.Modules;
using Emergency.Readiness.Data;

namespace Emergency.Readiness.Demo;

/// <summary>
/// Demo records of the demo county: 青山镇's office fully staffed (3) with an approved director and its 基层指挥机制,
/// 石门乡's office with one person only (机构 未达标), 河口村's 领导小组 and 服务站; the other units record nothing
/// (无数据). The module items fill in as the other modules' demo events arrive; the daily snapshot job (run at start)
/// scores every township.
/// </summary>
internal static class ReadinessDemoData
{
    public static async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow().UtcDateTime;
        await using var db = context.OpenStore<ReadinessDbContext>();
        if (context.Townships.FirstOrDefault(t => t.Name == "青山镇") is { } qingshan)
        {
            db.Offices.Add(new TownshipOffice
            {
                TownshipId = qingshan.Id, LeaderInCharge = "李明（副镇长）", FirstResponsible = "韦志刚（镇长）", Facilities = "值班室、应急指挥调度台、卫星电话 1 部",
                CommandLead = "韦志刚", MemberUnits = "派出所、卫生院、供电所、各村（社区）", Director = "黄丽", ApprovedBy = "yjj", ApprovedAtUtc = now, UpdatedBy = "qingshan", UpdatedAtUtc = now,
                Staff = [new() { TownshipId = qingshan.Id, Name = "黄丽", Post = "主任" }, new() { TownshipId = qingshan.Id, Name = "陆强", Post = "专职工作人员" }, new() { TownshipId = qingshan.Id, Name = "蒙芳", Post = "专职工作人员" }],
            });
        }

        if (context.Townships.FirstOrDefault(t => t.Name == "石门乡") is { } shimen)
        {
            db.Offices.Add(new TownshipOffice
            {
                TownshipId = shimen.Id, LeaderInCharge = "覃海（副乡长）", FirstResponsible = "莫建华（乡长）", Director = "", PendingDirector = "罗斌", PendingBy = "shimen", PendingAtUtc = now,
                UpdatedBy = "shimen", UpdatedAtUtc = now, Staff = [new() { TownshipId = shimen.Id, Name = "罗斌", Post = "专职工作人员" }],
            });
        }

        if (context.Villages.FirstOrDefault(v => v.Name == "河口村") is { ParentId: { } parent } hekou)
        {
            db.Villages.Add(new VillageOrg
            {
                VillageId = hekou.Id, TownshipId = parent, GroupLeader = "韦大勇（村支书）", GroupMembers = "村委会成员、网格员、民兵", Station = "河口村应急服务站（村委会一楼）",
                StationFacilities = "应急广播、物资柜、救生衣 20 件", UpdatedBy = "hekou-grid", UpdatedAtUtc = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
