using Emergency.Experts.Contracts;

namespace Emergency.Experts.Data;

/// <summary>The four categories of emergencies (seed 000).</summary>
internal enum ExpertCategory
{
    NaturalDisaster = 0, // 自然灾害类
    AccidentDisaster = 1, // 事故灾难类
    PublicHealth = 2, // 公共卫生类
    SocialSecurity = 3, // 社会安全类
}

/// <summary>A field (领域) of a category, with the units responsible for recommending experts in it (推荐分工).</summary>
internal sealed class Field
{
    public int Id { get; set; }

    public ExpertCategory Category { get; set; }

    public string Name { get; set; } = "";

    /// <summary>推荐分工: the recommending department(s), as the county names them, e.g. "水利局".</summary>
    public string RecommendingUnits { get; set; } = "";

    public int SortOrder { get; set; }

    /// <summary>A field no longer used stays for the experts that hold it but is not offered for new ones.</summary>
    public bool Active { get; set; } = true;
}

internal enum Gender
{
    Male = 0,
    Female = 1,
}

internal enum RoundStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>A recommendation round (专家推荐) opened by the county with a deadline and a filing deadline.</summary>
internal sealed class RecommendationRound
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string? Notes { get; set; }

    /// <summary>推荐截止 (seed: 1月15日).</summary>
    public DateTime DeadlineUtc { get; set; }

    /// <summary>部门专家队伍备案截止 (seed: 1月20日).</summary>
    public DateTime FilingDeadlineUtc { get; set; }

    public RoundStatus Status { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public List<RoundUnit> Units { get; set; } = [];
}

/// <summary>A unit invited to recommend in a round; <see cref="SubmittedAtUtc"/> once it has sent its recommendations in.</summary>
internal sealed class RoundUnit
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    /// <summary>The unit, as <c>UnitInfo.Key</c> ("department:3", "township:2").</summary>
    public string UnitKey { get; set; } = "";

    public string UnitName { get; set; } = "";

    public DateTime? SubmittedAtUtc { get; set; }
}

internal enum RecommendationStatus
{
    Submitted = 0, // 已推荐，待遴选
    Passed = 1, // 遴选通过，待应急委批准
    Rejected = 2, // 未通过
    Admitted = 3, // 已批准入库
    Withdrawn = 4, // 推荐单位撤回
}

/// <summary>A 推荐表: one candidate recommended by a unit, reviewed and decided; kept with its reasons whatever the outcome.</summary>
internal sealed class Recommendation
{
    public int Id { get; set; }

    public int? RoundId { get; set; }

    public string UnitKey { get; set; } = "";

    public string UnitName { get; set; } = "";

    public ExpertTeamLevel Level { get; set; }

    public string Name { get; set; } = "";

    public Gender Gender { get; set; }

    public DateOnly BirthDate { get; set; }

    public string IdCardNumber { get; set; } = "";

    public string Employer { get; set; } = "";

    /// <summary>职称.</summary>
    public string Title { get; set; } = "";

    public string Specialty { get; set; } = "";

    public int FieldId { get; set; }

    public Field? Field { get; set; }

    public string Mobile { get; set; } = "";

    public string? Email { get; set; }

    /// <summary>工作经历及主要业绩.</summary>
    public string Experience { get; set; } = "";

    /// <summary>推荐单位意见.</summary>
    public string UnitOpinion { get; set; } = "";

    public RecommendationStatus Status { get; set; }

    public string? ReviewNote { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public int? ExpertId { get; set; }

    public string SubmittedBy { get; set; } = "";

    public DateTime SubmittedAtUtc { get; set; }
}

internal enum ExpertStatus
{
    Active = 0, // 在库
    Exited = 1, // 自愿退出
    Disqualified = 2, // 取消资格
    Dismissed = 3, // 解聘
    Expired = 4, // 聘期届满
}

/// <summary>An admitted expert: the archive (专家档案) everything else refers to.</summary>
internal sealed class Expert
{
    public int Id { get; set; }

    public int? RecommendationId { get; set; }

    public string Name { get; set; } = "";

    public Gender Gender { get; set; }

    public DateOnly BirthDate { get; set; }

    public string IdCardNumber { get; set; } = "";

    public string Employer { get; set; } = "";

    /// <summary>Where the yearly feedback letter and exit notices go (工作单位邮箱).</summary>
    public string? EmployerEmail { get; set; }

    public string Title { get; set; } = "";

    public string Specialty { get; set; } = "";

    public string Mobile { get; set; } = "";

    public string? Email { get; set; }

    public ExpertTeamLevel Level { get; set; }

    /// <summary>The department whose team the expert is in (department level), or that recommended them (county level).</summary>
    public int? DepartmentId { get; set; }

    public string? DepartmentName { get; set; }

    public string CertificateNumber { get; set; } = "";

    public DateOnly TermStart { get; set; }

    public DateOnly TermEnd { get; set; }

    public ExpertStatus Status { get; set; }

    public string? StatusReason { get; set; }

    public DateTime? StatusChangedAtUtc { get; set; }

    /// <summary>Unexcused absences in a row from regular activities; reset by attendance or an excused absence.</summary>
    public int ConsecutiveUnexcusedAbsences { get; set; }

    public int ParticipationCount { get; set; }

    public int RatingTotal { get; set; }

    public int RatingCount { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>A department team's change is filed (报备) with the county; the county acknowledges it.</summary>
    public DateTime? FiledAtUtc { get; set; }

    public List<ExpertField> Fields { get; set; } = [];
}

internal sealed class ExpertField
{
    public int ExpertId { get; set; }

    public int FieldId { get; set; }

    public Field? Field { get; set; }
}

/// <summary>A period the expert declared unavailable (kept apart from dispatch records).</summary>
internal sealed class Unavailability
{
    public int Id { get; set; }

    public int ExpertId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public string Reason { get; set; } = "";
}

internal enum ParticipationKind
{
    Dispatch = 0, // 调用
    Meeting = 1, // 会商
    Training = 2, // 培训
    Inspection = 3, // 执法检查
    Other = 4,
}

/// <summary>One entry of an expert's participation history (履职记录): what, when, for whom, how it went.</summary>
internal sealed class Participation
{
    public long Id { get; set; }

    public int ExpertId { get; set; }

    public ParticipationKind Kind { get; set; }

    public int? ReferenceId { get; set; }

    public string Title { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public int? DepartmentId { get; set; }

    public string? DepartmentName { get; set; }

    /// <summary>1–5, given by the organiser after the work.</summary>
    public int? Rating { get; set; }

    public bool Classified { get; set; }
}

/// <summary>A dispatch notice (调用通知) by a competent department for an incident or task.</summary>
internal sealed class Dispatch
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Location { get; set; } = "";

    public int? FieldId { get; set; }

    public DateTime StartsAtUtc { get; set; }

    /// <summary>Experts answer by this time; those who have not are reminded.</summary>
    public DateTime AnswerByUtc { get; set; }

    public int DepartmentId { get; set; }

    public string DepartmentName { get; set; } = "";

    /// <summary>涉密: only the invited experts and users with the right role see its content.</summary>
    public bool Classified { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The assistance request (执法+专家) this dispatch answers, if any: its answers go back to the asking module.</summary>
    public int? AssistanceRequestId { get; set; }

    public List<DispatchAssignment> Assignments { get; set; } = [];
}

/// <summary>
/// 执法+专家: another module's request for experts (Enforcement's <c>ExpertAssistanceRequested</c>), kept until the
/// bureau turns it into a dispatch (on its 我的待办): the pool has no rule to pick experts by itself, a person picks
/// them on the dispatch page, which is prefilled from the request.
/// </summary>
internal sealed class AssistanceRequest
{
    public int Id { get; set; }

    /// <summary>The asking module ("enforcement").</summary>
    public string Source { get; set; } = "";

    /// <summary>The request's id in the asking module (sent back with every answer).</summary>
    public int ReferenceId { get; set; }

    public int InspectionId { get; set; }

    public string UnitName { get; set; } = "";

    public string TargetName { get; set; } = "";

    /// <summary>The fields asked for, by name, separated by "；".</summary>
    public string Fields { get; set; } = "";

    /// <summary>The first field asked for that the pool knows (active), to suggest experts.</summary>
    public int? FieldId { get; set; }

    public int Count { get; set; }

    public DateTime StartsAtUtc { get; set; }

    public string Location { get; set; } = "";

    public string Reason { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>The dispatch made for it; null while it waits on the bureau's 我的待办.</summary>
    public int? DispatchId { get; set; }
}

internal enum AnswerStatus
{
    Pending = 0, // 待答复
    Accepted = 1, // 接受
    Declined = 2, // 谢绝
}

/// <summary>How a dispatch answer was given.</summary>
internal enum AnswerSource
{
    Link = 0, // 链接答复
    Phone = 1, // 电话答复
}

/// <summary>One expert on a dispatch: the answer given through the signed link or by phone, once.</summary>
internal sealed class DispatchAssignment
{
    public int Id { get; set; }

    public int DispatchId { get; set; }

    public int ExpertId { get; set; }

    /// <summary>The expert belongs to another department's team (跨部门调用).</summary>
    public bool CrossDepartment { get; set; }

    public AnswerStatus Answer { get; set; }

    public string? DeclineReason { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }

    /// <summary>SHA-256 of the link's secret; the link works while the answer is pending.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>How the answer came in: the expert's link, or a call the organiser took (电话答复).</summary>
    public AnswerSource AnswerSource { get; set; }

    /// <summary>The account that took a phone answer; null for a link answer.</summary>
    public string? AnswerTakenBy { get; set; }

    public int? Rating { get; set; }
}

internal enum MeetingKind
{
    Assessment = 0, // 研判会
    Analysis = 1, // 分析会
    Consultation = 2, // 会商会
}

internal enum MeetingStatus
{
    Planned = 0,
    Held = 1,
    Cancelled = 2,
}

/// <summary>A consultation meeting (会商) with invited experts, attendance and its output report.</summary>
internal sealed class Meeting
{
    public int Id { get; set; }

    public MeetingKind Kind { get; set; }

    public string Topic { get; set; } = "";

    public DateTime StartsAtUtc { get; set; }

    public string Place { get; set; } = "";

    public bool Classified { get; set; }

    public int DepartmentId { get; set; }

    public string DepartmentName { get; set; } = "";

    public MeetingStatus Status { get; set; }

    /// <summary>趋势分析和对策报告 (text; an attached file is kept beside the store).</summary>
    public string? Report { get; set; }

    public string? ReportFileName { get; set; }

    /// <summary>The attachment's name in the module's file store (<c>IModuleFiles</c>).</summary>
    public string? ReportStoredName { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the organiser called the meeting off before it started (status <see cref="MeetingStatus.Cancelled"/>).</summary>
    public DateTime? CancelledAtUtc { get; set; }

    public string? CancelledBy { get; set; }

    /// <summary>取消原因, required when cancelling; shown on the meeting and in the notices to the invited.</summary>
    public string? CancelReason { get; set; }

    public List<MeetingInvitation> Invitations { get; set; } = [];
}

internal enum Attendance
{
    Unrecorded = 0,
    Present = 1, // 出席
    Excused = 2, // 请假
    Unexcused = 3, // 无故缺席
}

internal sealed class MeetingInvitation
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int ExpertId { get; set; }

    public Attendance Attendance { get; set; }

    public string? ExcuseReason { get; set; }

    public int? Rating { get; set; }
}

internal enum ExitRequestStatus
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
}

/// <summary>A voluntary exit application (退出申请) and its decision.</summary>
internal sealed class ExitRequest
{
    public int Id { get; set; }

    public int ExpertId { get; set; }

    public string Reason { get; set; } = "";

    public ExitRequestStatus Status { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTime RequestedAtUtc { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? DecisionNote { get; set; }
}

/// <summary>Why an expert is put up for disqualification (seed 000: 连续两次无正当理由不参加…, 无故不接受指派任务, 违反相关规定和纪律, 违反保密规定).</summary>
internal enum DisqualificationCause
{
    RefusedDispatch = 0, // 谢绝调用
    Absences = 1, // 连续无故缺席
    Misconduct = 2, // 违纪
    Confidentiality = 3, // 泄密（违反保密规定）
}

internal enum ReviewStatus
{
    Pending = 0, // 待研判
    Confirmed = 1, // 已确认，取消资格
    Dismissed = 2, // 不予取消
    Withdrawn = 3, // 已撤销（出席情况更正后不再满足条件）
}

/// <summary>
/// 取消资格研判: a refusal or the N-th consecutive unexcused absence puts the expert on the bureau's list to
/// confirm (the expert is disqualified) or dismiss with a reason; a disqualification by hand is recorded here
/// already confirmed. At most one pending review per expert and cause.
/// </summary>
internal sealed class DisqualificationReview
{
    public int Id { get; set; }

    public int ExpertId { get; set; }

    public DisqualificationCause Cause { get; set; }

    /// <summary>What happened (the dispatch and the reason given, the absences, the misconduct).</summary>
    public string Detail { get; set; } = "";

    /// <summary>The dispatch refused or the meeting of the latest absence; null for a disqualification by hand.</summary>
    public int? ReferenceId { get; set; }

    public ReviewStatus Status { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The account that opened it by hand; null when the rule opened it.</summary>
    public string? CreatedBy { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>The bureau's note (required when dismissing).</summary>
    public string? DecisionNote { get; set; }
}

internal enum ExpertChangeStatus
{
    Pending = 0, // 待确认
    Applied = 1, // 已生效
    Rejected = 2, // 已退回
}

/// <summary>
/// 专家信息变更: an edit of an admitted expert's contacts, employer, title or fields, written as old→new lines.
/// The county manager's edit applies at once; the expert's department files it (报备) and the bureau confirms it.
/// </summary>
internal sealed class ExpertChange
{
    public int Id { get; set; }

    public int ExpertId { get; set; }

    /// <summary>The expert's department when the change was made (the department's filing counts its changes).</summary>
    public int? DepartmentId { get; set; }

    public ExpertChangeStatus Status { get; set; }

    /// <summary>One line per changed field, "手机：旧 → 新", separated by new lines.</summary>
    public string Lines { get; set; } = "";

    /// <summary>The values to apply (JSON of <c>ExpertEdit</c>).</summary>
    public string Proposed { get; set; } = "";

    public string ProposedBy { get; set; } = "";

    public string? ProposedByUnit { get; set; }

    public DateTime ProposedAtUtc { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? RejectReason { get; set; }
}

/// <summary>备案: a department files its expert team (the list of names) with the county for a year.</summary>
internal sealed class TeamFiling
{
    public int Id { get; set; }

    public int Year { get; set; }

    public int DepartmentId { get; set; }

    public string DepartmentName { get; set; } = "";

    public int ExpertCount { get; set; }

    /// <summary>Changes since the department's previous filing: admissions, exits and applied edits of its team.</summary>
    public int ChangeCount { get; set; }

    /// <summary>The filed list (备案报名单): "姓名（证书编号）", separated by "、".</summary>
    public string Names { get; set; } = "";

    public string FiledBy { get; set; } = "";

    public DateTime FiledAtUtc { get; set; }
}
