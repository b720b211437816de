using Emergency.Host.Access.Data;
using Microsoft.AspNetCore.Identity;

namespace Emergency.Host.Access;

/// <summary>
/// The first platform admin. No default password exists: it comes from configuration
/// (Bootstrap:AdminUserName / Bootstrap:AdminPassword) or, when absent, a one-time password is
/// printed once to the console and must be changed at the first sign-in.
/// </summary>
internal sealed class BootstrapAdmin(UserManager<PlatformUser> users, RoleManager<IdentityRole> roles, AccountService accounts, IConfiguration configuration)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role.Name))
            {
                await roles.CreateAsync(new IdentityRole(role.Name));
            }
        }
    }

    /// <summary>Creates the first platform admin if there is none; returns the one-time password to print, if any.</summary>
    public async Task<(string UserName, string? OneTimePassword)?> EnsureAdminAsync(CancellationToken cancellationToken)
    {
        if ((await users.GetUsersInRoleAsync(Roles.PlatformAdmin)).Count > 0)
        {
            return null;
        }

        var userName = configuration["Bootstrap:AdminUserName"];
        var password = configuration["Bootstrap:AdminPassword"];
        userName = string.IsNullOrWhiteSpace(userName) ? "admin" : userName.Trim();
        var result = await accounts.CreateAsync(
            new NewAccount(userName, "平台管理员", Roles.PlatformAdmin, null, null, null, null, null, string.IsNullOrEmpty(password) ? null : password),
            cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("首个平台管理员无法创建：" + string.Join("；", result.Errors.Values));
        }

        return (userName, result.OneTimePassword);
    }
}
