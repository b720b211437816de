namespace Emergency.Teams.Data;

/// <summary>What a township asks the county for (一张网): supplies of one kind, or rescuers.</summary>
internal enum SupportNeed
{
    Supplies = 0, // 物资
    Rescuers = 1, // 救援力量
}

/// <summary>
/// 支援申请的状态 (see <c>SupportFlow</c> for the one transition table): the township asks, the county emergency bureau
/// assigns a supplier, the supplier confirms (or declines, back to the county), the township closes it with what came.
/// </summary>
internal enum SupportStatus
{
    Requested = 0, // 待县应急局指派
    Assigned = 1, // 待支援单位确认
    Confirmed = 2, // 支援中（待申请单位结案）
    Closed = 3, // 已结案
    Cancelled = 4, // 已撤回
}

/// <summary>The steps of a support request, as its history records them.</summary>
internal enum SupportAction
{
    Request = 0, // 提出申请
    Assign = 1, // 指派
    Confirm = 2, // 确认支援
    Decline = 3, // 无法支援
    Close = 4, // 结案
    Cancel = 5, // 撤回
}

/// <summary>
/// 支援申请 (一张网, seeds 002/004: 跨乡镇调度): a township asks the county for supplies or rescuers, for a place and a
/// time. The supplier is a team (another township's or a county team) or a storage site (another township's or the
/// county warehouse); its unit (township or department) confirms. Supplies move by a 调拨 on confirmation into the
/// township's receiving site.
/// </summary>
internal sealed class SupportRequest
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    public string TownshipName { get; set; } = "";

    public SupportNeed Need { get; set; }

    /// <summary>Supplies: the kind asked for.</summary>
    public int? SupplyKindId { get; set; }

    /// <summary>Supplies: the quantity; rescuers: the number of people.</summary>
    public int Quantity { get; set; }

    /// <summary>Rescuers: the kind of team wanted (e.g. 水上救援), free text.</summary>
    public string TeamNeed { get; set; } = "";

    /// <summary>Supplies: the township's site that receives them.</summary>
    public int? ReceivingSiteId { get; set; }

    public string Place { get; set; } = "";

    /// <summary>Needed by (UTC; entered and shown in China time).</summary>
    public DateTime NeededByUtc { get; set; }

    public string Reason { get; set; } = "";

    public SupportStatus Status { get; set; }

    public int? SupplierTeamId { get; set; }

    public int? SupplierSiteId { get; set; }

    /// <summary>The supplying unit (a township or a department): who confirms.</summary>
    public int? SupplierTownshipId { get; set; }

    public int? SupplierDepartmentId { get; set; }

    /// <summary>The team's or site's name and its owner, as when assigned.</summary>
    public string SupplierName { get; set; } = "";

    public Guid? TransferId { get; set; }

    /// <summary>What was delivered, as the township closed it.</summary>
    public string Delivered { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>Entered by the county emergency bureau on the township's behalf (代为申请), e.g. when the township called in.</summary>
    public bool OnBehalf { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<SupportStep> Steps { get; set; } = [];

    public SupplyKind? SupplyKind { get; set; }
}

/// <summary>One step of a support request: who did what when.</summary>
internal sealed class SupportStep
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    public SupportAction Action { get; set; }

    public SupportStatus From { get; set; }

    public SupportStatus To { get; set; }

    public string Note { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string By { get; set; } = "";

    public string ByName { get; set; } = "";
}

/// <summary>镇企联动协议的状态.</summary>
internal enum AgreementStatus
{
    Active = 0, // 有效
    Terminated = 1, // 已终止
}

/// <summary>
/// 镇企联动协议 (seed 004): between a township and an enterprise, what each provides (teams, supplies, drills), valid
/// from/to; the township is reminded before it expires (teams.agreement-expiry-lead-days).
/// </summary>
internal sealed class Agreement
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    public string TownshipName { get; set; } = "";

    public string EnterpriseName { get; set; } = "";

    public string ContactName { get; set; } = "";

    public string ContactMobile { get; set; } = "";

    /// <summary>What the township provides (text).</summary>
    public string TownshipProvides { get; set; } = "";

    /// <summary>What the enterprise provides: team, supplies, drills (text).</summary>
    public string EnterpriseProvides { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly ValidTo { get; set; }

    public AgreementStatus Status { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }
}
