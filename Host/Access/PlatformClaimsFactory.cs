using System.Security.Claims;
using Emergency.Host.Access.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Emergency.Host.Access;

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
