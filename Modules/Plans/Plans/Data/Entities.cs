namespace Emergency.Plans.Data;

/// <summary>The kinds of plan (预案体系: 国办发〔2024〕5号; seed 004 13).</summary>
internal enum PlanType
{
    /// <summary>县突发事件总体应急预案 (政府): the top of the county's hierarchy, names no higher plan.</summary>
    CountyGeneral = 0,

    /// <summary>县专项应急预案 (政府), with a <see cref="SpecialCategory"/>.</summary>
    CountySpecial = 1,

    /// <summary>部门应急预案.</summary>
    Department = 2,

    /// <summary>乡镇（街道）综合应急预案.</summary>
    TownshipGeneral = 3,

    /// <summary>乡镇（街道）专项应急预案, with a <see cref="SpecialCategory"/>.</summary>
    TownshipSpecial = 4,

    /// <summary>乡镇应急工作手册.</summary>
    TownshipManual = 5,

    /// <summary>村（社区）“多合一”处置方案.</summary>
    VillageCombined = 6,

    /// <summary>企业综合应急预案 (owned by the township the enterprise sits in).</summary>
    EnterpriseGeneral = 7,

    /// <summary>企业专项应急预案.</summary>
    EnterpriseSpecial = 8,

    /// <summary>企业现场处置方案.</summary>
    EnterpriseOnSite = 9,
}

/// <summary>专项预案 categories (seed 004 13: 生产安全事故、水旱灾害、地震和地质灾害、气象灾害、消防火灾、森林草原火灾、自然灾害救助).</summary>
internal enum SpecialCategory
{
    Production = 0,
    FloodDrought = 1,
    EarthquakeGeology = 2,
    Weather = 3,
    Fire = 4,
    ForestFire = 5,
    DisasterRelief = 6,
    Other = 7,
}

/// <summary>The level of the unit that owns a plan.</summary>
internal enum OwnerLevel
{
    /// <summary>县人民政府 (kept by the county emergency bureau).</summary>
    County = 0,
    Department = 1,
    Township = 2,
    Village = 3,
}

internal enum PlanStatus
{
    /// <summary>编制中: no version issued yet.</summary>
    Drafting = 0,

    /// <summary>现行有效: a version is in force.</summary>
    InForce = 1,

    /// <summary>已废止.</summary>
    Abolished = 2,
}

/// <summary>
/// A plan (应急预案) in the county's registry: its type, owner unit, the risks it covers and the higher plan it
/// links to (下位衔接上位). Enterprise plans are owned by the township the enterprise sits in, with its name.
/// </summary>
internal sealed class Plan
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public PlanType Type { get; set; }

    /// <summary>The 专项 category of a special plan, null otherwise.</summary>
    public SpecialCategory? Category { get; set; }

    public OwnerLevel OwnerLevel { get; set; }

    /// <summary>The owning department (a department plan), else null.</summary>
    public int? DepartmentId { get; set; }

    /// <summary>The owning township, or the township of the owning village; null for county and department plans.</summary>
    public int? TownshipId { get; set; }

    public int? VillageId { get; set; }

    public string OwnerName { get; set; } = "";

    /// <summary>The enterprise of an enterprise plan (企业名称), else empty.</summary>
    public string EnterpriseName { get; set; } = "";

    /// <summary>风险 covered (text).</summary>
    public string Risks { get; set; } = "";

    /// <summary>The higher plan (上位预案): required for every plan but the county 总体预案.</summary>
    public int? HigherPlanId { get; set; }

    public PlanStatus Status { get; set; }

    /// <summary>The version in force (the last issued), null before the first issue.</summary>
    public int? CurrentVersionId { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The date of the last drill of this plan (Training's DrillCompleted by title).</summary>
    public DateOnly? LastDrillOn { get; set; }

    /// <summary>The date of the last evaluation (评估), null before the first.</summary>
    public DateOnly? LastEvaluatedOn { get; set; }

    /// <summary>
    /// The drill sweep has done all it does for one due date (owner noticed, overdue published): the date the cadence
    /// ran from (last drill, else issue) and its months then. While both still match, the daily sweep skips the plan;
    /// a new drill, a new version or a changed cadence makes them differ and the plan is swept again.
    /// </summary>
    public DateOnly? DrillSettledSince { get; set; }

    public int? DrillSettledMonths { get; set; }

    public List<PlanVersion> Versions { get; set; } = [];
}

/// <summary>
/// One revision of a plan with its file (.docx or .pdf), summary of changes and reason; issued (签发) with signer,
/// date and 文号, which makes it the version in force and starts its filing clock.
/// </summary>
internal sealed class PlanVersion
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    /// <summary>1, 2, … within the plan.</summary>
    public int Number { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string OriginalName { get; set; } = "";

    public long Size { get; set; }

    public string Summary { get; set; } = "";

    public string Reason { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public DateTime UploadedAtUtc { get; set; }

    /// <summary>编制人 (names, separated by "、"): they may not review this version.</summary>
    public string Author { get; set; } = "";

    /// <summary>重大修订: review and filing are repeated.</summary>
    public bool MajorRevision { get; set; }

    public string? Signer { get; set; }

    public DateOnly? IssuedOn { get; set; }

    /// <summary>文号.</summary>
    public string? DocumentNumber { get; set; }

    public DateTime? IssuedAtUtc { get; set; }
}

internal enum FilingState
{
    /// <summary>待报送: issued, not yet submitted (or to be resubmitted after 补正).</summary>
    Awaiting = 0,

    /// <summary>已报送: waiting for the receiver's answer.</summary>
    Submitted = 1,

    /// <summary>需补正: the receiver listed what to correct; the owner resubmits.</summary>
    Correction = 2,

    /// <summary>已登记.</summary>
    Registered = 3,

    /// <summary>视为备案: the receiver was silent for the set working days.</summary>
    Deemed = 4,
}

/// <summary>
/// The filing (备案) of an issued version with its receiver (a township/department plan with the county emergency
/// bureau, a village plan with its township): due within the set working days of issue; submitted by the owner;
/// answered 登记 or 补正 (one list per submission round), or deemed filed after the set working days of silence.
/// </summary>
internal sealed class Filing
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int VersionId { get; set; }

    /// <summary>The receiving unit: the county emergency bureau (a department) or a township.</summary>
    public Emergency.BuildingBlocks.Tenancy.UnitKind ReceiverKind { get; set; }

    public int ReceiverId { get; set; }

    public string ReceiverName { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>Some year on the way to <see cref="DueOn"/> had no holiday schedule (counted Monday–Friday).</summary>
    public bool DueFallback { get; set; }

    public FilingState State { get; set; }

    /// <summary>Submissions so far (1 after the first).</summary>
    public int Round { get; set; }

    public DateOnly? SubmittedOn { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>The round of the last 补正 (one per round).</summary>
    public int? CorrectionRound { get; set; }

    /// <summary>The list of everything to correct (one item a line).</summary>
    public string? Corrections { get; set; }

    public DateTime? CorrectionAtUtc { get; set; }

    public string? AnsweredBy { get; set; }

    /// <summary>When it was registered or deemed filed.</summary>
    public DateTime? FiledAtUtc { get; set; }

    public DateOnly? FiledOn { get; set; }

    /// <summary>备案编号, given when registered or deemed.</summary>
    public string? FilingNumber { get; set; }
}

/// <summary>
/// Plans' read copy of an expert of the county pool (from Experts' ExpertAdmitted / ExpertExited /
/// ExpertDisqualified), one row per expert updated in place: offered as a reviewer while active.
/// </summary>
internal sealed class ReviewExpert
{
    public int Id { get; set; }

    /// <summary>The expert's id in the Experts module.</summary>
    public int ExpertId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The unit the expert belongs to (the department whose team it is; 县政府专家队伍 otherwise).</summary>
    public string Unit { get; set; } = "";

    /// <summary>专业领域, joined with "、".</summary>
    public string Fields { get; set; } = "";

    /// <summary>工作单位 (from ExpertAdmitted / ExpertEmployerChanged); an expert employed by a plan's owner unit recuses.</summary>
    public string Employer { get; set; } = "";

    public bool Active { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

internal enum ReviewConclusion
{
    /// <summary>评审中: opinions being recorded.</summary>
    Pending = 0,

    /// <summary>通过.</summary>
    Passed = 1,

    /// <summary>修改: the version is revised and reviewed again.</summary>
    Revise = 2,
}

internal enum ReviewVerdict
{
    /// <summary>通过.</summary>
    Pass = 0,

    /// <summary>修改后通过.</summary>
    PassAfterChanges = 1,

    /// <summary>不通过.</summary>
    Fail = 2,
}

/// <summary>评审/论证 of a version before issue: its date, reviewers (with their opinions) and conclusion.</summary>
internal sealed class PlanReview
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int VersionId { get; set; }

    public DateOnly HeldOn { get; set; }

    public ReviewConclusion Conclusion { get; set; }

    public string ConvenedBy { get; set; } = "";

    public DateTime ConvenedAtUtc { get; set; }

    public DateTime? ConcludedAtUtc { get; set; }

    public List<PlanReviewer> Reviewers { get; set; } = [];
}

/// <summary>A reviewer of a review: from the experts copy or entered by hand (name, unit), with the opinion.</summary>
internal sealed class PlanReviewer
{
    public int Id { get; set; }

    public int ReviewId { get; set; }

    /// <summary>The expert (Experts module id) when picked from the experts copy.</summary>
    public int? ExpertId { get; set; }

    public string Name { get; set; } = "";

    public string Unit { get; set; } = "";

    public string? Opinion { get; set; }

    public ReviewVerdict? Verdict { get; set; }
}

/// <summary>评估 of a plan (every set number of years): date and report, with an optional file.</summary>
internal sealed class PlanEvaluation
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public DateOnly EvaluatedOn { get; set; }

    public string Report { get; set; } = "";

    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public string? OriginalName { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>修订情形 (DOMAIN: law or higher plan changed, command structure, major risk, key resource, drill/response problems, other).</summary>
internal enum TriggerKind
{
    /// <summary>上位法或上位预案变化.</summary>
    HigherChanged = 0,

    /// <summary>指挥体系变化.</summary>
    Command = 1,

    /// <summary>重大风险变化.</summary>
    Risk = 2,

    /// <summary>重要资源变化.</summary>
    Resource = 3,

    /// <summary>演练或处置中发现问题.</summary>
    DrillProblems = 4,

    /// <summary>其他.</summary>
    Other = 5,
}

/// <summary>
/// A revision trigger on a plan: recorded by hand, raised when its higher plan issues a new version, or by a drill
/// that found problems. Open until a new version is issued or it is dismissed with a reason.
/// </summary>
internal sealed class RevisionTrigger
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public TriggerKind Kind { get; set; }

    public string Note { get; set; } = "";

    /// <summary>What raised it automatically ("higher:12:3", "drill:7"), so a repeated event raises it once; null by hand.</summary>
    public string? SourceKey { get; set; }

    public string RaisedBy { get; set; } = "";

    public DateTime RaisedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Why it was closed: the dismissal reason, or "已签发第 N 版".</summary>
    public string? ClosedReason { get; set; }

    public string? ClosedBy { get; set; }
}

/// <summary>
/// A drill of a plan entered by hand on the plan (one held outside Training): its date and its 演练评估报告 file
/// (.docx or .pdf, required). Training's DrillCompleted sets <see cref="Plan.LastDrillOn"/> without a row here.
/// </summary>
internal sealed class PlanDrill
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public DateOnly DrilledOn { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string OriginalName { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }
}
