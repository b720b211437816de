using Autofac;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Settings;
using Emergency.Plans.Data;
using Emergency.Plans.Domain;
using Emergency.Plans.Jobs;

namespace Emergency.Plans;

/// <summary>
/// 应急预案: the county's plan registry and hierarchy (下位衔接上位), each plan's versions with their files, issuing
/// (签发) and filing (备案: within 20 working days of issue; 登记, 补正 or deemed filed after 5 working days of
/// silence — 应急管理部令第2号), and the plans each township still lacks (seed 004 13).
/// </summary>
public sealed class PlansModule : ModuleDefinition
{
    public const string ModuleName = "plans";

    internal const string SettingsGroup = "应急预案";

    /// <summary>备案期限: working days after issue (令第2号: 签发之日起20个工作日内).</summary>
    internal static readonly IntSetting FilingDays =
        new("plans.filing-working-days", "预案签发后备案期限（工作日）", "Filing due (working days after issue)", SettingsGroup, 20, 1, 120, "个工作日");

    /// <summary>受理单位未答复视为备案: working days of silence after a submission.</summary>
    internal static readonly IntSetting DeemedDays =
        new("plans.deemed-working-days", "报送后未答复视为备案（工作日）", "Deemed filed after silence (working days)", SettingsGroup, 5, 1, 60, "个工作日");

    internal static readonly IntSetting FileMaxMegabytes =
        new("plans.file-max-megabytes", "预案文件大小上限", "Plan file size cap", SettingsGroup, 20, 1, 100, "MB");

    /// <summary>乡镇应具备预案的期限 (month-day, "MM-dd", default 03-31): after it, a township's missing plans are on its 我的待办.</summary>
    internal static readonly TextSetting TownshipPlansDate =
        new("plans.township-plans-date", "乡镇应具备综合及专项预案的期限（月-日，如 03-31）", "Date by which townships hold their plans (MM-dd)", SettingsGroup, "03-31", 5);

    /// <summary>评估周期 (years from the last issue or evaluation; DOMAIN: every 3 years).</summary>
    internal static readonly IntSetting EvaluationYears =
        new("plans.evaluation-years", "预案评估周期（年）", "Plan evaluation every (years)", SettingsGroup, 3, 1, 10, "年");

    /// <summary>Days before an evaluation falls due that its owner is noticed (once).</summary>
    internal static readonly IntSetting EvaluationLeadDays =
        new("plans.evaluation-lead-days", "预案评估到期提前提醒（天）", "Evaluation due notice lead (days)", SettingsGroup, 60, 1, 365, "天");

    /// <summary>演练周期 of government plans (county 总体/专项, department, township plans; 令第708号 Art 8: at least every 2 years).</summary>
    internal static readonly IntSetting DrillMonthsGovernment =
        new("plans.drill-months-government", "政府及部门、乡镇预案演练周期（月）", "Drill cadence: government, department and township plans (months)", SettingsGroup, 24, 1, 60, "个月");

    /// <summary>演练周期 of enterprise 综合/专项 plans (DOMAIN: once a year).</summary>
    internal static readonly IntSetting DrillMonthsEnterprise =
        new("plans.drill-months-enterprise", "企业综合、专项预案演练周期（月）", "Drill cadence: enterprise general and special plans (months)", SettingsGroup, 12, 1, 60, "个月");

    /// <summary>演练周期 of enterprise 现场处置方案 (DOMAIN: every 6 months).</summary>
    internal static readonly IntSetting DrillMonthsOnSite =
        new("plans.drill-months-onsite", "企业现场处置方案演练周期（月）", "Drill cadence: enterprise on-site disposal plans (months)", SettingsGroup, 6, 1, 60, "个月");

    /// <summary>演练周期 of village “多合一” disposal plans: no rule names one; the default is yearly, like enterprise plans.</summary>
    internal static readonly IntSetting DrillMonthsVillage =
        new("plans.drill-months-village", "村（社区）处置方案演练周期（月）", "Drill cadence: village disposal plans (months)", SettingsGroup, 12, 1, 60, "个月");

    /// <summary>Days before a drill falls due that the plan is listed as due soon and its owner noticed (once).</summary>
    internal static readonly IntSetting DrillLeadDays =
        new("plans.drill-lead-days", "预案演练到期提前提醒（天）", "Drill due notice lead (days)", SettingsGroup, 30, 1, 365, "天");

    public override string Name => ModuleName;

    public override string DisplayName => "应急预案";

    public override string DisplayNameEn => "Plans";

    public override ModuleStore Store { get; } = ModuleStore.For<PlansDbContext>();

    public override IEnumerable<NavigationEntry> Navigation => [new("应急预案", "Plans", "/Index", 45)];

    /// <summary>编制、修订、签发、报送备案本单位预案; 受理备案 (the county bureau, a township for its villages).</summary>
    internal const string Manage = "plans.manage";

    public override IEnumerable<Permission> Permissions =>
    [
        new(Manage, "管理本单位应急预案（登记、上传版本、签发、报送备案、受理备案）", [Post.CountyAdmin, Post.EmergencyBureau, Post.Department, Post.Township, Post.Village]),
    ];

    public override IEnumerable<SettingDefinition> Settings => [FilingDays, DeemedDays, FileMaxMegabytes, TownshipPlansDate, EvaluationYears, EvaluationLeadDays, DrillMonthsGovernment, DrillMonthsEnterprise, DrillMonthsOnSite, DrillMonthsVillage, DrillLeadDays];

    public override void Register(ContainerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<PlansAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Registry>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Versions>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Filings>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Lacks>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Reviews>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Triggers>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Evaluations>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Drills>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Integration.ReviewExpertBook>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<PlansNotices>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Todo.PlansTodo>().As<BuildingBlocks.Todo.ITodoSource>().InstancePerLifetimeScope();
    }

    public override Task SeedDemoAsync(DemoSeedContext context, CancellationToken cancellationToken) =>
        Demo.PlansDemoData.SeedAsync(context, cancellationToken);

    public override void RegisterJobs(JobRegistry jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.PerCounty<FilingJob>("filing", "0 8 * * *");
        jobs.PerCounty<EvaluationJob>("evaluation", "10 8 * * *");
        jobs.PerCounty<DrillJob>("drill", "20 8 * * *");
    }

    public override void Subscribe(BuildingBlocks.Events.SubscriptionRegistry subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        subscriptions.Add<Experts.Contracts.ExpertAdmitted, Integration.ExpertAdmittedHandler>();
        subscriptions.Add<Experts.Contracts.ExpertExited, Integration.ExpertExitedHandler>();
        subscriptions.Add<Experts.Contracts.ExpertEmployerChanged, Integration.ExpertEmployerChangedHandler>();
        subscriptions.Add<Experts.Contracts.ExpertDisqualified, Integration.ExpertDisqualifiedHandler>();
        subscriptions.Add<Training.Contracts.DrillCompleted, Integration.DrillCompletedHandler>();
    }
}
