namespace Emergency.Plans.Contracts;

/// <summary>
/// The plans every township must hold (seed 004 13): its 综合应急预案 and seven 专项应急预案, named as Plans names them
/// in <see cref="PlanIssued.Type"/> and <see cref="PlanIssued.Category"/>. Plans lists what a township lacks from it;
/// Readiness judges 六有 有预案 by it.
/// </summary>
public static class TownshipPlans
{
    /// <summary>The type name of a township's 综合应急预案.</summary>
    public const string GeneralType = "TownshipGeneral";

    /// <summary>The type name of a township's 专项应急预案.</summary>
    public const string SpecialType = "TownshipSpecial";

    /// <summary>The seven required 专项: category name (as published) and its Chinese name.</summary>
    public static readonly IReadOnlyList<(string Category, string Name)> RequiredSpecials =
    [
        ("Production", "生产安全事故"), ("FloodDrought", "水旱灾害"), ("EarthquakeGeology", "地震和地质灾害"), ("Weather", "气象灾害"),
        ("Fire", "消防火灾"), ("ForestFire", "森林草原火灾"), ("DisasterRelief", "自然灾害救助"),
    ];
}
