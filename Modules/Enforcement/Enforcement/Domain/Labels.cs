using Emergency.Enforcement.Data;

namespace Emergency.Enforcement.Domain;

/// <summary>The Chinese words of the directory's classes, as pages, exports and imports write them.</summary>
internal static class Labels
{
    public static string Risk(RiskClass risk) => risk + "类";

    public static string PlanState(PlanState state) => state switch
    {
        Data.PlanState.Draft => "草稿",
        Data.PlanState.Submitted => "已报批",
        _ => "已批准",
    };

    public static string InspectionState(InspectionState state) => state switch
    {
        Data.InspectionState.Closed => "无问题，已办结",
        Data.InspectionState.AwaitingRecheck => "责令限期整改，待复查",
        Data.InspectionState.RecheckFailed => "复查不合格",
        _ => "复查合格，已办结",
    };

    public static string Standard(StandardLevel level) => level switch
    {
        StandardLevel.Level1 => "一级",
        StandardLevel.Level2 => "二级",
        StandardLevel.Level3 => "三级",
        StandardLevel.Small => "小微企业",
        _ => "未达标",
    };

    public static string Credit(CreditClass credit) => credit switch
    {
        CreditClass.Good => "良好",
        CreditClass.Normal => "一般",
        CreditClass.Poor => "较差",
        _ => "失信",
    };

    public static string Kind(bool isKey) => isKey ? "重点" : "一般";

    public static string Verdict(ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.Excellent => "优秀",
        ReviewVerdict.Passed => "合格",
        _ => "不合格",
    };

    public const string County = "县应急管理局";

    public static string Jurisdiction(Target target, string townshipName)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.JurisdictionTownshipId is null ? County : townshipName + "（委托）";
    }

    public static RiskClass? ParseRisk(string text) => text.Trim().TrimEnd('类').ToUpperInvariant() switch
    {
        "A" => RiskClass.A,
        "B" => RiskClass.B,
        "C" => RiskClass.C,
        "D" => RiskClass.D,
        _ => null,
    };

    public static StandardLevel? ParseStandard(string text) =>
        Enum.GetValues<StandardLevel>().Cast<StandardLevel?>().FirstOrDefault(l => Standard(l!.Value) == text.Trim() || (l == StandardLevel.Small && text.Trim() == "小微"));

    public static CreditClass? ParseCredit(string text) =>
        Enum.GetValues<CreditClass>().Cast<CreditClass?>().FirstOrDefault(c => Credit(c!.Value) == text.Trim());

    public static bool? ParseKind(string text) => text.Trim() switch
    {
        "重点" => true,
        "一般" => false,
        _ => null,
    };

    /// <summary>The jurisdiction cell: 县应急管理局 (or 县局) for the county bureau; 乡镇 or 委托乡镇 for the target's township.</summary>
    public static bool? ParseEntrusted(string text) => text.Trim() switch
    {
        County or "县局" or "县级" => false,
        "乡镇" or "委托乡镇" or "乡镇（委托）" => true,
        _ => null,
    };
}
