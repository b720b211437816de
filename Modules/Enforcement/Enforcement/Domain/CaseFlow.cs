using Emergency.Enforcement.Data;

namespace Emergency.Enforcement.Domain;

/// <summary>What a user does to a case (one step of the 行政处罚 procedure).</summary>
internal enum CaseAction
{
    /// <summary>立案 (a case the township referred to the county).</summary>
    File,

    /// <summary>调查取证: add evidence files.</summary>
    Evidence,

    /// <summary>调查终结.</summary>
    Investigate,

    /// <summary>告知拟处罚（陈述申辩、听证权利）.</summary>
    Notify,

    /// <summary>法制审核.</summary>
    Review,

    /// <summary>集体讨论.</summary>
    Discuss,

    /// <summary>作出处罚决定.</summary>
    Decide,

    /// <summary>延长决定期限（经批准）.</summary>
    Extend,

    /// <summary>送达.</summary>
    Serve,

    /// <summary>公示.</summary>
    Publish,

    /// <summary>执行（缴纳罚款及加处罚款）.</summary>
    Execute,

    /// <summary>认定涉嫌犯罪.</summary>
    MarkCrime,

    /// <summary>批准移送公安机关.</summary>
    ApproveTransfer,

    /// <summary>移送公安机关（附回执）.</summary>
    Transfer,

    /// <summary>结案（经审批）.</summary>
    Close,
}

/// <summary>
/// The case state machine: one table of (state, action) → next state. An action the table does not hold for the
/// case's state is a skipped (or repeated) step: refused with a message naming what comes next, nothing changed.
/// The rules that depend on the case (法制审核 before a major decision, transfer before closing a crime case) are the
/// guards in <see cref="Cases"/>.
/// </summary>
internal static class CaseFlow
{
    private static readonly CaseAction[] Side = [CaseAction.MarkCrime, CaseAction.ApproveTransfer, CaseAction.Transfer, CaseAction.Extend, CaseAction.Publish];

    private static readonly Dictionary<(CaseState From, CaseAction Action), CaseState> Table = Build();

    private static Dictionary<(CaseState, CaseAction), CaseState> Build()
    {
        var t = new Dictionary<(CaseState, CaseAction), CaseState>
        {
            [(CaseState.Referred, CaseAction.File)] = CaseState.Filed,
            [(CaseState.Filed, CaseAction.Evidence)] = CaseState.Filed,
            [(CaseState.Filed, CaseAction.Investigate)] = CaseState.Investigated,
            [(CaseState.Investigated, CaseAction.Notify)] = CaseState.Notified,
            [(CaseState.Notified, CaseAction.Review)] = CaseState.Reviewed,
            [(CaseState.Notified, CaseAction.Decide)] = CaseState.Decided,
            [(CaseState.Reviewed, CaseAction.Discuss)] = CaseState.Discussed,
            [(CaseState.Reviewed, CaseAction.Decide)] = CaseState.Decided,
            [(CaseState.Discussed, CaseAction.Decide)] = CaseState.Decided,
            [(CaseState.Decided, CaseAction.Serve)] = CaseState.Served,
            [(CaseState.Served, CaseAction.Execute)] = CaseState.Executed,
            [(CaseState.Executed, CaseAction.Close)] = CaseState.Closed,
            [(CaseState.Transferred, CaseAction.Close)] = CaseState.Closed,
        };
        foreach (var s in new[] { CaseState.Filed, CaseState.Investigated, CaseState.Notified, CaseState.Reviewed, CaseState.Discussed })
        {
            t[(s, CaseAction.Extend)] = s;
        }

        foreach (var s in new[] { CaseState.Decided, CaseState.Served, CaseState.Executed, CaseState.Transferred, CaseState.Closed })
        {
            t[(s, CaseAction.Publish)] = s;
        }

        foreach (var s in new[] { CaseState.Filed, CaseState.Investigated, CaseState.Notified, CaseState.Reviewed, CaseState.Discussed, CaseState.Decided, CaseState.Served, CaseState.Executed })
        {
            t[(s, CaseAction.MarkCrime)] = s;
            t[(s, CaseAction.ApproveTransfer)] = s;
            t[(s, CaseAction.Transfer)] = CaseState.Transferred;
        }

        return t;
    }

    /// <summary>The state after the action, or null when the table does not allow it from this state.</summary>
    public static CaseState? Next(CaseState from, CaseAction action) => Table.TryGetValue((from, action), out var to) ? to : null;

    /// <summary>The procedure's next steps from a state (without the side actions: extension, 公示, 两法衔接), for messages and the page.</summary>
    public static IReadOnlyList<CaseAction> Forward(CaseState from) =>
        Table.Keys.Where(k => k.From == from && !Side.Contains(k.Action)).Select(k => k.Action).ToList();

    public static string Name(CaseAction action) => action switch
    {
        CaseAction.File => "立案",
        CaseAction.Evidence => "调查取证",
        CaseAction.Investigate => "调查终结",
        CaseAction.Notify => "告知",
        CaseAction.Review => "法制审核",
        CaseAction.Discuss => "集体讨论",
        CaseAction.Decide => "处罚决定",
        CaseAction.Extend => "延长办案期限",
        CaseAction.Serve => "送达",
        CaseAction.Publish => "公示",
        CaseAction.Execute => "执行",
        CaseAction.MarkCrime => "认定涉嫌犯罪",
        CaseAction.ApproveTransfer => "批准移送",
        CaseAction.Transfer => "移送公安机关",
        CaseAction.Close => "结案",
        _ => action.ToString(),
    };

    public static string Name(CaseState state) => state switch
    {
        CaseState.Referred => "乡镇移送待立案",
        CaseState.Filed => "已立案（调查取证）",
        CaseState.Investigated => "调查终结",
        CaseState.Notified => "已告知",
        CaseState.Reviewed => "法制审核通过",
        CaseState.Discussed => "集体讨论完毕",
        CaseState.Decided => "已作出决定",
        CaseState.Served => "已送达",
        CaseState.Executed => "已执行",
        CaseState.Transferred => "已移送公安机关",
        CaseState.Closed => "已结案",
        _ => state.ToString(),
    };

    /// <summary>The refusal of a skipped or repeated step.</summary>
    public static string Refusal(CaseState state, CaseAction action)
    {
        var next = Forward(state);
        var words = next.Count == 0 ? "" : "；下一步应为：" + string.Join("、", next.Select(Name));
        return $"案件当前为“{Name(state)}”，不能进行“{Name(action)}”{words}";
    }
}
