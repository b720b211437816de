using Emergency.Grid.Contracts;

namespace Emergency.Grid.Domain;

/// <summary>Chinese names for exports and emails (pages use the module's strings).</summary>
internal static class Names
{
    public static string Category(HazardCategory category) => category switch
    {
        HazardCategory.WorkSafety => "安全生产",
        HazardCategory.FloodDrought => "水旱",
        HazardCategory.FlashFlood => "山洪",
        HazardCategory.Geological => "地质灾害",
        HazardCategory.ForestFire => "森林火灾",
        HazardCategory.Fire => "消防",
        HazardCategory.Weather => "气象",
        HazardCategory.Earthquake => "地震",
        _ => "其他",
    };

    public static string Level(HazardLevel level) => level == HazardLevel.Major ? "重大隐患" : "一般隐患";
}
