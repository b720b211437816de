using Autofac;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Settings;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Emergency.Training.Jobs;

namespace Emergency.Training;

/// <summary>
/// 培训演练: training sessions the county holds for townships and each township for its villages (seed 004:
/// ≥10 and ≥5 days a year), their sign-in sheets, scores and the printable record (令第2号 Art 31), calendar
/// reminders before each session, and the yearly days owed per unit with a shortfall check.
/// </summary>
public sealed class TrainingModule : ModuleDefinition
{
    public const string ModuleName = "training";

    internal const string SettingsGroup = "培训演练";

    /// <summary>县对乡镇每年培训天数 (seed 004: 不少于10天).</summary>
    internal static readonly IntSetting TownshipDays =
        new("training.township-days", "乡镇（街道）每年培训天数", "Yearly training days per township", SettingsGroup, 10, 0, 100, "天");

    /// <summary>乡镇对村（社区）每年培训天数 (seed 004: 不少于5天).</summary>
    internal static readonly IntSetting VillageDays =
        new("training.village-days", "村（社区）每年培训天数", "Yearly training days per village", SettingsGroup, 5, 0, 100, "天");

    /// <summary>
    /// 培训欠缺检查日 (month-day, "MM-dd", default 11-01). The platform has no date setting kind: a text
    /// setting, read through <see cref="ShortfallCheck.Parse"/>; a value that is not a month-day counts as the default.
    /// </summary>
    internal static readonly TextSetting ShortfallCheckDate =
        new("training.shortfall-check-date", "培训欠缺检查日（月-日，如 11-01）", "Shortfall check date (MM-dd)", SettingsGroup, "11-01", 5);

    internal static readonly IntSetting ReminderLeadDaysFirst =
        new("training.reminder-lead-days-first", "培训第一次提醒提前天数", "First training reminder lead time", SettingsGroup, 7, 0, 90, "天");

    internal static readonly IntSetting ReminderLeadDaysSecond =
        new("training.reminder-lead-days-second", "培训第二次提醒提前天数", "Second training reminder lead time", SettingsGroup, 1, 0, 90, "天");

    /// <summary>演练照片、评估报告文件大小上限.</summary>
    internal static readonly IntSetting PhotoMaxMegabytes =
        new("training.photo-max-megabytes", "演练照片及评估报告文件大小上限", "Drill photo and report file size cap", SettingsGroup, 10, 1, 50, "MB");

    /// <summary>证书到期提前提醒天数.</summary>
    internal static readonly IntSetting CertificateExpiryLeadDays =
        new("training.certificate-expiry-lead-days", "证书到期提前提醒天数", "Certificate expiry notice lead time", SettingsGroup, 30, 1, 365, "天");

    public override string Name => ModuleName;

    public override string DisplayName => "培训演练";

    public override string DisplayNameEn => "Training";

    public override ModuleStore Store { get; } = ModuleStore.For<TrainingDbContext>();

    public override IEnumerable<NavigationEntry> Navigation => [new("培训演练", "Training", "/Index", 40)];

    /// <summary>组织培训: the county (emergency bureau, departments, county admin) for townships, a township for its villages.</summary>
    internal const string Manage = "training.manage";

    public override IEnumerable<Permission> Permissions =>
    [
        new(Manage, "组织培训和演练（安排、点名、记录、结束、取消、调整）", [Post.CountyAdmin, Post.EmergencyBureau, Post.Department, Post.Township]),
    ];

    public override IEnumerable<SettingDefinition> Settings =>
        [TownshipDays, VillageDays, ShortfallCheckDate, ReminderLeadDaysFirst, ReminderLeadDaysSecond, PhotoMaxMegabytes, CertificateExpiryLeadDays];

    public override void Register(ContainerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<TrainingAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Sessions>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Drills>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Certificates>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<TrainingNotices>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<DaysOwed>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<KnownPeopleBook>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<KnownPlansBook>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<FeedStamps>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Checklist>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<FeedLinks>().AsSelf().SingleInstance();
        builder.RegisterType<Todo.TrainingTodo>().As<BuildingBlocks.Todo.ITodoSource>().InstancePerLifetimeScope();
    }

    public override Task SeedDemoAsync(DemoSeedContext context, CancellationToken cancellationToken) =>
        Demo.TrainingDemoData.SeedAsync(context, cancellationToken);

    public override void Subscribe(BuildingBlocks.Events.SubscriptionRegistry subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        subscriptions.Add<Teams.Contracts.TeamMemberJoined, Integration.TeamMemberJoinedHandler>();
        subscriptions.Add<Teams.Contracts.TeamMemberLeft, Integration.TeamMemberLeftHandler>();
        subscriptions.Add<Teams.Contracts.TeamMemberUpdated, Integration.TeamMemberUpdatedHandler>();
        subscriptions.Add<Plans.Contracts.PlanIssued, Integration.PlanIssuedHandler>();
        subscriptions.Add<Plans.Contracts.PlanFiled, Integration.PlanFiledHandler>();
        subscriptions.Add<Grid.Contracts.GridMemberAssigned, Integration.GridMemberAssignedHandler>();
        subscriptions.Add<Grid.Contracts.GridMemberDeactivated, Integration.GridMemberDeactivatedHandler>();
        subscriptions.Add<Grid.Contracts.GridMemberReactivated, Integration.GridMemberReactivatedHandler>();
    }

    public override void RegisterJobs(JobRegistry jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.PerCounty<ReminderJob>("reminders", "*/15 * * * *");
        jobs.PerCounty<ShortfallJob>("shortfall-check", "0 9 * * *");
        jobs.PerCounty<CertificateExpiryJob>("certificate-expiry", "30 8 * * *");
    }
}
