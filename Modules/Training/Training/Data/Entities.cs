using Emergency.BuildingBlocks.Tenancy;

namespace Emergency.Training.Data;

/// <summary>The kinds of training session (seed 004: 集中授课、网上培训、现场教学、参与应急演练; and 比武).</summary>
internal enum SessionKind
{
    /// <summary>集中授课.</summary>
    Lecture = 0,

    /// <summary>网上培训.</summary>
    Online = 1,

    /// <summary>现场教学.</summary>
    OnSite = 2,

    /// <summary>随演练.</summary>
    WithDrill = 3,

    /// <summary>比武.</summary>
    Contest = 4,
}

internal enum SessionStatus
{
    /// <summary>已安排: invitees are reminded before it.</summary>
    Scheduled = 0,

    /// <summary>已结束: attendance recorded, days delivered to its target units.</summary>
    Closed = 1,

    /// <summary>已取消.</summary>
    Cancelled = 2,
}

internal enum Attendance
{
    /// <summary>未登记.</summary>
    Unrecorded = 0,

    /// <summary>出席.</summary>
    Present = 1,

    /// <summary>请假.</summary>
    Excused = 2,

    /// <summary>缺席.</summary>
    Absent = 3,
}

/// <summary>
/// A training session (培训): organised by the county (a department or the county admin) for townships, or by
/// a township for its villages. <see cref="Version"/> counts the schedule's changes (move): reminders are keyed
/// by it, so a reminder of an old time is never sent; it is also the calendar's SEQUENCE.
/// </summary>
internal sealed class TrainingSession : ICalendarItem
{
    public int Id { get; set; }

    public SessionKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    public DateTime StartsAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    public string Place { get; set; } = "";

    public string Trainer { get; set; } = "";

    public double Hours { get; set; }

    /// <summary>Training days the session counts for each target unit (entered, or hours / 8 rounded to half days).</summary>
    public double Days { get; set; }

    /// <summary>The organising township (a township's session for its villages), null for a county session.</summary>
    public int? TownshipId { get; set; }

    /// <summary>The organising department, null for the county admin's or a township's session.</summary>
    public int? DepartmentId { get; set; }

    public string OrganiserName { get; set; } = "";

    public SessionStatus Status { get; set; }

    /// <summary>0 when scheduled, +1 at each move.</summary>
    public int Version { get; set; }

    /// <summary>When the current schedule (version) was set: a lead time already past then is not reminded.</summary>
    public DateTime VersionAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public string? CancelReason { get; set; }

    public DateTime? CancelledAtUtc { get; set; }

    public List<SessionTarget> Targets { get; set; } = [];

    public List<Invitee> Invitees { get; set; } = [];

    string ICalendarItem.CalendarKey => "session";

    string ICalendarItem.CalendarTitle => Title;

    string ICalendarItem.CalendarDescription => $"{Content}\n授课人：{Trainer}\n组织单位：{OrganiserName}";
}

/// <summary>A unit a session is for (a township of a county session, a village of a township's session).</summary>
internal sealed class SessionTarget
{
    public int SessionId { get; set; }

    public UnitKind UnitKind { get; set; }

    public int UnitId { get; set; }

    public string UnitName { get; set; } = "";

    /// <summary>The township of the unit (itself for a township): what a township user's scope filters by.</summary>
    public int TownshipId { get; set; }
}

/// <summary>A person invited to a session, with the sign-in sheet's line (attendance, score, pass).</summary>
internal sealed class Invitee
{
    public int Id { get; set; }

    public int SessionId { get; set; }

    public string Name { get; set; } = "";

    public string UnitName { get; set; } = "";

    public string? Email { get; set; }

    public string? Mobile { get; set; }

    public string IdCard { get; set; } = "";

    /// <summary>The known person (from Teams or Grid) this invitee was picked from, if any.</summary>
    public int? KnownPersonId { get; set; }

    public Attendance Attendance { get; set; }

    public int? Score { get; set; }

    public bool Passed { get; set; }
}

/// <summary>A unit found short of its yearly training days on the check date (one row per unit and year).</summary>
internal sealed class Shortfall
{
    public int Id { get; set; }

    public int Year { get; set; }

    public UnitKind UnitKind { get; set; }

    public int UnitId { get; set; }

    public string UnitName { get; set; } = "";

    /// <summary>The township of the unit (itself for a township).</summary>
    public int TownshipId { get; set; }

    public double DaysOwed { get; set; }

    public DateTime FoundAtUtc { get; set; }
}

/// <summary>
/// What the reminder job and the calendar attachment need of a scheduled item (a session or a drill): its key in
/// reminder keys and the calendar UID ("session", "drill"), its schedule and its schedule's version.
/// </summary>
internal interface ICalendarItem
{
    /// <summary>"session" or "drill": the first part of its reminder keys and of its calendar UID.</summary>
    string CalendarKey { get; }

    int Id { get; }

    string CalendarTitle { get; }

    string Place { get; }

    string OrganiserName { get; }

    /// <summary>The calendar entry's description (content, trainer / scenario, organiser).</summary>
    string CalendarDescription { get; }

    DateTime StartsAtUtc { get; }

    DateTime EndsAtUtc { get; }

    int Version { get; }

    DateTime VersionAtUtc { get; }
}

internal enum DrillStatus
{
    /// <summary>已计划: participating units are reminded before it.</summary>
    Planned = 0,

    /// <summary>已结束: recorded with its evaluation report.</summary>
    Closed = 1,

    /// <summary>已取消.</summary>
    Cancelled = 2,
}

/// <summary>
/// A drill (应急演练) of a plan (the plan's name by hand until Plans exists): organised by the county (a department or
/// the county admin) or a township, with participating units, teams and observers; after it, what happened, photos,
/// the problems found, improvements and the evaluation report (演练评估报告), without which it cannot be closed.
/// </summary>
internal sealed class Drill : ICalendarItem
{
    public int Id { get; set; }

    public string PlanName { get; set; } = "";

    /// <summary>The plan's id in Plans when the organiser picked it from the issued plans (<see cref="KnownPlan"/>); null for a name entered by hand.</summary>
    public int? PlanId { get; set; }

    public Contracts.DrillKind Kind { get; set; }

    public string Scenario { get; set; } = "";

    public DateTime StartsAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    public string Place { get; set; } = "";

    /// <summary>The organising township, null for a county drill.</summary>
    public int? TownshipId { get; set; }

    /// <summary>The organising department, null for the county admin's or a township's drill.</summary>
    public int? DepartmentId { get; set; }

    public string OrganiserName { get; set; } = "";

    /// <summary>Participating teams, one name a line (by hand until Teams offers its list).</summary>
    public string Teams { get; set; } = "";

    /// <summary>观摩人员 / 观摩单位, free text.</summary>
    public string Observers { get; set; } = "";

    public DrillStatus Status { get; set; }

    public int Version { get; set; }

    public DateTime VersionAtUtc { get; set; }

    /// <summary>演练实施情况.</summary>
    public string Account { get; set; } = "";

    /// <summary>改进措施.</summary>
    public string Improvements { get; set; } = "";

    /// <summary>演练评估报告 (text); required to close.</summary>
    public string EvaluationReport { get; set; } = "";

    /// <summary>The uploaded evaluation report's name in the module's file store, if any.</summary>
    public string? EvaluationFileName { get; set; }

    public string? EvaluationContentType { get; set; }

    /// <summary>The uploaded file's own name, shown on the link.</summary>
    public string? EvaluationOriginalName { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public string? CancelReason { get; set; }

    public DateTime? CancelledAtUtc { get; set; }

    public List<DrillUnit> Units { get; set; } = [];

    public List<DrillProblem> Problems { get; set; } = [];

    public List<DrillPhoto> Photos { get; set; } = [];

    string ICalendarItem.CalendarKey => "drill";

    string ICalendarItem.CalendarTitle => "演练：" + PlanName;

    string ICalendarItem.CalendarDescription => $"{Scenario}\n组织单位：{OrganiserName}";
}

/// <summary>A unit taking part in a drill (township, village or department).</summary>
internal sealed class DrillUnit
{
    public int DrillId { get; set; }

    public UnitKind UnitKind { get; set; }

    public int UnitId { get; set; }

    public string UnitName { get; set; } = "";

    /// <summary>The township of the unit (itself for a township, 0 for a department).</summary>
    public int TownshipId { get; set; }
}

/// <summary>A problem found in a drill (演练发现的问题), in the order entered.</summary>
internal sealed class DrillProblem
{
    public int Id { get; set; }

    public int DrillId { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>A photo of a drill, in the module's file store (IModuleFiles).</summary>
internal sealed class DrillPhoto
{
    public int Id { get; set; }

    public int DrillId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>The kinds of certificate the county records.</summary>
internal enum CertificateKind
{
    /// <summary>培训合格证.</summary>
    TrainingPassed = 0,

    /// <summary>执法证培训.</summary>
    LawEnforcement = 1,

    /// <summary>队伍资格.</summary>
    TeamQualification = 2,
}

/// <summary>
/// A certificate (证书): issued by hand or from a passed attendee of a closed session; its number is unique per kind
/// in the county. The holder's unit is told once before its expiry.
/// </summary>
internal sealed class Certificate
{
    public int Id { get; set; }

    public CertificateKind Kind { get; set; }

    public string Number { get; set; } = "";

    public string HolderName { get; set; } = "";

    /// <summary>居民身份证号码, "" when not recorded.</summary>
    public string IdCard { get; set; } = "";

    public UnitKind UnitKind { get; set; }

    public int UnitId { get; set; }

    public string UnitName { get; set; } = "";

    /// <summary>The township of the holder's unit (itself for a township, 0 for a department).</summary>
    public int TownshipId { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The session it was issued from, if any.</summary>
    public int? SessionId { get; set; }

    public int? InviteeId { get; set; }

    public string IssuedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}
