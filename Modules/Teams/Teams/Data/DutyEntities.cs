namespace Emergency.Teams.Data;

/// <summary>值班岗位: the leader on duty (带班领导) or a staff member on duty (值班员).</summary>
internal enum DutyRole
{
    Leader = 0, // 带班领导
    Staff = 1, // 值班员
}

/// <summary>
/// 值班安排 (应急值守, 24 小时): one person on one day of a roster. The county's roster (kept by the county emergency
/// bureau) has <see cref="TownshipId"/> 0; a township's roster its township's id. Slot 0 is the leader on duty, slots
/// 1 and 2 the staff on duty; a slot is changed in place (so a swap asked for it still finds it).
/// </summary>
internal sealed class DutyShift
{
    /// <summary>The most staff on duty per day (slots 1..MaxStaff).</summary>
    public const int MaxStaff = 2;

    public int Id { get; set; }

    /// <summary>0: the county's roster; else the township's.</summary>
    public int TownshipId { get; set; }

    public DateOnly Date { get; set; }

    public int Slot { get; set; }

    public DutyRole Role => Slot == 0 ? DutyRole.Leader : DutyRole.Staff;

    public string Name { get; set; } = "";

    public string Mobile { get; set; } = "";

    /// <summary>The person's sign-in account, if any: the day-before notice goes to it, and with it they may ask for a swap.</summary>
    public string? UserName { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>换班申请的状态.</summary>
internal enum DutySwapStatus
{
    Asked = 0, // 待审批
    Approved = 1, // 已同意
    Refused = 2, // 未同意
}

/// <summary>
/// 换班: a person on duty asks to exchange their day with another person's day of the same roster and post; the
/// roster's keeper approves (the two shifts exchange their people) or refuses; the roster changes only on approval.
/// </summary>
internal sealed class DutySwap
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    public int ShiftId { get; set; }

    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";

    public string UserName { get; set; } = "";

    public int OtherShiftId { get; set; }

    public DateOnly OtherDate { get; set; }

    public string OtherName { get; set; } = "";

    public string? OtherUserName { get; set; }

    public string Reason { get; set; } = "";

    public DutySwapStatus Status { get; set; }

    public DateTime AskedAtUtc { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string DecisionNote { get; set; } = "";
}

/// <summary>值班记录的类别.</summary>
internal enum DutyLogKind
{
    Call = 0, // 来电
    Event = 1, // 事件
    Handover = 2, // 交接班
}

/// <summary>值班记录: one entry of a roster's day (a call, an event, the handover note), append-only, with who and when.</summary>
internal sealed class DutyLogEntry
{
    public long Id { get; set; }

    public int TownshipId { get; set; }

    public DateOnly Date { get; set; }

    public DutyLogKind Kind { get; set; }

    public string Text { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string By { get; set; } = "";

    public string ByName { get; set; } = "";
}

/// <summary>周值班计划: a village's duty for the seven days of a week (Monday first), filed with its township.</summary>
internal sealed class DutyPlan
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    public int VillageId { get; set; }

    public string VillageName { get; set; } = "";

    /// <summary>The Monday of the week.</summary>
    public DateOnly WeekStart { get; set; }

    public DateTime FiledAtUtc { get; set; }

    public string FiledBy { get; set; } = "";

    public List<DutyPlanDay> Days { get; set; } = [];
}

/// <summary>One day of a village's weekly duty plan: who is on duty and their phone.</summary>
internal sealed class DutyPlanDay
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";

    public string Mobile { get; set; } = "";
}
