namespace Emergency.Training.Data;

/// <summary>
/// A plan in force that Plans issued (<c>PlanIssued</c>): Training's read copy, one row per plan kept by the
/// integration handlers (a newer version replaces the older one's entry, an older or repeated event changes
/// nothing), so a drill's organiser can pick the plan the drill exercises.
/// </summary>
internal sealed class KnownPlan
{
    public int Id { get; set; }

    /// <summary>The plan's id in Plans (carried by the drill and its <c>DrillCompleted</c>).</summary>
    public int PlanId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The plan type's name as Plans calls it (e.g. "TownshipGeneral").</summary>
    public string Type { get; set; } = "";

    public string? Category { get; set; }

    public int? DepartmentId { get; set; }

    /// <summary>The owning township, or the township of the owning village; null for county and department plans.</summary>
    public int? TownshipId { get; set; }

    public int? VillageId { get; set; }

    /// <summary>The owner unit's name (县人民政府 for a county plan).</summary>
    public string OwnerName { get; set; } = "";

    /// <summary>The version in force (1, 2, …).</summary>
    public int Version { get; set; }

    public DateOnly IssuedOn { get; set; }

    public string DocumentNumber { get; set; } = "";

    /// <summary>The version in force was filed (备案: registered or deemed filed).</summary>
    public bool Filed { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>
/// The version of a user's calendar-feed link (重置订阅链接): the signed link carries the stamp it was made with, and
/// a link whose stamp is not the user's current one is refused. No row means stamp 0 (never reset).
/// </summary>
internal sealed class FeedStamp
{
    public int Id { get; set; }

    public string UserName { get; set; } = "";

    public int Stamp { get; set; }

    public DateTime ResetAtUtc { get; set; }
}
