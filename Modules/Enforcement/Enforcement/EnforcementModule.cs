using Autofac;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Settings;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;

namespace Emergency.Enforcement;

/// <summary>
/// 综合行政执法 (seed 002; 应急管理部令第18号), first slice: the 执法对象名录库 (enterprises by 统一社会信用代码, risk
/// class, 标准化 and credit class, 重点/一般, county or entrusted-township jurisdiction) with Excel import and export;
/// officers with their 执法证 and declared conflicts; verifiable 双随机 draws published on a public page (一公开).
/// </summary>
public sealed class EnforcementModule : ModuleDefinition
{
    public const string ModuleName = "enforcement";

    internal const string SettingsGroup = "综合行政执法";

    /// <summary>双随机: officers drawn per target (不少于2名).</summary>
    internal static readonly IntSetting OfficersPerTarget =
        new("enforcement.draw-officers-per-target", "双随机每家企业抽取执法人员数", "Officers drawn per target", SettingsGroup, 2, 2, 10, "名");

    /// <summary>年度计划中随机抽查所占比例 (不低于70%), for annual plans.</summary>
    internal static readonly IntSetting DrawShare =
        new("enforcement.draw-share", "年度计划中双随机抽查比例不低于", "Minimum share of the annual plan by random draw", SettingsGroup, 70, 0, 100, "%");

    /// <summary>A类企业每年检查次数上限, for annual plans.</summary>
    internal static readonly IntSetting CapA =
        new("enforcement.cap-a", "A类企业每年检查次数上限", "Yearly inspections cap, class A", SettingsGroup, 1, 0, 24, "次");

    internal static readonly IntSetting CapB =
        new("enforcement.cap-b", "B类企业每年检查次数上限", "Yearly inspections cap, class B", SettingsGroup, 2, 0, 24, "次");

    internal static readonly IntSetting CapC =
        new("enforcement.cap-c", "C类企业每年检查次数上限", "Yearly inspections cap, class C", SettingsGroup, 4, 0, 24, "次");

    internal static readonly IntSetting CapD =
        new("enforcement.cap-d", "D类企业每年检查次数上限", "Yearly inspections cap, class D", SettingsGroup, 6, 0, 24, "次");

    /// <summary>执法证到期提前提醒天数 (to-do).</summary>
    internal static readonly IntSetting CertificateLeadDays =
        new("enforcement.certificate-lead-days", "执法证到期提前提醒天数", "Enforcement certificate expiry lead time", SettingsGroup, 30, 1, 365, "天");

    /// <summary>复查 within this many working days after the 责令限期整改 deadline.</summary>
    internal static readonly IntSetting RecheckWorkingDays =
        new("enforcement.recheck-working-days", "整改期限届满后复查时限", "Re-inspection within (working days after the deadline)", SettingsGroup, 10, 1, 60, "个工作日");

    /// <summary>复查到期提前提醒天数.</summary>
    internal static readonly IntSetting RecheckLeadDays =
        new("enforcement.recheck-lead-days", "复查到期提前提醒天数", "Re-inspection reminder lead time", SettingsGroup, 3, 1, 30, "天");

    public override string Name => ModuleName;

    public override string DisplayName => "综合行政执法";

    public override string DisplayNameEn => "Enforcement";

    public override ModuleStore Store { get; } = ModuleStore.For<EnforcementDbContext>(o => new EnforcementDbContext(o));

    public override IEnumerable<NavigationEntry> Navigation => [new("综合行政执法", "Enforcement", "/Targets/Index", 50)];

    /// <summary>维护名录库和执法人员、组织双随机抽取: the county for the county bureau's jurisdiction, a township for its own.</summary>
    internal const string Manage = "enforcement.manage";

    /// <summary>批准年度执法计划: the county manager for the county bureau's plan, the township's own account (on behalf of its 党委政府) for a township's.</summary>
    internal const string ApprovePlan = "enforcement.approve-plan";

    public override IEnumerable<Permission> Permissions =>
    [
        new(Manage, "维护执法对象名录库和执法人员，组织双随机抽取", [Post.CountyAdmin, Post.EmergencyBureau, Post.Township]),
        new(ApprovePlan, "批准年度执法计划（县局计划由县局批准，乡镇计划由乡镇批准）", [Post.CountyAdmin, Post.EmergencyBureau, Post.Township]),
    ];

    public override IEnumerable<SettingDefinition> Settings =>
        [OfficersPerTarget, DrawShare, CapA, CapB, CapC, CapD, CertificateLeadDays, RecheckWorkingDays, RecheckLeadDays];

    public override void Register(ContainerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<EnforcementAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Targets>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Officers>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Draws>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Plans>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Inspections>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Todo.EnforcementTodo>().As<BuildingBlocks.Todo.ITodoSource>().InstancePerLifetimeScope();
    }

    public override void RegisterJobs(JobRegistry jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.PerCounty<Jobs.RecheckJob>("recheck", "0 8 * * *");
    }

    public override Task SeedDemoAsync(DemoSeedContext context, CancellationToken cancellationToken) =>
        Demo.EnforcementDemoData.SeedAsync(context, cancellationToken);
}
