using System.Security.Claims;

namespace Emergency.Host.Access;

internal static class ClaimsPrincipalExtensions
{
    public static string? County(this ClaimsPrincipal user) => user.FindFirstValue(PlatformClaims.County);

    public static int? DepartmentId(this ClaimsPrincipal user) => IntClaim(user, PlatformClaims.Department);

    public static int? TownshipId(this ClaimsPrincipal user) => IntClaim(user, PlatformClaims.Township);

    public static int? VillageId(this ClaimsPrincipal user) => IntClaim(user, PlatformClaims.Village);

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(PlatformClaims.DisplayName) ?? user.Identity?.Name ?? "";

    private static int? IntClaim(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
