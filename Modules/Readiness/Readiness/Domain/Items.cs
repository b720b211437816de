using System.Text.Json;

namespace Emergency.Readiness.Domain;

/// <summary>An item's state: 达标, 未达标, or 无数据 (no event of its source has arrived for the unit, or nothing recorded).</summary>
internal enum ItemState
{
    NotMet = 0,
    Met = 1,
    NoData = 2,
}

internal enum UnitLevel
{
    Township = 0,
    Village = 1,
}

/// <summary>One item of a unit's readiness: its code, state, why, and where the evidence is (a page of the source module).</summary>
internal sealed record ItemResult(string Code, ItemState State, string Reason, string? Link = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(IReadOnlyList<ItemResult> items) => JsonSerializer.Serialize(items, Json);

    public static IReadOnlyList<ItemResult> Parse(string json) => JsonSerializer.Deserialize<List<ItemResult>>(json, Json) ?? [];
}

/// <summary>The items and their names (seed 002/004: 六有, 三有, 十个一).</summary>
internal static class Items
{
    /// <summary>六有 of a township.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Six =
    [
        ("org", "机构"), ("mech", "机制"), ("plan", "预案"), ("team", "队伍"), ("supply", "物资"), ("drill", "培训演练"),
    ];

    /// <summary>十个一 of a township.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Ten =
    [
        ("ten.rules", "一套制度"), ("ten.mech", "一套机制"), ("ten.plan", "一套预案"), ("ten.grid", "一张网格表"), ("ten.riskmap", "一张重大风险分布图"),
        ("ten.hazards", "一本重点隐患台账"), ("ten.routes", "一张转移避险路线图"), ("ten.warning", "一套监测预警设备（无线广播）"), ("ten.signs", "一批警示宣传牌"), ("ten.trainplan", "一份培训演练计划"),
    ];

    /// <summary>A village's items: 三有 (场地设施, 装备物资, 工作制度), its 领导小组, its team and its 周值班计划.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Village =
    [
        ("v.station", "场地设施"), ("v.supply", "装备物资"), ("v.rules", "工作制度"), ("v.group", "领导小组"), ("v.team", "村级队伍"), ("v.duty", "周值班计划"),
    ];

    public static string Name(string code) =>
        Six.Concat(Ten).Concat(Village).FirstOrDefault(i => i.Code == code).Name ?? code;

    public static bool IsTen(string code) => code.StartsWith("ten.", StringComparison.Ordinal);
}

/// <summary>The kinds of document a township or village uploads here, with the item each one backs.</summary>
internal static class DocumentKinds
{
    /// <summary>The five mechanisms (seed 002 二): 监测预警, 研判会商, 应急指挥, 协调联动, 调查评估.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Mechanisms =
    [
        ("mech.monitor", "监测预警机制"), ("mech.consult", "研判会商机制"), ("mech.command", "应急指挥机制"), ("mech.coordinate", "协调联动机制"), ("mech.investigate", "调查评估机制"),
    ];

    /// <summary>十个一 documents kept as uploads (the others are derived from the modules).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Ten =
    [
        ("ten.rules", "应急管理制度"), ("ten.grid", "网格表"), ("ten.riskmap", "重大风险分布图"), ("ten.routes", "转移避险路线图"),
        ("ten.warning", "监测预警设备（无线广播）清单"), ("ten.signs", "警示宣传牌清单"), ("ten.trainplan", "培训演练计划"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> Village = [("v.rules", "村级应急工作制度")];

    public static IReadOnlyList<(string Code, string Name)> For(UnitLevel level) =>
        level == UnitLevel.Township ? [.. Mechanisms, .. Ten] : Village;

    public static string Name(string code) =>
        Mechanisms.Concat(Ten).Concat(Village).FirstOrDefault(k => k.Code == code).Name ?? code;
}
