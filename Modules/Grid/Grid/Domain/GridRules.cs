using Emergency.BuildingBlocks.Settings;
using Emergency.Grid.Data;

namespace Emergency.Grid.Domain;

/// <summary>The checks a grid passes whether typed on the page or imported from Excel.</summary>
internal static class GridRules
{
    /// <summary>A community grid holds 300–500 households (settings); a villagers' group any number.</summary>
    public static async Task<string?> HouseholdsProblemAsync(ICountySettings settings, GridKind kind, int households, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (households < 0)
        {
            return "户数不能为负数";
        }

        if (kind != GridKind.CommunityBlock)
        {
            return null;
        }

        var min = await settings.GetAsync(GridModule.CommunityHouseholdsMin, cancellationToken);
        var max = await settings.GetAsync(GridModule.CommunityHouseholdsMax, cancellationToken);
        return households < min || households > max ? $"社区网格一般按 {min}–{max} 户划分，当前为 {households} 户" : null;
    }

    public static string KindName(GridKind kind) => kind == GridKind.CommunityBlock ? "社区网格" : "村民小组";

    public static GridKind? ParseKind(string? text) => text?.Trim() switch
    {
        "村民小组" => GridKind.VillagersGroup,
        "社区网格" => GridKind.CommunityBlock,
        _ => null,
    };
}
