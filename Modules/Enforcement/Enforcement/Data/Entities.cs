namespace Emergency.Enforcement.Data;

/// <summary>风险等级 (分级分类): A, B, C, D; the yearly per-tier caps of annual plans are settings.</summary>
internal enum RiskClass
{
    A = 0,
    B = 1,
    C = 2,
    D = 3,
}

/// <summary>安全生产标准化等级.</summary>
internal enum StandardLevel
{
    /// <summary>未达标.</summary>
    None = 0,

    /// <summary>一级.</summary>
    Level1 = 1,

    /// <summary>二级.</summary>
    Level2 = 2,

    /// <summary>三级.</summary>
    Level3 = 3,

    /// <summary>小微企业.</summary>
    Small = 4,
}

/// <summary>信用等级.</summary>
internal enum CreditClass
{
    /// <summary>良好.</summary>
    Good = 0,

    /// <summary>一般.</summary>
    Normal = 1,

    /// <summary>较差.</summary>
    Poor = 2,

    /// <summary>失信.</summary>
    Untrustworthy = 3,
}

/// <summary>
/// An enterprise of the 执法对象名录库: one per 统一社会信用代码 in the county. Its township is where it is; its
/// jurisdiction is the county bureau (null) or the township the bureau entrusted (委托执法).
/// </summary>
internal sealed class Target
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>统一社会信用代码 (GB 32100-2015), 18 characters, upper case.</summary>
    public string CreditCode { get; set; } = "";

    public string Address { get; set; } = "";

    public int TownshipId { get; set; }

    public string TownshipName { get; set; } = "";

    /// <summary>行业 (危险化学品, 非煤矿山, 烟花爆竹, 工贸 …).</summary>
    public string Industry { get; set; } = "";

    public RiskClass Risk { get; set; }

    public StandardLevel Standard { get; set; }

    public CreditClass Credit { get; set; }

    /// <summary>重点 (full coverage every year) rather than 一般 (random draw).</summary>
    public bool IsKey { get; set; }

    /// <summary>The entrusted township that has jurisdiction, null for the county bureau.</summary>
    public int? JurisdictionTownshipId { get; set; }

    /// <summary>联系电话 (internal; never published).</summary>
    public string? ContactMobile { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// An enforcement officer of the county bureau (<see cref="TownshipId"/> null) or of an entrusted township: a holder
/// of a 执法证 (number, valid from/to), or an auxiliary (协管) who may accompany but is never drawn.
/// </summary>
internal sealed class Officer
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string UnitName { get; set; } = "";

    public int? TownshipId { get; set; }

    public bool Auxiliary { get; set; }

    public string CertificateNumber { get; set; } = "";

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>手机 (internal; never published).</summary>
    public string? Mobile { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Holds a valid 执法证 on the day: the only officers a draw may choose (严禁辅助人员执法).</summary>
    public bool EligibleOn(DateOnly day) =>
        !Auxiliary && CertificateNumber.Length > 0 && ValidFrom is { } from && ValidTo is { } to && from <= day && day <= to;
}

/// <summary>A declared conflict (应回避): the officer's relation to an enterprise; the officer is never drawn for it.</summary>
internal sealed class Conflict
{
    public int Id { get; set; }

    public int OfficerId { get; set; }

    public int TargetId { get; set; }

    public string Reason { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// A 双随机 draw with everything needed to re-run it: the candidate target and officer ids (ascending), the recusals
/// and each candidate target's previous team as they stood, the seed and the algorithm version.
/// </summary>
internal sealed class Draw
{
    public int Id { get; set; }

    public DateOnly DrawnOn { get; set; }

    public DateTime DrawnAtUtc { get; set; }

    /// <summary>The entrusted township that drew, null for the county bureau.</summary>
    public int? TownshipId { get; set; }

    public string UnitName { get; set; } = "";

    /// <summary>The filters as the user chose them, in words.</summary>
    public string Filters { get; set; } = "";

    public int RequestedCount { get; set; }

    public int OfficersPerTarget { get; set; }

    /// <summary>The seed as 16 lower-case hex digits.</summary>
    public string Seed { get; set; } = "";

    public string Algorithm { get; set; } = "";

    /// <summary>Candidate target ids, ascending, comma-separated.</summary>
    public string CandidateTargetIds { get; set; } = "";

    /// <summary>Candidate (eligible) officer ids, ascending, comma-separated.</summary>
    public string CandidateOfficerIds { get; set; } = "";

    /// <summary>Declared conflicts among the candidates, "officer:target" separated by commas.</summary>
    public string Recusals { get; set; } = "";

    /// <summary>Each candidate target's previous team, "target:officer+officer" separated by commas.</summary>
    public string PreviousTeams { get; set; } = "";

    public string DrawnBy { get; set; } = "";

    public List<DrawItem> Items { get; set; } = [];
}

/// <summary>One target drawn, with its officers (ids and names as drawn).</summary>
internal sealed class DrawItem
{
    public int Id { get; set; }

    public int DrawId { get; set; }

    public int Position { get; set; }

    public int TargetId { get; set; }

    public string TargetName { get; set; } = "";

    /// <summary>Officer ids, comma-separated, in draw order.</summary>
    public string OfficerIds { get; set; } = "";

    public string OfficerNames { get; set; } = "";
}

/// <summary>年度执法计划的状态.</summary>
internal enum PlanState
{
    /// <summary>草稿.</summary>
    Draft = 0,

    /// <summary>已报批.</summary>
    Submitted = 1,

    /// <summary>已批准.</summary>
    Approved = 2,
}

/// <summary>
/// 年度执法计划 of a unit (the county bureau, <see cref="TownshipId"/> null, or an entrusted township) for a year:
/// 重点 targets fully covered (each tier's inspections per target), general targets by draw. The counts are computed
/// from the directory when saved and kept as approved.
/// </summary>
internal sealed class Plan
{
    public int Id { get; set; }

    public int? TownshipId { get; set; }

    public string UnitName { get; set; } = "";

    public int Year { get; set; }

    /// <summary>Inspections per 重点 target per year, by tier A..D.</summary>
    public int PerKeyA { get; set; }

    public int PerKeyB { get; set; }

    public int PerKeyC { get; set; }

    public int PerKeyD { get; set; }

    /// <summary>重点 targets under the jurisdiction when saved.</summary>
    public int KeyTargets { get; set; }

    /// <summary>Inspections of 重点 targets (computed).</summary>
    public int KeyInspections { get; set; }

    /// <summary>Inspections of general targets by 双随机 draw (planned).</summary>
    public int DrawInspections { get; set; }

    public PlanState State { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedAtUtc { get; set; }

    public int TotalInspections => KeyInspections + DrawInspections;

    /// <summary>Share by draw in whole per cent, rounded down.</summary>
    public int DrawSharePercent => TotalInspections == 0 ? 0 : DrawInspections * 100 / TotalInspections;
}

/// <summary>现场检查的状态.</summary>
internal enum InspectionState
{
    /// <summary>无问题，已办结.</summary>
    Closed = 0,

    /// <summary>责令限期整改，待复查.</summary>
    AwaitingRecheck = 1,

    /// <summary>复查不合格 (stays open; later 立案).</summary>
    RecheckFailed = 2,

    /// <summary>复查合格，已办结.</summary>
    RecheckPassed = 3,
}

/// <summary>
/// 现场检查 of a target by at least two certified officers (协管 may accompany, never counted), with the persons present
/// (三位一体), findings, photos and signatures; findings lead to 责令限期整改 and a 复查 due within the set working days
/// after the deadline. A missed 复查 clock is recorded (<see cref="RecheckMissedOn"/>), never moved.
/// </summary>
internal sealed class Inspection
{
    public int Id { get; set; }

    /// <summary>The inspecting unit: null for the county bureau, else the entrusted township.</summary>
    public int? TownshipId { get; set; }

    public string UnitName { get; set; } = "";

    public int TargetId { get; set; }

    public string TargetName { get; set; } = "";

    /// <summary>The township the target is in (a township sees inspections of its targets).</summary>
    public int TargetTownshipId { get; set; }

    public int? DrawItemId { get; set; }

    public DateOnly InspectedOn { get; set; }

    /// <summary>Certified officer ids, comma-separated.</summary>
    public string OfficerIds { get; set; } = "";

    public string OfficerNames { get; set; } = "";

    /// <summary>Accompanying 协管 names (never counted).</summary>
    public string AuxiliaryNames { get; set; } = "";

    public string ItemsChecked { get; set; } = "";

    public string Findings { get; set; } = "";

    public string PrincipalName { get; set; } = "";

    public string SafetyManagerName { get; set; } = "";

    public string OperatorName { get; set; } = "";

    /// <summary>Officer signatures: "name@yyyy-MM-dd HH:mm" (China time), separated by "；".</summary>
    public string Signatures { get; set; } = "";

    public InspectionState State { get; set; }

    /// <summary>责令限期整改 deadline.</summary>
    public DateOnly? Deadline { get; set; }

    public string? OrderNumber { get; set; }

    public DateOnly? RecheckDue { get; set; }

    /// <summary>The 复查 due date was counted Monday–Friday for a year without a loaded schedule.</summary>
    public bool RecheckDueFallback { get; set; }

    public DateOnly? RecheckedOn { get; set; }

    public string? RecheckNotes { get; set; }

    public string? RecheckNumber { get; set; }

    public string? RecheckedBy { get; set; }

    /// <summary>The 复查 due date that passed without a 复查 (recorded once by the daily job).</summary>
    public DateOnly? RecheckMissedOn { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public List<InspectionPhoto> Photos { get; set; } = [];
}

/// <summary>A photo of an inspection (recognised by content), stored through IModuleFiles.</summary>
internal sealed class InspectionPhoto
{
    public int Id { get; set; }

    public int InspectionId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";
}

/// <summary>A gap-free document number counter per kind and year, advanced in the same transaction as the document.</summary>
internal sealed class DocumentCounter
{
    public string Kind { get; set; } = "";

    public int Year { get; set; }

    public int Last { get; set; }
}

/// <summary>案件的状态 (one transition table: <see cref="Domain.CaseFlow"/>).</summary>
internal enum CaseState
{
    /// <summary>乡镇移送，待县局立案.</summary>
    Referred = 0,

    /// <summary>已立案，调查取证中.</summary>
    Filed = 1,

    /// <summary>调查终结.</summary>
    Investigated = 2,

    /// <summary>已告知（陈述申辩期）.</summary>
    Notified = 3,

    /// <summary>法制审核通过.</summary>
    Reviewed = 4,

    /// <summary>集体讨论完毕.</summary>
    Discussed = 5,

    /// <summary>已作出处罚决定.</summary>
    Decided = 6,

    /// <summary>已送达.</summary>
    Served = 7,

    /// <summary>已执行.</summary>
    Executed = 8,

    /// <summary>已移送公安机关.</summary>
    Transferred = 9,

    /// <summary>已结案.</summary>
    Closed = 10,
}

/// <summary>当事人类别: the hearing thresholds and 简易程序 limits differ.</summary>
internal enum PartyKind
{
    /// <summary>单位 (生产经营单位).</summary>
    Unit = 0,

    /// <summary>个人 (主要负责人、安全管理人员等).</summary>
    Individual = 1,
}

/// <summary>
/// 行政处罚案件 of the county bureau (<see cref="TownshipId"/> null) or of an entrusted township acting in the bureau's
/// name. Its state changes only through <see cref="Domain.CaseFlow"/>; every step is an append-only <see cref="CaseStep"/>
/// (全过程记录). Clocks are stored as computed due dates; a missed clock is recorded, never moved.
/// </summary>
internal sealed class Case
{
    public int Id { get; set; }

    public int? TownshipId { get; set; }

    public string UnitName { get; set; } = "";

    /// <summary>The township that referred it (委托范围外，移送县局), if any.</summary>
    public int? ReferredByTownshipId { get; set; }

    public int TargetId { get; set; }

    public string TargetName { get; set; } = "";

    public int? InspectionId { get; set; }

    public PartyKind PartyKind { get; set; }

    /// <summary>当事人: the enterprise, or the individual's name (masked when published).</summary>
    public string PartyName { get; set; } = "";

    /// <summary>个人身份证号 (never published).</summary>
    public string? PartyIdNumber { get; set; }

    /// <summary>执法事项 (委托执法 scope is checked on it).</summary>
    public string Matter { get; set; } = "";

    /// <summary>案由 / 违法事实.</summary>
    public string Facts { get; set; } = "";

    public bool Simple { get; set; }

    public CaseState State { get; set; }

    public DateOnly DiscoveredOn { get; set; }

    /// <summary>立案 due: discovery + the set working days.</summary>
    public DateOnly FilingDue { get; set; }

    public DateOnly? FiledOn { get; set; }

    public string? FilingNumber { get; set; }

    /// <summary>Lead officer (承办人), a holder of a valid 执法证.</summary>
    public int? LeadOfficerId { get; set; }

    public string LeadOfficerName { get; set; } = "";

    /// <summary>Intended fine (元) at 告知; the decided fine at 决定.</summary>
    public long ProposedFine { get; set; }

    public bool Warning { get; set; }

    public bool HearingRight { get; set; }

    /// <summary>重大执法决定: 法制审核 and 集体讨论 are required before the decision.</summary>
    public bool Major { get; set; }

    public DateOnly? NotifiedOn { get; set; }

    /// <summary>陈述申辩 (and hearing request) period end.</summary>
    public DateOnly? StatementDue { get; set; }

    public string? NoticeNumber { get; set; }

    public string? HearingNoticeNumber { get; set; }

    /// <summary>Decision due: 90 calendar days after 立案 (moved to the next working day), or the approved extension.</summary>
    public DateOnly? DecisionDue { get; set; }

    /// <summary>Total days allowed after an approved extension (120 or 180), 90 otherwise.</summary>
    public int DecisionDays { get; set; } = 90;

    public DateOnly? DecidedOn { get; set; }

    public long Fine { get; set; }

    public string? DecisionNumber { get; set; }

    public DateOnly? PublishDue { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public DateOnly? ServedOn { get; set; }

    public string? ServiceNumber { get; set; }

    /// <summary>缴款期限: 15 calendar days after 送达 (moved to the next working day).</summary>
    public DateOnly? PaymentDue { get; set; }

    public DateOnly? PaidOn { get; set; }

    public long LateFee { get; set; }

    public bool SuspectedCrime { get; set; }

    public DateTime? CrimeMarkedAtUtc { get; set; }

    public DateTime? TransferApprovedAtUtc { get; set; }

    public DateTime? TransferredAtUtc { get; set; }

    public string? TransferNumber { get; set; }

    public string? TransferReceipt { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ClosingNumber { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// Optimistic concurrency token: every step raises it and its UPDATE is conditional on the value read, so of two
    /// people posting a step at once only one succeeds; a form carries the version it was shown.
    /// </summary>
    public int Version { get; set; }

    public List<CaseStep> Steps { get; set; } = [];
}

/// <summary>One recorded step of a case (全过程记录): append-only — who, when, what, attachments.</summary>
internal sealed class CaseStep
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    /// <summary>The step's name (立案, 调查取证, 告知, …, or 期限逾期).</summary>
    public string Step { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>The account that recorded it.</summary>
    public string By { get; set; } = "";

    /// <summary>The officer who signed it (a valid 执法证), or the approver.</summary>
    public string SignedBy { get; set; } = "";

    public DateTime AtUtc { get; set; }

    /// <summary>The document number issued with the step, if any.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>A missed clock's key (e.g. "filing", "decision") when this step records one.</summary>
    public string? MissedClock { get; set; }

    public List<CaseFile> Files { get; set; } = [];
}

/// <summary>An attachment of a step (evidence), recognised by content and stored through IModuleFiles.</summary>
internal sealed class CaseFile
{
    public int Id { get; set; }

    public int CaseStepId { get; set; }

    public string Name { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";
}

/// <summary>
/// 执法+专家: an inspection's request for experts of one or more fields, sent to the expert pool as
/// <c>ExpertAssistanceRequested</c>; the answers come back as <see cref="ExpertHelper"/> rows (a local copy).
/// </summary>
internal sealed class ExpertRequest
{
    public int Id { get; set; }

    public int InspectionId { get; set; }

    /// <summary>The asking unit: the inspection's (null for the county bureau).</summary>
    public int? TownshipId { get; set; }

    public string UnitName { get; set; } = "";

    /// <summary>The fields asked for, separated by "；".</summary>
    public string Fields { get; set; } = "";

    public int Count { get; set; }

    public DateTime StartsAtUtc { get; set; }

    public string Location { get; set; } = "";

    public string Reason { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public DateTime RequestedAtUtc { get; set; }

    public List<ExpertHelper> Helpers { get; set; } = [];
}

/// <summary>
/// An expert's answer to an assistance request as the expert pool reported it (<c>ExpertAssistanceAnswered</c>), and,
/// for one who accepted, the participation the officer recorded (参与), which the pool counts.
/// </summary>
internal sealed class ExpertHelper
{
    public int Id { get; set; }

    public int ExpertRequestId { get; set; }

    /// <summary>The expert's id in the expert pool.</summary>
    public int ExpertId { get; set; }

    public string ExpertName { get; set; } = "";

    public string Employer { get; set; } = "";

    public bool Accepted { get; set; }

    public string DeclineReason { get; set; } = "";

    public DateTime AnsweredAtUtc { get; set; }

    /// <summary>The day the expert took part, as the officer recorded it; null until recorded.</summary>
    public DateOnly? ParticipatedOn { get; set; }

    public string? ParticipationNote { get; set; }

    public string? RecordedBy { get; set; }
}

/// <summary>案卷评查结论, from the score by the county's thresholds.</summary>
internal enum ReviewVerdict
{
    /// <summary>不合格.</summary>
    Failed = 0,

    /// <summary>合格.</summary>
    Passed = 1,

    /// <summary>优秀.</summary>
    Excellent = 2,
}

/// <summary>案卷评查: the county bureau's review of a closed case's file, with a score (0–100) and the verdict it gives; one per case.</summary>
internal sealed class CaseReview
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public DateOnly ReviewedOn { get; set; }

    /// <summary>评查人员 (names).</summary>
    public string Reviewers { get; set; } = "";

    public int Score { get; set; }

    public ReviewVerdict Verdict { get; set; }

    /// <summary>评查意见 (problems found in the file).</summary>
    public string Notes { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }
}
