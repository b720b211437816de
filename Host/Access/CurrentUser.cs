using System.Security.Claims;
using Emergency.BuildingBlocks.Auditing;
using Emergency.Host.Access.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Emergency.Host.Access;

/// <summary>Claim types the platform adds to a signed-in user.</summary>
internal static class PlatformClaims
{
    public const string County = "county";
    public const string Department = "department";
    public const string Township = "township";
    public const string Village = "village";
    public const string DisplayName = "display_name";
    public const string SignedInAt = "signed_in_at";
    public const string MustChangePassword = "must_change_password";
    public const string PasswordChangedAt = "password_changed_at";
}

/// <summary>Puts the account's county, unit and sign-in time into its cookie.</summary>
internal sealed class PlatformClaimsFactory(UserManager<PlatformUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, TimeProvider clock)
    : UserClaimsPrincipalFactory<PlatformUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PlatformClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(PlatformClaims.SignedInAt, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(PlatformClaims.PasswordChangedAt, new DateTimeOffset(user.PasswordChangedAtUtc, TimeSpan.Zero).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Add(identity, PlatformClaims.MustChangePassword, user.MustChangePassword ? "true" : null);
        Add(identity, PlatformClaims.County, user.CountyCode);
        Add(identity, PlatformClaims.Department, user.DepartmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(identity, PlatformClaims.Township, user.TownshipId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(identity, PlatformClaims.Village, user.VillageId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return identity;
    }

    private static void Add(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            identity.AddClaim(new Claim(type, value));
        }
    }
}

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

/// <summary>The audit log's "who": the signed-in user of the current request, or the system.</summary>
internal sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string UserName => accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : accessor.HttpContext is null ? "系统" : "匿名";

    public string? County => accessor.HttpContext?.User.County();

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
