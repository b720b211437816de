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
