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

    /// <summary>立案 within this many working days of discovering the violation.</summary>
    internal static readonly IntSetting FilingWorkingDays =
        new("enforcement.filing-working-days", "发现违法行为后立案时限", "Open a case within (working days of discovery)", SettingsGroup, 5, 1, 30, "个工作日");

    /// <summary>陈述申辩（听证申请）期限 after 告知.</summary>
    internal static readonly IntSetting StatementWorkingDays =
        new("enforcement.statement-working-days", "告知后陈述申辩、申请听证期限", "Statement / hearing request period after notice", SettingsGroup, 5, 3, 30, "个工作日");

    /// <summary>听证: fines on an individual reaching this amount.</summary>
    internal static readonly IntSetting HearingIndividual =
        new("enforcement.hearing-individual", "个人罚款达到此数额应告知听证权利", "Hearing right: fine on an individual from", SettingsGroup, 20000, 1, 10000000, "元");

    /// <summary>听证: fines on a unit reaching this amount.</summary>
    internal static readonly IntSetting HearingUnit =
        new("enforcement.hearing-unit", "单位罚款达到此数额应告知听证权利", "Hearing right: fine on a unit from", SettingsGroup, 100000, 1, 100000000, "元");

    /// <summary>重大执法决定: a fine from this amount (and every case with a hearing right) needs 法制审核 and 集体讨论.</summary>
    internal static readonly IntSetting MajorFine =
        new("enforcement.major-fine", "重大执法决定罚款数额（达到即须法制审核、集体讨论）", "Major decision: fine from", SettingsGroup, 50000, 1, 100000000, "元");

    /// <summary>决定 within this many calendar days of 立案.</summary>
    internal static readonly IntSetting DecisionDays =
        new("enforcement.decision-days", "立案后作出处罚决定期限", "Decide within (days of opening)", SettingsGroup, 90, 30, 365, "日");

    /// <summary>First approved extension (days from 立案).</summary>
    internal static readonly IntSetting DecisionExtended =
        new("enforcement.decision-extended-days", "经批准延长后的决定期限", "Decision period after an approved extension", SettingsGroup, 120, 30, 365, "日");

    /// <summary>Second (further) approved extension (days from 立案).</summary>
    internal static readonly IntSetting DecisionExtendedFurther =
        new("enforcement.decision-extended-further-days", "经再次批准延长后的决定期限", "Decision period after a further extension", SettingsGroup, 180, 30, 730, "日");

    /// <summary>公示 within this many working days of the decision.</summary>
    internal static readonly IntSetting PublishWorkingDays =
        new("enforcement.publish-working-days", "处罚决定公示时限", "Publish a decision within", SettingsGroup, 7, 1, 30, "个工作日");

    /// <summary>缴纳罚款期限 after 送达.</summary>
    internal static readonly IntSetting PaymentDays =
        new("enforcement.payment-days", "送达后缴纳罚款期限", "Pay the fine within (days of service)", SettingsGroup, 15, 1, 90, "日");

    /// <summary>加处罚款 per day late (capped at the fine).</summary>
    internal static readonly IntSetting LateFeePercent =
        new("enforcement.late-fee-percent", "逾期每日加处罚款比例（不超过罚款数额）", "Late fee per day (capped at the fine)", SettingsGroup, 3, 1, 10, "%");

    /// <summary>简易程序: the largest on-site fine on an individual.</summary>
    internal static readonly IntSetting SimpleIndividual =
        new("enforcement.simple-individual", "简易程序个人罚款上限", "On-site procedure: fine on an individual up to", SettingsGroup, 200, 0, 100000, "元");

    /// <summary>简易程序: the largest on-site fine on a unit.</summary>
    internal static readonly IntSetting SimpleUnit =
        new("enforcement.simple-unit", "简易程序单位罚款上限", "On-site procedure: fine on a unit up to", SettingsGroup, 3000, 0, 1000000, "元");

    /// <summary>两法衔接: approve the transfer within this many days of finding the suspected crime.</summary>
    internal static readonly IntSetting TransferApprovalDays =
        new("enforcement.transfer-approval-days", "涉嫌犯罪案件移送审批时限", "Approve a criminal transfer within", SettingsGroup, 3, 1, 10, "日");

    /// <summary>两法衔接: transfer within this many hours of approval.</summary>
    internal static readonly IntSetting TransferHours =
        new("enforcement.transfer-hours", "批准后移送公安机关时限", "Transfer to the police within (hours of approval)", SettingsGroup, 24, 1, 72, "小时");

    /// <summary>Case clocks: notice the responsible unit this many days before.</summary>
    internal static readonly IntSetting CaseLeadDays =
        new("enforcement.case-lead-days", "案件期限到期提前提醒天数", "Case clock reminder lead time", SettingsGroup, 3, 1, 30, "天");

    /// <summary>委托执法事项 (seed 002), separated by "；": a township may open cases only on these.</summary>
    internal static readonly TextSetting EntrustedMatters =
        new("enforcement.entrusted-matters", "委托乡镇执法事项（以“；”分隔）", "Matters entrusted to townships (separated by ；)", SettingsGroup,
            "日常行政检查；生产经营单位主要负责人未履行安全生产管理职责；安全管理人员未履行安全生产管理职责", 1000);

    /// <summary>执法+专家: experts asked for in one request at most.</summary>
    internal static readonly IntSetting ExpertsPerRequest =
        new("enforcement.experts-per-request", "每次请求专家协助人数上限", "Experts per assistance request, at most", SettingsGroup, 5, 1, 20, "名");

    /// <summary>案卷评查: a score from this is 合格.</summary>
    internal static readonly IntSetting ReviewPassScore =
        new("enforcement.review-pass-score", "案卷评查合格分数线", "Case file review: passed from", SettingsGroup, 60, 0, 100, "分");

    /// <summary>案卷评查: a score from this is 优秀.</summary>
    internal static readonly IntSetting ReviewExcellentScore =
        new("enforcement.review-excellent-score", "案卷评查优秀分数线", "Case file review: excellent from", SettingsGroup, 90, 0, 100, "分");

    public override string Name => ModuleName;

    public override string DisplayName => "综合行政执法";

    public override string DisplayNameEn => "Enforcement";

    public override ModuleStore Store { get; } = ModuleStore.For<EnforcementDbContext>();

    public override IEnumerable<NavigationEntry> Navigation => [new("综合行政执法", "Enforcement", "/Targets/Index", 50)];

    /// <summary>维护名录库和执法人员、组织双随机抽取: the county for the county bureau's jurisdiction, a township for its own.</summary>
    internal const string Manage = "enforcement.manage";

    /// <summary>批准年度执法计划: the county manager for the county bureau's plan, the township's own account (on behalf of its 党委政府) for a township's.</summary>
    internal const string ApprovePlan = "enforcement.approve-plan";

    /// <summary>法制审核 of major decisions: the county bureau (its legal staff), for its own and the townships' cases.</summary>
    internal const string LegalReview = "enforcement.legal-review";

    public override IEnumerable<Permission> Permissions =>
    [
        new(LegalReview, "重大执法决定法制审核", [Post.CountyAdmin, Post.EmergencyBureau]),
        new(Manage, "维护执法对象名录库和执法人员，组织双随机抽取", [Post.CountyAdmin, Post.EmergencyBureau, Post.Township]),
        new(ApprovePlan, "批准年度执法计划（县局计划由县局批准，乡镇计划由乡镇批准）", [Post.CountyAdmin, Post.EmergencyBureau, Post.Township]),
    ];

    public override IEnumerable<SettingDefinition> Settings =>
        [OfficersPerTarget, DrawShare, CapA, CapB, CapC, CapD, CertificateLeadDays, RecheckWorkingDays, RecheckLeadDays,
         FilingWorkingDays, StatementWorkingDays, HearingIndividual, HearingUnit, MajorFine, DecisionDays, DecisionExtended, DecisionExtendedFurther,
         PublishWorkingDays, PaymentDays, LateFeePercent, SimpleIndividual, SimpleUnit, TransferApprovalDays, TransferHours, CaseLeadDays, EntrustedMatters, ExpertsPerRequest, ReviewPassScore, ReviewExcellentScore];

    public override void Register(ContainerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<EnforcementAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Targets>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Officers>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Draws>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Plans>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Inspections>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Cases>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<ExpertAssistance>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Evaluation>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Todo.EnforcementTodo>().As<BuildingBlocks.Todo.ITodoSource>().InstancePerLifetimeScope();
    }

    public override void Subscribe(BuildingBlocks.Events.SubscriptionRegistry subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        subscriptions.Add<Experts.Contracts.ExpertAssistanceAnswered, Integration.ExpertAssistanceAnsweredHandler>();
    }

    public override void RegisterJobs(JobRegistry jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.PerCounty<Jobs.RecheckJob>("recheck", "0 8 * * *");
        jobs.PerCounty<Jobs.CaseClockJob>("case-clocks", "10 8 * * *");
    }

    public override Task SeedDemoAsync(DemoSeedContext context, CancellationToken cancellationToken) =>
        Demo.EnforcementDemoData.SeedAsync(context, cancellationToken);
}
