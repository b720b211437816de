using Emergency.Grid.Data;

namespace Emergency.Grid.Domain;

/// <summary>The steps of a hazard's rectification.</summary>
internal enum HazardAction
{
    Assign = 0, // 交办 (township)
    StartRectifying = 1, // 开始整改 (department)
    SubmitRectified = 2, // 整改完成，申请复查 (department)
    ReinspectPass = 3, // 复查合格，销号 (township)
    ReinspectFail = 4, // 复查不合格，退回整改 (township)
    Reject = 5, // 不予认定 (township)
    Return = 6, // 退回 (department, before it starts): back to the township to assign again
    Reassign = 7, // 重新交办 (township, when the department no longer uses the module)
    ConfirmLevel = 8, // 确认等级 (township or county, before assignment)
    FixOnTheSpot = 9, // 现场整改 (the reporting grid member or the township): the township re-inspects
    FixOnTheSpotAndClose = 10, // 现场整改并销号 (the township fixed it itself)
    HandOver = 11, // 交村/交业主整改 (township)
    RecordCompletion = 12, // 村/业主整改完成 (township records it, then re-inspects)
    Whistle = 13, // 乡镇吹哨 by hand (township, on a hazard with a department)
}

/// <summary>
/// Which step may follow which, in one place: reported → assigned → rectifying → awaiting
/// re-inspection (复查) → closed (销号); a reported hazard may be rejected; a failed re-inspection
/// goes back to rectifying. A department may return (退回) a hazard it has not started, which is reported
/// again; the township may reassign (重新交办) one whose department no longer uses the module.
/// Anything else is a skipped step and is refused.
/// </summary>
internal static class HazardWorkflow
{
    private static readonly Dictionary<(HazardState From, HazardAction Action), HazardState> Transitions = new()
    {
        [(HazardState.Reported, HazardAction.Assign)] = HazardState.Assigned,
        [(HazardState.Reported, HazardAction.Reject)] = HazardState.Rejected,
        [(HazardState.Assigned, HazardAction.StartRectifying)] = HazardState.Rectifying,
        [(HazardState.Rectifying, HazardAction.SubmitRectified)] = HazardState.AwaitingReinspection,
        [(HazardState.AwaitingReinspection, HazardAction.ReinspectPass)] = HazardState.Closed,
        [(HazardState.AwaitingReinspection, HazardAction.ReinspectFail)] = HazardState.Rectifying,
        [(HazardState.Assigned, HazardAction.Return)] = HazardState.Reported,
        [(HazardState.Assigned, HazardAction.Reassign)] = HazardState.Assigned,
        [(HazardState.Rectifying, HazardAction.Reassign)] = HazardState.Assigned,
        [(HazardState.Reported, HazardAction.ConfirmLevel)] = HazardState.Reported,
        [(HazardState.Reported, HazardAction.FixOnTheSpot)] = HazardState.AwaitingReinspection,
        [(HazardState.Reported, HazardAction.FixOnTheSpotAndClose)] = HazardState.Closed,
        [(HazardState.Reported, HazardAction.HandOver)] = HazardState.Rectifying,
        [(HazardState.Rectifying, HazardAction.RecordCompletion)] = HazardState.AwaitingReinspection,
        [(HazardState.Assigned, HazardAction.Whistle)] = HazardState.Assigned,
        [(HazardState.Rectifying, HazardAction.Whistle)] = HazardState.Rectifying,
    };

    public static HazardState? Next(HazardState from, HazardAction action) =>
        Transitions.TryGetValue((from, action), out var to) ? to : null;

    public static bool Allows(HazardState from, HazardAction action) => Transitions.ContainsKey((from, action));

    /// <summary>Open: still to be rectified (counts for overdue and the whistle).</summary>
    public static bool IsOpen(HazardState state) => state is not (HazardState.Closed or HazardState.Rejected);

    /// <summary>States that carry a deadline and may fall overdue.</summary>
    public static bool HasDeadline(HazardState state) =>
        state is HazardState.Assigned or HazardState.Rectifying or HazardState.AwaitingReinspection;

    public static string StateName(HazardState state) => state switch
    {
        HazardState.Reported => "已上报",
        HazardState.Assigned => "已交办",
        HazardState.Rectifying => "整改中",
        HazardState.AwaitingReinspection => "待复查",
        HazardState.Closed => "已销号",
        _ => "不予认定",
    };

    public static string ActionName(HazardAction action) => action switch
    {
        HazardAction.Assign => "交办",
        HazardAction.StartRectifying => "开始整改",
        HazardAction.SubmitRectified => "申请复查",
        HazardAction.ReinspectPass => "复查销号",
        HazardAction.ReinspectFail => "复查退回",
        HazardAction.Return => "退回",
        HazardAction.Reassign => "重新交办",
        HazardAction.ConfirmLevel => "确认等级",
        HazardAction.FixOnTheSpot => "现场整改",
        HazardAction.FixOnTheSpotAndClose => "现场整改并销号",
        HazardAction.HandOver => "交村/业主整改",
        HazardAction.RecordCompletion => "登记整改完成",
        HazardAction.Whistle => "吹哨",
        _ => "不予认定",
    };

    /// <summary>The Chinese message for a step that does not follow from the current state.</summary>
    public static string Refusal(HazardState from, HazardAction action) =>
        $"当前状态为“{StateName(from)}”，不能{ActionName(action)}（{Expected(from)}）";

    private static string Expected(HazardState from) => from switch
    {
        HazardState.Reported => "须先交办、现场整改、交村或业主整改，或不予认定",
        HazardState.Assigned => "须由责任部门开始整改",
        HazardState.Rectifying => "须整改完成后申请复查",
        HazardState.AwaitingReinspection => "须由乡镇复查",
        _ => "该隐患已办结",
    };
}
