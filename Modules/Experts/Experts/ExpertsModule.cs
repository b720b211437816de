using Autofac;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Settings;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Emergency.Experts.Jobs;

namespace Emergency.Experts;

/// <summary>
/// 应急管理专家库: fields and categories, recommendation rounds, selection and approval, the expert
/// archive, availability and dispatch, consultation meetings, incentives, exit and term expiry.
/// The module every other one follows: its store, pages (area "experts"), events, jobs and settings
/// are declared here and nowhere else.
/// </summary>
public sealed class ExpertsModule : ModuleDefinition
{
    public const string ModuleName = "experts";

    internal const string SettingsGroup = "专家库";

    /// <summary>每个单位推荐专家上限 (seed 000: at most 3).</summary>
    internal static readonly IntSetting RecommendationsPerUnit =
        new("experts.recommendations-per-unit", "每个单位推荐专家上限", "Expert recommendations per unit", SettingsGroup, 3, 1, 50, "名");

    /// <summary>连续无故缺席提请取消资格研判的次数 (seed 000: 2).</summary>
    internal static readonly IntSetting AbsencesBeforeDisqualification =
        new("experts.absences-before-disqualification", "连续无故缺席提请取消资格研判次数", "Consecutive unexcused absences before a disqualification review", SettingsGroup, 2, 1, 10, "次");

    /// <summary>专家聘期 (seed 000: 3 years).</summary>
    internal static readonly IntSetting TermYears =
        new("experts.term-years", "专家聘期", "Expert term", SettingsGroup, 3, 1, 10, "年");

    /// <summary>专家聘期届满提醒提前天数 (issue #4: 60 days).</summary>
    internal static readonly IntSetting TermExpiryLeadDays =
        new("experts.term-expiry-lead-days", "聘期届满提前提醒天数", "Term expiry reminder lead time", SettingsGroup, 60, 1, 365, "天");

    /// <summary>会商和推荐截止的第一次提醒 (the key kept from when the platform held it).</summary>
    internal static readonly IntSetting ReminderLeadDaysFirst =
        new("reminders.lead-days-first", "第一次提醒提前天数（会商、推荐截止）", "First reminder lead time (meetings, recommendation deadline)", SettingsGroup, 7, 0, 90, "天");

    /// <summary>会商和推荐截止的第二次提醒.</summary>
    internal static readonly IntSetting ReminderLeadDaysSecond =
        new("reminders.lead-days-second", "第二次提醒提前天数（会商、推荐截止）", "Second reminder lead time (meetings, recommendation deadline)", SettingsGroup, 1, 0, 90, "天");

    /// <summary>部门专家队伍备案截止 (seed 000: 1月20日), the month and day each year.</summary>
    internal static readonly ChoiceSetting FilingDeadline =
        new("experts.filing-deadline", "部门专家队伍备案截止日期（每年，月-日）", "Department team filing deadline (each year, month-day)", SettingsGroup, "01-20", Domain.TeamFilings.MonthDays);

    /// <summary>备案截止前提醒提前天数.</summary>
    internal static readonly IntSetting FilingReminderLeadDays =
        new("experts.filing-reminder-lead-days", "备案截止提前提醒天数", "Filing deadline reminder lead time", SettingsGroup, 10, 1, 60, "天");

    public override string Name => ModuleName;

    public override string DisplayName => "专家库";

    public override string DisplayNameEn => "Experts";

    public override ModuleStore Store { get; } = ModuleStore.For<ExpertsDbContext>();

    public override bool UsedByMostDepartments => true;

    public override IEnumerable<NavigationEntry> Navigation => [new("专家库", "Experts", "/Index", 20)];

    /// <summary>管理县政府专家队伍: fields, rounds, import, approval, exits of the county team.</summary>
    internal const string Manage = "experts.manage";

    /// <summary>推荐专家: a unit fills its 推荐表 and manages its department team.</summary>
    internal const string Recommend = "experts.recommend";

    /// <summary>调用专家、组织会商.</summary>
    internal const string Dispatch = "experts.dispatch";

    public override IEnumerable<Permission> Permissions =>
    [
        new(Manage, "管理县政府专家队伍（推荐轮次、遴选、批准、退出）", [Post.CountyAdmin, Post.EmergencyBureau]),
        new(Recommend, "推荐专家、管理本部门专家队伍", [Post.EmergencyBureau, Post.Department, Post.Township]),
        new(Dispatch, "调用专家、组织会商", [Post.CountyAdmin, Post.EmergencyBureau, Post.Department]),
    ];

    public override IEnumerable<SettingDefinition> Settings =>
        [RecommendationsPerUnit, AbsencesBeforeDisqualification, TermYears, TermExpiryLeadDays, ReminderLeadDaysFirst, ReminderLeadDaysSecond, FilingDeadline, FilingReminderLeadDays];

    public override Task SeedDemoAsync(DemoSeedContext context, CancellationToken cancellationToken) =>
        Demo.ExpertsDemoData.SeedAsync(context, cancellationToken);

    public override void Subscribe(BuildingBlocks.Events.SubscriptionRegistry subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        subscriptions.Add<Enforcement.Contracts.ExpertAssistanceRequested, Integration.ExpertAssistanceRequestedHandler>();
        subscriptions.Add<Enforcement.Contracts.ExpertParticipationRecorded, Integration.ExpertParticipationRecordedHandler>();
    }

    public override void RegisterJobs(JobRegistry jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.PerCounty<DispatchAnswerReminderJob>("dispatch-answer-reminders", "*/30 * * * *");
        jobs.PerCounty<MeetingReminderJob>("meeting-reminders", "0 * * * *");
        jobs.PerCounty<TermExpiryReminderJob>("term-expiry", "0 9 * * *");
        jobs.PerCounty<RecommendationDeadlineJob>("recommendation-deadline", "0 8 * * *");
        jobs.PerCounty<FilingDeadlineJob>("filing-deadline", "0 8 * * *");
    }

    public override void Register(ContainerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<ExpertsAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<RecommendationRules>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<ExpertAdmission>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<RecommendationImport>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<ExpertStatusChanges>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<MeetingCancellation>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Dispatching>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<DispatchLinks>().AsSelf().SingleInstance();
        // The archive search's counts and the county's fields, kept until the experts store is written.
        CountyStoreCache.Register<(string Scope, string Filter), int>(builder, ModuleName);
        CountyStoreCache.Register<string, IReadOnlyList<Data.Field>>(builder, ModuleName);
        builder.RegisterType<ExpertNotices>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<ExpertEditing>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<RosterEntry>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<TeamFilings>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Todo.ExpertsTodo>().As<BuildingBlocks.Todo.ITodoSource>().InstancePerLifetimeScope();
        builder.RegisterType<DisqualificationReviews>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<DispatchAnswers>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<MeetingAttendance>().AsSelf().InstancePerLifetimeScope();
    }
}
