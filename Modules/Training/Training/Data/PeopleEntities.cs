using Emergency.BuildingBlocks.Tenancy;

namespace Emergency.Training.Data;

/// <summary>
/// A person another module already knows (a rescue team member from Teams, a grid member from Grid): Training's
/// read copy, kept by the integration handlers (one row per source module and source id, updated idempotently),
/// so an organiser can invite them and a trainer can tick their 五知十会.
/// </summary>
internal sealed class KnownPerson
{
    public const string FromTeams = "teams";

    public const string FromGrid = "grid";

    public int Id { get; set; }

    /// <summary>"teams" or "grid".</summary>
    public string SourceModule { get; set; } = "";

    /// <summary>The person's id in the source module (a team member's or grid member's id).</summary>
    public int SourceId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>居民身份证号码, "" when the source does not know it.</summary>
    public string IdCard { get; set; } = "";

    public string Mobile { get; set; } = "";

    /// <summary>The unit the person belongs to (a team's owner unit, a grid member's village).</summary>
    public UnitKind UnitKind { get; set; }

    public int UnitId { get; set; }

    public string UnitName { get; set; } = "";

    /// <summary>The township of the unit (itself for a township, 0 for a department).</summary>
    public int TownshipId { get; set; }

    /// <summary>队员 or 网格员.</summary>
    public string Role { get; set; } = "";

    /// <summary>The team's or the grids' name.</summary>
    public string Detail { get; set; } = "";

    public bool Active { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>
/// One ticked item of a person's 五知十会 checklist: of a known person, or of an invitee who is not one; who ticked
/// it and when. Un-ticking removes the row.
/// </summary>
internal sealed class SkillTick
{
    public int Id { get; set; }

    public int? KnownPersonId { get; set; }

    public int? InviteeId { get; set; }

    /// <summary>The item's number in <see cref="Domain.SkillItems"/> (1–5 五知, 6–15 十会).</summary>
    public int Item { get; set; }

    public string TickedBy { get; set; } = "";

    public string TickedByName { get; set; } = "";

    public DateTime TickedAtUtc { get; set; }
}
