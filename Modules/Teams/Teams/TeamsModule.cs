using Autofac;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Settings;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;

namespace Emergency.Teams;

/// <summary>
/// 救援队伍: the county's rescue teams, supplies, shelters, cross-township support (一张网), 镇企联动协议 and 应急值守 (duty rosters, swaps, the duty log, villages' weekly plans) (township and park comprehensive teams, village teams, the departments'
/// professional teams, enterprise and volunteer teams) and their members, with the minimum sizes the county
/// sets, the two-team warning, member import and the printable 花名册.
/// </summary>
public sealed class TeamsModule : ModuleDefinition
{
    public const string ModuleName = "teams";

    internal const string SettingsGroup = "救援队伍";

    /// <summary>Seed 002: a township (and park) team of at least 30; seed 004: 20–30. The county chooses.</summary>
    internal static readonly IntSetting TownshipMinimum =
        new("teams.township-minimum", "乡镇（园区）救援队伍最少人数", "Township (park) team minimum members", SettingsGroup, 30, 1, 500, "人");

    /// <summary>Seed 002: a village team of at least 10; seed 004: 10–20.</summary>
    internal static readonly IntSetting VillageMinimum =
        new("teams.village-minimum", "村（社区）救援队伍最少人数", "Village team minimum members", SettingsGroup, 10, 1, 200, "人");

    /// <summary>装备物资: stock expiring (or due for maintenance) within this many days is noticed to its keeper and owner.</summary>
    internal static readonly IntSetting SupplyExpiryLeadDays =
        new("teams.supply-expiry-lead-days", "应急物资到期提醒提前天数", "Supply expiry reminder lead (days)", SettingsGroup, 30, 1, 365, "天");

    /// <summary>
    /// 一张图: an intranet tile service for the resource map's background (e.g. a 天地图 mirror), as a URL template with
    /// {z}, {x} and {y}. Empty (the default): markers are drawn on a blank background and no outside address is used.
    /// </summary>
    internal static readonly TextSetting MapTileUrl =
        new("teams.map-tile-url", "一张图底图瓦片地址（内网，含 {z}/{x}/{y}，留空则不加载底图）", "Resource map tile URL (intranet, with {z}/{x}/{y}; empty: no tiles)", SettingsGroup, "", 500);

    /// <summary>镇企联动协议: an active agreement ending within this many days is noticed to its township once and is on its 我的待办.</summary>
    internal static readonly IntSetting AgreementExpiryLeadDays =
        new("teams.agreement-expiry-lead-days", "镇企联动协议到期提醒提前天数", "Township–enterprise agreement expiry reminder lead (days)", SettingsGroup, 30, 1, 365, "天");

    /// <summary>
    /// 周值班计划: each village files next week's duty plan with its township by this weekday (1 = Monday … 6 = Saturday);
    /// from that day the missing ones are on the township's 我的待办, and the day after it the township is told once.
    /// </summary>
    internal static readonly IntSetting DutyPlanDueWeekday =
        new("teams.duty-plan-due-weekday", "村（社区）报送下周值班计划的截止日（星期几，1=周一…6=周六）", "Village weekly duty plan due weekday for next week (1 = Monday … 6 = Saturday)", SettingsGroup, 5, 1, 6, "");

    /// <summary>管理救援队伍和队员: each unit its own teams, the county manager all.</summary>
    internal const string Manage = "teams.manage";

    public override string Name => ModuleName;

    public override string DisplayName => "救援队伍";

    public override string DisplayNameEn => "Rescue teams";

    public override ModuleStore Store { get; } = ModuleStore.For<TeamsDbContext>();

    /// <summary>Most departments own a professional team (消防, 卫健, 林业, 住建, 交通 …), so most departments use the module.</summary>
    public override bool UsedByMostDepartments => true;

    public override IEnumerable<NavigationEntry> Navigation => [new("救援队伍", "Rescue teams", "/Index", 40)];

    public override IEnumerable<Permission> Permissions =>
    [
        new(Manage, "管理本单位的救援队伍和队员", [Post.CountyAdmin, Post.EmergencyBureau, Post.Department, Post.Township, Post.Village]),
    ];

    public override IEnumerable<SettingDefinition> Settings => [TownshipMinimum, VillageMinimum, SupplyExpiryLeadDays, AgreementExpiryLeadDays, DutyPlanDueWeekday, MapTileUrl];

    public override void Register(ContainerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<TeamsAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<TeamMinimums>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<TeamRoster>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<MemberImport>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Todo.TeamsTodo>().As<BuildingBlocks.Todo.ITodoSource>().InstancePerLifetimeScope();
        builder.RegisterType<StockAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<StockLedger>().AsSelf().InstancePerLifetimeScope();
        // The stock ledger's counts: counting a county's 200,000 stock rows three times would be most of the page's cost.
        CountyStoreCache.Register<(string Scope, string Filter, DateOnly Horizon), LedgerCounts>(builder, ModuleName);
        builder.RegisterType<StockNotices>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Todo.StockTodo>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<StockImport>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<ShelterAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<ShelterRegistry>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<ResourceMap>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<MapTiles>().AsSelf().SingleInstance();
        builder.RegisterType<SupportAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<SupportDesk>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<SupportNotices>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<AgreementRegistry>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Todo.SupportTodo>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<DutyAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<DutyRoster>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<DutyPlans>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<DutyNotices>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Todo.DutyTodo>().AsSelf().InstancePerLifetimeScope();
    }

    public override async Task SeedDemoAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        await Demo.TeamsDemoData.SeedAsync(context, cancellationToken);
        await Demo.StockDemoData.SeedAsync(context, cancellationToken);
        await Demo.ShelterDemoData.SeedAsync(context, cancellationToken);
        await Demo.SupportDemoData.SeedAsync(context, cancellationToken);
    }

    public override void Subscribe(BuildingBlocks.Events.SubscriptionRegistry subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        subscriptions.Add<Training.Contracts.CourseCompleted, Integration.CourseCompletedHandler>();
    }

    public override void RegisterJobs(BuildingBlocks.Jobs.JobRegistry jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.PerCounty<Jobs.StockCheckJob>("stock-check", "0 8 * * *");
        jobs.PerCounty<Jobs.AgreementExpiryJob>("agreement-expiry", "10 8 * * *");
        jobs.PerCounty<Jobs.DutyJob>("duty", "0 9 * * *");
    }
}
