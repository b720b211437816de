namespace Emergency.Grid.Data;

/// <summary>Every change to a grid member: who, when, what (新增, 修改, 停用, 启用, 关联账号) and why.</summary>
internal sealed class MemberHistory
{
    public long Id { get; set; }

    public int MemberId { get; set; }

    public DateTime AtUtc { get; set; }

    public string By { get; set; } = "";

    public string Action { get; set; } = "";

    public string? Reason { get; set; }
}

/// <summary>A patrol (巡查) of a grid by its grid member: what was checked, and either "no hazard found" or the hazards reported.</summary>
internal sealed class Patrol
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    public int VillageId { get; set; }

    public int GridId { get; set; }

    public string GridName { get; set; } = "";

    public int MemberId { get; set; }

    public string MemberName { get; set; } = "";

    /// <summary>The account that recorded it.</summary>
    public string By { get; set; } = "";

    /// <summary>When the patrol took place (UTC, never in the future).</summary>
    public DateTime PatrolledAtUtc { get; set; }

    /// <summary>What was checked (巡查内容).</summary>
    public string Checked { get; set; } = "";

    /// <summary>未发现隐患; otherwise <see cref="Hazards"/> lists what was reported.</summary>
    public bool NoHazardFound { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public List<PatrolHazard> Hazards { get; set; } = [];
}

internal sealed class PatrolHazard
{
    public int PatrolId { get; set; }

    public int HazardId { get; set; }
}

/// <summary>初报, 续报 (follow-up with updated figures), 核报 (the township's confirmed figures: the series ends).</summary>
internal enum DisasterStage
{
    Initial = 0, // 初报
    FollowUp = 1, // 续报
    Final = 2, // 核报
}

/// <summary>The figures of one stage of a disaster report; the report's own columns hold the latest.</summary>
internal sealed class DisasterFigures
{
    public long Id { get; set; }

    public int ReportId { get; set; }

    public DisasterStage Stage { get; set; }

    public DateTime AtUtc { get; set; }

    public string By { get; set; } = "";

    public int AffectedPeople { get; set; }

    public int Dead { get; set; }

    public int Missing { get; set; }

    public int Injured { get; set; }

    /// <summary>转移安置人数.</summary>
    public int Relocated { get; set; }

    public int HousesDamaged { get; set; }

    /// <summary>直接经济损失（万元）.</summary>
    public decimal DirectLoss { get; set; }

    public string? Note { get; set; }

    public bool HasCasualties => Dead > 0 || Missing > 0 || Injured > 0;
}

internal sealed partial class DisasterReport
{
    /// <summary>转移安置人数 (latest figures).</summary>
    public int Relocated { get; set; }

    /// <summary>The stage of the latest figures; after 核报 no 续报 follows.</summary>
    public DisasterStage Stage { get; set; }

    public List<DisasterFigures> Figures { get; set; } = [];

    /// <summary>Takes the figures of a new stage as the report's latest.</summary>
    public void Take(DisasterFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        Stage = figures.Stage;
        AffectedPeople = figures.AffectedPeople;
        Dead = figures.Dead;
        Missing = figures.Missing;
        Injured = figures.Injured;
        Relocated = figures.Relocated;
        HousesDamaged = figures.HousesDamaged;
        DirectLoss = figures.DirectLoss;
        Figures.Add(figures);
    }
}

internal sealed partial class GridMember
{
    public List<MemberHistory> History { get; set; } = [];
}
