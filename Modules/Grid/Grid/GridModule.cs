using Autofac;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Settings;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Emergency.Grid.Ledger;
using Emergency.Grid.Jobs;

namespace Emergency.Grid;

/// <summary>
/// 应急管理网格: grids of every village and community, grid members (一岗五责) and service stations,
/// the 明白卡 of each grid, hazards reported from a phone and followed to their closing (隐患台账),
/// the overdue whistle (乡镇吹哨、部门报到) and disaster reports (灾情报送).
/// </summary>
public sealed class GridModule : ModuleDefinition
{
    public const string ModuleName = "grid";

    internal const string SettingsGroup = "应急管理网格";

    internal static readonly IntSetting CommunityHouseholdsMin =
        new("grid.community-households-min", "社区网格最少户数", "Community grid minimum households", SettingsGroup, 300, 1, 5000, "户");

    internal static readonly IntSetting CommunityHouseholdsMax =
        new("grid.community-households-max", "社区网格最多户数", "Community grid maximum households", SettingsGroup, 500, 1, 5000, "户");

    internal static readonly IntSetting DeadlineReminderDays =
        new("grid.deadline-reminder-days", "整改期限提前提醒天数", "Rectification deadline reminder lead time", SettingsGroup, 2, 0, 30, "天");

    internal static readonly IntSetting PhotoMaxMegabytes =
        new("grid.photo-max-mb", "隐患照片大小上限", "Hazard photo size limit", SettingsGroup, 5, 1, 20, "MB");

    internal static readonly IntSetting ReportInWorkingDays =
        new("grid.report-in-working-days", "吹哨后部门报到时限", "Working days for a department to report in after a whistle", SettingsGroup, 2, 1, 30, "个工作日");

    public override string Name => ModuleName;

    public override string DisplayName => "网格";

    public override string DisplayNameEn => "Grid";

    public override ModuleStore Store { get; } = ModuleStore.For<GridDbContext>();

    /// <summary>Hazards are assigned to any department, so most departments use the module (报到).</summary>
    public override bool UsedByMostDepartments => true;

    public override IEnumerable<NavigationEntry> Navigation => [new("网格", "Grid", "/Index", 30)];

    /// <summary>管理网格、网格员、服务站: the township, and the county for every township.</summary>
    internal const string Manage = "grid.manage";

    /// <summary>上报隐患和灾情: grid members and the township.</summary>
    internal const string Report = "grid.report";

    /// <summary>整改交办的隐患并报到: departments.</summary>
    internal const string Rectify = "grid.rectify";

    public override IEnumerable<Permission> Permissions =>
    [
        new(Manage, "管理网格、网格员、服务站（乡镇）", [Post.CountyAdmin, Post.EmergencyBureau, Post.Township]),
        new(Report, "上报隐患和灾情（网格员）", [Post.Township, Post.Village]),
        new(Rectify, "整改交办的隐患并报到（部门）", [Post.EmergencyBureau, Post.Department]),
    ];

    public override IEnumerable<SettingDefinition> Settings => [CommunityHouseholdsMin, CommunityHouseholdsMax, DeadlineReminderDays, PhotoMaxMegabytes, ReportInWorkingDays];

    public override void Register(ContainerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<GridAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<HazardSteps>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<LedgerQuery>().AsSelf().InstancePerLifetimeScope();
        CountyStoreCache.Register<LedgerFilter, IReadOnlyDictionary<HazardState, int>>(builder, ModuleName);
        builder.RegisterType<GridNotices>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Todo.GridTodo>().As<BuildingBlocks.Todo.ITodoSource>().InstancePerLifetimeScope();
        builder.RegisterType<DisasterSeries>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<GridTableQuery>().AsSelf().InstancePerLifetimeScope();
    }

    public override Task SeedDemoAsync(DemoSeedContext context, CancellationToken cancellationToken) =>
        Demo.GridDemoData.SeedAsync(context, cancellationToken);

    public override void RegisterJobs(JobRegistry jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.PerCounty<OverdueSweepJob>("overdue-sweep", "15 1 * * *");
        jobs.PerCounty<DeadlineReminderJob>("deadline-reminders", "0 8 * * *");
        jobs.PerCounty<ReportInEscalationJob>("report-in-escalation", "30 1 * * *");
    }
}
