using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Contracts;
using Emergency.Grid.Data;

namespace Emergency.Grid.Demo;

/// <summary>
/// The demo county's grid work: every village gets its grids (明白卡 filled in), a grid member and a
/// service station; the member of 河口村 signs in as the village's demo account. 青山镇 has hazards in
/// every state (one overdue and whistled, one 重大隐患 with its 治理方案 under 县级挂牌督办), each with
/// its history, assigned to the emergency bureau or another department.
/// </summary>
internal static class GridDemoData
{
    private const string Township = "青山镇";
    private const string Village = "河口村";
    private const string TownshipAccount = "qingshan";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "覃", "韦"];
    private static readonly string[] GivenNames = ["建国", "秀英", "志强", "桂兰", "海军", "春燕", "德明", "玉梅", "国华", "丽萍", "永福", "红霞"];

    public static async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow().UtcDateTime;
        await using var db = context.OpenStore<GridDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var gridsOf = new Dictionary<int, List<GridArea>>();
        var membersOf = new Dictionary<int, GridMember>();
        var index = 0;
        foreach (var village in context.Villages)
        {
            var township = village.ParentId ?? 0;
            var community = village.Name.EndsWith("社区", StringComparison.Ordinal);
            var count = village.Name == Village || community ? 2 : 1;
            var grids = Enumerable.Range(1, count).Select(n => Grid(village, township, community, n, now)).ToList();
            db.Grids.AddRange(grids);
            gridsOf[village.Id] = grids;

            var member = new GridMember
            {
                TownshipId = township,
                VillageId = village.Id,
                Name = Surnames[index % Surnames.Length] + GivenNames[(index * 5 + 3) % GivenNames.Length],
                Mobile = $"1387710{index + 1:D4}",
                Duties = GridDuties.Fire | GridDuties.EarthquakeGeology | GridDuties.FloodDrought | GridDuties.DisasterReduction | GridDuties.WorkSafety,
                Roles = community ? GridRoles.DisasterInformant | GridRoles.WorkSafetyManager : GridRoles.GeoMonitor | GridRoles.ForestRanger | GridRoles.DisasterInformant | GridRoles.WeatherInformant,
                UserName = context.UserNamesOf(village).FirstOrDefault(),
                Grids = grids.Select(g => new GridMemberGrid { Grid = g }).ToList(),
            };
            db.Members.Add(member);
            Domain.MemberSteps.Assigned(db, member, string.Join("、", grids.Select(g => g.Name)));
            membersOf[village.Id] = member;

            db.Stations.Add(new ServiceStation
            {
                TownshipId = township,
                VillageId = village.Id,
                Name = $"{village.Name}应急服务站",
                Address = $"{village.Name}{(community ? "居委会" : "村委会")}一楼",
                Phone = $"0771-56{index + 1:D2}110",
                Staff =
                [
                    new StationStaff { Name = Surnames[(index + 4) % Surnames.Length] + GivenNames[(index + 7) % GivenNames.Length], Mobile = $"1397710{index + 1:D4}", Post = "站长" },
                    new StationStaff { Name = member.Name, Mobile = member.Mobile, Post = "网格员" },
                ],
            });
            index++;
        }

        await db.SaveChangesAsync(cancellationToken);

        if (context.Townships.FirstOrDefault(t => t.Name == Township) is { } qingshan &&
            context.Villages.FirstOrDefault(v => v.Name == Village && v.ParentId == qingshan.Id) is { } hekou)
        {
            await SeedHazardsAsync(db, context, qingshan, hekou, gridsOf, membersOf, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static GridArea Grid(UnitInfo village, int township, bool community, int number, DateTime now) => new()
    {
        TownshipId = township,
        VillageId = village.Id,
        Code = $"WG{village.Id:D4}{number:D2}",
        Name = community ? $"{village.Name}第{number}网格" : $"{village.Name}第{number}村民小组",
        Kind = community ? GridKind.CommunityBlock : GridKind.VillagersGroup,
        Households = community ? 360 + number * 40 : 80 + number * 15,
        Population = community ? 1100 + number * 120 : 290 + number * 45,
        KeyRisks = community ? "老旧小区电动车充电火灾、燃气泄漏、高层建筑消防通道堵塞" : "汛期山洪、后山滑坡隐患点、农房用火用电、森林防火",
        EvacuationRoute = community ? "沿主街向东撤离至社区文体广场" : "沿村道向北撤离至村委会，避开河道和后山坡脚",
        Shelter = community ? "社区文体广场（可容纳 800 人）" : $"{village.Name}小学操场（可容纳 300 人）",
        EmergencyNumbers = "乡镇应急办 0771-5612110\n火警 119\n急救 120",
        CreatedAtUtc = now.AddDays(-90),
    };

    private static async Task SeedHazardsAsync(
        GridDbContext db, DemoSeedContext context, UnitInfo township, UnitInfo village,
        Dictionary<int, List<GridArea>> gridsOf, Dictionary<int, GridMember> membersOf, DateTime now, CancellationToken cancellationToken)
    {
        var bureau = context.EmergencyBureau;
        var others = context.Departments.Where(d => !d.IsEmergencyBureau).ToList();
        UnitInfo Department(string name) => others.FirstOrDefault(d => d.Name == name) ?? bureau;
        var neighbour = context.Villages.FirstOrDefault(v => v.ParentId == township.Id && v.Id != village.Id) ?? village;
        var grid = gridsOf[village.Id][0];
        var second = gridsOf[village.Id].Count > 1 ? gridsOf[village.Id][1] : grid;
        var reporter = membersOf[village.Id];

        var plans = new List<DemoHazard>
        {
            new(grid, HazardCategory.Geological, HazardLevel.General, "河口村后山坡脚出现 3 米长裂缝，雨后有碎石滚落，坡下两户农房", "河口村三组后山坡脚", HazardState.Reported, null, 1, null),
            new(second, HazardCategory.Fire, HazardLevel.General, "村民在楼道内给电动车充电，飞线私拉，楼道堆放柴草", "河口村五组集中安置点 2 栋楼道", HazardState.Assigned, bureau, 4, 10),
            new(grid, HazardCategory.FloodDrought, HazardLevel.General, "河口桥下游约 200 米河堤护坡冲刷塌陷，长约 15 米", "河口桥下游左岸河堤", HazardState.Rectifying, Department("自然资源局"), 12, 6),
            new(grid, HazardCategory.WorkSafety, HazardLevel.General, "村砖厂窑顶护栏缺失，作业人员未系安全带", "河口村砖厂", HazardState.AwaitingReinspection, bureau, 20, 3),
            new(second, HazardCategory.ForestFire, HazardLevel.General, "林区边缘农户烧田埂杂草，未设隔离带", "河口村松树坳林缘", HazardState.Closed, Department("林业局"), 30, -20),
            new(grid, HazardCategory.Other, HazardLevel.General, "反映村口路灯不亮，经核实属市政照明问题，非安全隐患", "河口村村口", HazardState.Rejected, null, 8, null),
            new(gridsOf[neighbour.Id][0], HazardCategory.FlashFlood, HazardLevel.General, "山洪沟口预警广播损坏，汛期无法发出预警", $"{neighbour.Name}山洪沟口", HazardState.Rectifying, bureau, 25, -3),
            new(gridsOf[neighbour.Id][0], HazardCategory.Geological, HazardLevel.Major, "乡道边坡出现大范围变形，坡体后缘拉裂缝宽约 20 厘米，威胁乡道通行和坡下 12 户群众", $"{neighbour.Name}乡道 K3+200 处边坡", HazardState.Rectifying, Department("交通运输局"), 18, 40),
        };

        var hazards = plans.Select(p => Hazard(p, township, p.Grid == grid || p.Grid == second ? reporter : membersOf[p.Grid.VillageId], now)).ToList();
        db.Hazards.AddRange(hazards);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (plan, hazard) in plans.Zip(hazards))
        {
            var department = plan.Department is { } unit ? context.UserNamesOf(unit).FirstOrDefault() ?? unit.Name : "";
            History(db, plan, hazard, department);

            // Other modules (Readiness's 隐患台账) learn of the demo hazards as of any reported, overdue or closed one.
            db.Publish(Domain.HazardEvents.Reported(hazard, plan.Grid.Code));
            if (hazard.Overdue && hazard.DepartmentId is { } overdueAt)
            {
                // Marked overdue already, so the overnight sweep (which takes only hazards not yet overdue) never publishes it again.
                db.Publish(Domain.HazardEvents.Overdue(hazard, overdueAt, hazard.DeadlineUtc!.Value));
            }

            if (hazard.State == HazardState.Closed)
            {
                db.Publish(Domain.HazardEvents.Closed(hazard, TownshipAccount));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record DemoHazard(
        GridArea Grid, HazardCategory Category, HazardLevel Level, string Description, string Place, HazardState State,
        UnitInfo? Department, int ReportedDaysAgo, int? DeadlineInDays);

    private static Hazard Hazard(DemoHazard plan, UnitInfo township, GridMember reporter, DateTime now)
    {
        var reported = now.AddDays(-plan.ReportedDaysAgo).AddHours(-3);
        var hazard = new Hazard
        {
            TownshipId = township.Id,
            VillageId = plan.Grid.VillageId,
            GridId = plan.Grid.Id,
            GridName = plan.Grid.Name,
            Category = plan.Category,
            Level = plan.Level,
            ReportedLevel = plan.Level,
            // Assigned ones had their level confirmed by the township as they were assigned.
            LevelConfirmedBy = plan.Department is null ? null : TownshipAccount,
            LevelConfirmedAtUtc = plan.Department is null ? null : reported.AddDays(1),
            Description = plan.Description,
            Place = plan.Place,
            State = plan.State,
            DepartmentId = plan.Department?.Id,
            DepartmentName = plan.Department?.Name,
            DeadlineUtc = plan.DeadlineInDays is { } days ? now.Date.AddDays(days).AddHours(10) : null,
            ReportedBy = reporter.UserName ?? TownshipAccount,
            ReporterName = reporter.Name,
            ReportedAtUtc = reported,
        };
        switch (plan.State)
        {
            case HazardState.Closed:
                hazard.ClosedAtUtc = reported.AddDays(8);
                hazard.RectificationNote = "已劝导农户停止野外用火，开设 5 米防火隔离带";
                break;
            case HazardState.Rejected:
                hazard.RejectReason = "经现场核实，不属于安全隐患，已转村委会协调市政维修";
                break;
            case HazardState.AwaitingReinspection:
                hazard.RectificationNote = "已安装窑顶防护栏，配发安全带并组织作业人员培训";
                break;
        }

        if (plan.DeadlineInDays < 0 && plan.State is HazardState.Rectifying)
        {
            // Past its deadline and whistled by the overnight sweep (乡镇吹哨), the department not yet reported in.
            hazard.Overdue = true;
            hazard.AwaitingReportIn = true;
            hazard.WhistledAtUtc = hazard.DeadlineUtc!.Value.AddHours(7.25);
        }

        if (plan.Level == HazardLevel.Major)
        {
            hazard.Supervision = SupervisionLevel.County;
            hazard.Plan = new HazardPlan
            {
                Targets = "消除边坡失稳威胁，保障乡道通行和坡下群众安全",
                Measures = "坡脚设置抗滑桩，坡面削坡减载并挂网喷护，完善截排水沟；施工期间设置监测点每日巡查",
                Funds = 86.5m,
                ResponsiblePerson = "交通运输局 覃志刚",
                DeadlineUtc = hazard.DeadlineUtc!.Value,
                SafetyMeasures = "受威胁 12 户群众临时搬迁至村小学；乡道半幅封闭，设置警示标志和专人值守",
                CreatedBy = TownshipAccount,
                CreatedAtUtc = reported.AddDays(1),
            };
        }

        return hazard;
    }

    private static void History(GridDbContext db, DemoHazard plan, Hazard hazard, string department)
    {
        var reporter = hazard.ReportedBy;
        var at = hazard.ReportedAtUtc;
        void Add(string by, string action, HazardState? from, HazardState? to, string? note, double days) =>
            db.HazardHistory.Add(new HazardHistory { HazardId = hazard.Id, AtUtc = at.AddDays(days), By = by, Action = action, FromState = from, ToState = to, Note = note });

        Add(reporter, "上报", null, HazardState.Reported, $"{(hazard.Level == HazardLevel.Major ? "重大隐患" : "一般隐患")}，0 张照片", 0);
        if (plan.State == HazardState.Rejected)
        {
            Add(TownshipAccount, "不予认定", HazardState.Reported, HazardState.Rejected, hazard.RejectReason, 1);
            return;
        }

        if (plan.State == HazardState.Reported)
        {
            return;
        }

        if (hazard.Plan is { } major)
        {
            Add(TownshipAccount, "治理方案", HazardState.Reported, HazardState.Reported, $"负责人 {major.ResponsiblePerson}，经费 86.5 万元", 1);
            Add(TownshipAccount, "挂牌督办", HazardState.Reported, HazardState.Reported, "县级挂牌督办", 1);
        }

        Add(TownshipAccount, "交办", HazardState.Reported, HazardState.Assigned, $"交办{hazard.DepartmentName}，整改期限 {ChinaTime.Format(hazard.DeadlineUtc!.Value)}", 1);
        if (plan.State == HazardState.Assigned)
        {
            return;
        }

        Add(department, "开始整改", HazardState.Assigned, HazardState.Rectifying, null, 2);
        if (hazard.Overdue)
        {
            db.HazardHistory.Add(new HazardHistory
            {
                HazardId = hazard.Id, AtUtc = hazard.WhistledAtUtc!.Value, By = "系统", Action = "逾期吹哨",
                FromState = HazardState.Rectifying, ToState = HazardState.Rectifying, Note = $"整改期限 {ChinaTime.Format(hazard.DeadlineUtc!.Value)} 已过，通知{hazard.DepartmentName}报到",
            });
        }

        if (plan.State == HazardState.Rectifying)
        {
            return;
        }

        Add(department, "申请复查", HazardState.Rectifying, HazardState.AwaitingReinspection, hazard.RectificationNote, 5);
        if (plan.State == HazardState.Closed)
        {
            Add(TownshipAccount, "复查销号", HazardState.AwaitingReinspection, HazardState.Closed, "现场复查合格", 8);
        }
    }
}
