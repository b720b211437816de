using Autofac;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Settings;
using Emergency.Readiness.Data;
using Emergency.Readiness.Domain;
using Emergency.Readiness.Integration;
using Emergency.Readiness.Jobs;

namespace Emergency.Readiness;

/// <summary>
/// 应急能力达标（六有/三有/十个一）: a read model per township and village fed only by the other modules' integration
/// events (journalled, replayable), plus what townships and villages record here (office, mechanisms, 十个一 documents,
/// village organisation); the county leader's page with scores, trend, the items most often missing and charts.
/// </summary>
public sealed class ReadinessModule : ModuleDefinition
{
    public const string ModuleName = "readiness";

    internal const string SettingsGroup = "应急能力达标";

    /// <summary>乡镇应急管理办公室 staff, lower limit (seed 002 一(二): 2–4 人).</summary>
    internal static readonly IntSetting OfficeStaffMin =
        new("readiness.office-staff-min", "乡镇应急管理办公室人员下限", "Township office staff: minimum", SettingsGroup, 2, 1, 20, "人");

    /// <summary>乡镇应急管理办公室 staff, upper limit.</summary>
    internal static readonly IntSetting OfficeStaffMax =
        new("readiness.office-staff-max", "乡镇应急管理办公室人员上限", "Township office staff: maximum", SettingsGroup, 4, 1, 50, "人");

    /// <summary>队伍: share of a township team's active members trained (a chosen default; the seeds name no figure).</summary>
    internal static readonly IntSetting TrainedSharePercent =
        new("readiness.trained-share-percent", "乡镇队伍受训人员比例下限", "Township team: share trained (minimum)", SettingsGroup, 50, 0, 100, "%");

    /// <summary>培训演练: a township drill within this many months (令第708号 Art 8: government plans every 2 years).</summary>
    internal static readonly IntSetting DrillMonths =
        new("readiness.drill-months", "乡镇演练周期（月）", "Township drill within (months)", SettingsGroup, 24, 1, 60, "个月");

    /// <summary>A village's latest 周值班计划 no older than this many weeks.</summary>
    internal static readonly IntSetting DutyPlanWeeks =
        new("readiness.duty-plan-weeks", "村周值班计划有效期（周）", "Village duty plan current within (weeks)", SettingsGroup, 2, 1, 12, "周");

    internal static readonly IntSetting FileMaxMegabytes =
        new("readiness.file-max-megabytes", "达标材料文件大小上限", "Readiness document size cap", SettingsGroup, 20, 1, 100, "MB");

    public override string Name => ModuleName;

    public override string DisplayName => "应急能力达标";

    public override string DisplayNameEn => "Readiness";

    public override ModuleStore Store { get; } = ModuleStore.For<ReadinessDbContext>();

    public override IEnumerable<NavigationEntry> Navigation => [new("能力达标", "Readiness", "/Index", 15)];

    /// <summary>录入本单位的办公室、机制与十个一材料、村级组织.</summary>
    internal const string Record = "readiness.record";

    /// <summary>批准乡镇应急管理办公室主任变更 (the county bureau).</summary>
    internal const string Approve = "readiness.approve";

    /// <summary>从事件日志重建达标数据.</summary>
    internal const string Rebuild = "readiness.rebuild";

    public override IEnumerable<Permission> Permissions =>
    [
        new(Record, "录入本单位应急管理机构、机制、十个一材料及村级组织", [Post.CountyAdmin, Post.EmergencyBureau, Post.Township, Post.Village]),
        new(Approve, "批准乡镇应急管理办公室主任变更", [Post.CountyAdmin, Post.EmergencyBureau]),
        new(Rebuild, "从事件日志重建达标数据", [Post.CountyAdmin]),
    ];

    public override IEnumerable<SettingDefinition> Settings => [OfficeStaffMin, OfficeStaffMax, TrainedSharePercent, DrillMonths, DutyPlanWeeks, FileMaxMegabytes];

    public override void Register(ContainerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<ReadinessAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Projector>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Scorer>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Journal>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Offices>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Documents>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Board>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<BoardCache>().AsSelf().SingleInstance();
        builder.RegisterType<Todo.ReadinessTodo>().As<BuildingBlocks.Todo.ITodoSource>().InstancePerLifetimeScope();
    }

    public override Task SeedDemoAsync(DemoSeedContext context, CancellationToken cancellationToken) =>
        Demo.ReadinessDemoData.SeedAsync(context, cancellationToken);

    public override void RegisterJobs(JobRegistry jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.PerCounty<SnapshotJob>("snapshot", "30 1 * * *");
    }

    public override void Subscribe(BuildingBlocks.Events.SubscriptionRegistry subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        subscriptions.Add<Teams.Contracts.TeamStrengthChanged, JournalHandler<Teams.Contracts.TeamStrengthChanged>>();
        subscriptions.Add<Teams.Contracts.SupplyBelowMinimum, JournalHandler<Teams.Contracts.SupplyBelowMinimum>>();
        subscriptions.Add<Teams.Contracts.SupplyRestored, JournalHandler<Teams.Contracts.SupplyRestored>>();
        subscriptions.Add<Teams.Contracts.SupplyExpiring, JournalHandler<Teams.Contracts.SupplyExpiring>>();
        subscriptions.Add<Teams.Contracts.DutyPlanFiled, JournalHandler<Teams.Contracts.DutyPlanFiled>>();
        subscriptions.Add<Training.Contracts.CourseCompleted, JournalHandler<Training.Contracts.CourseCompleted>>();
        subscriptions.Add<Training.Contracts.DrillCompleted, JournalHandler<Training.Contracts.DrillCompleted>>();
        subscriptions.Add<Training.Contracts.TrainingShortfall, JournalHandler<Training.Contracts.TrainingShortfall>>();
        subscriptions.Add<Training.Contracts.TrainingDaysDelivered, JournalHandler<Training.Contracts.TrainingDaysDelivered>>();
        subscriptions.Add<Plans.Contracts.PlanIssued, JournalHandler<Plans.Contracts.PlanIssued>>();
        subscriptions.Add<Plans.Contracts.PlanFiled, JournalHandler<Plans.Contracts.PlanFiled>>();
        subscriptions.Add<Plans.Contracts.PlanNeedsRevision, JournalHandler<Plans.Contracts.PlanNeedsRevision>>();
        subscriptions.Add<Plans.Contracts.PlanDrillOverdue, JournalHandler<Plans.Contracts.PlanDrillOverdue>>();
        subscriptions.Add<Plans.Contracts.PlanEvaluationLapsed, JournalHandler<Plans.Contracts.PlanEvaluationLapsed>>();
        subscriptions.Add<Plans.Contracts.PlanEvaluated, JournalHandler<Plans.Contracts.PlanEvaluated>>();
        subscriptions.Add<Teams.Contracts.SupplyPresenceChanged, JournalHandler<Teams.Contracts.SupplyPresenceChanged>>();
        subscriptions.Add<Grid.Contracts.GridMemberAssigned, JournalHandler<Grid.Contracts.GridMemberAssigned>>();
        subscriptions.Add<Grid.Contracts.GridMemberDeactivated, JournalHandler<Grid.Contracts.GridMemberDeactivated>>();
        subscriptions.Add<Grid.Contracts.GridMemberReactivated, JournalHandler<Grid.Contracts.GridMemberReactivated>>();
        subscriptions.Add<Grid.Contracts.HazardReported, JournalHandler<Grid.Contracts.HazardReported>>();
        subscriptions.Add<Grid.Contracts.HazardOverdue, JournalHandler<Grid.Contracts.HazardOverdue>>();
        subscriptions.Add<Grid.Contracts.HazardClosed, JournalHandler<Grid.Contracts.HazardClosed>>();
        subscriptions.Add<Enforcement.Contracts.CaseOpened, JournalHandler<Enforcement.Contracts.CaseOpened>>();
        subscriptions.Add<Enforcement.Contracts.CaseClosed, JournalHandler<Enforcement.Contracts.CaseClosed>>();
        subscriptions.Add<Enforcement.Contracts.CaseClockMissed, JournalHandler<Enforcement.Contracts.CaseClockMissed>>();
        subscriptions.Add<Experts.Contracts.ExpertAdmitted, JournalHandler<Experts.Contracts.ExpertAdmitted>>();
        subscriptions.Add<Experts.Contracts.ExpertExited, JournalHandler<Experts.Contracts.ExpertExited>>();
    }
}
