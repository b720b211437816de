using Emergency.Host.Access.Data;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Access;

/// <summary>What an admin fills in to open an account.</summary>
internal sealed record NewAccount(string UserName, string DisplayName, string Role, string? CountyCode, int? DepartmentId, int? TownshipId, int? VillageId, string? Email, string? Password);

/// <summary>The result: errors keyed by field (for messages beside the fields), or the account and its one-time password.</summary>
internal sealed record AccountResult(IReadOnlyDictionary<string, string> Errors, PlatformUser? User = null, string? OneTimePassword = null)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Opens accounts and changes roles under the platform's rules: each post's scope (county,
/// department, township or village) must be given and belong to the same county, and 三权分立:
/// no account holds two of the platform, security and audit admin roles.
/// </summary>
internal sealed class AccountService(UserManager<PlatformUser> users, PlatformDbContext platform, TimeProvider clock)
{
    public async Task<AccountResult> CreateAsync(NewAccount input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.UserName))
        {
            errors["UserName"] = "请填写用户名";
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors["DisplayName"] = "请填写姓名";
        }

        await CheckScopeAsync(input, errors, cancellationToken);
        var oneTime = string.IsNullOrEmpty(input.Password) ? OneTimePassword.Create() : null;
        var password = input.Password ?? oneTime!;
        foreach (var problem in PasswordPolicy.Check(input.UserName, password))
        {
            errors.TryAdd("Password", problem);
        }

        if (errors.Count > 0)
        {
            return new AccountResult(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var scope = Roles.Get(input.Role).Scope;
        var townshipId = scope == RoleScope.Village
            ? await platform.Villages.Where(v => v.Id == input.VillageId).Select(v => (int?)v.TownshipId).SingleAsync(cancellationToken)
            : input.TownshipId;
        var user = new PlatformUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            CountyCode = scope == RoleScope.Platform ? null : input.CountyCode,
            DepartmentId = scope == RoleScope.Department ? input.DepartmentId : null,
            TownshipId = scope is RoleScope.Township or RoleScope.Village ? townshipId : null,
            VillageId = scope == RoleScope.Village ? input.VillageId : null,
            CreatedAtUtc = now,
            PasswordChangedAtUtc = now,
            MustChangePassword = oneTime is not null,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountResult(created.Errors.ToDictionary(e => e.Code.Contains("UserName", StringComparison.Ordinal) ? "UserName" : e.Code.Contains("Email", StringComparison.Ordinal) ? "Email" : "Password", e => e.Description, StringComparer.Ordinal));
        }

        await users.AddToRoleAsync(user, input.Role);
        return new AccountResult(errors, user, oneTime);
    }

    /// <summary>Adds a role to an existing account, refusing a second separated power (三权分立).</summary>
    public async Task<string?> AddRoleAsync(PlatformUser user, string role)
    {
        var held = await users.GetRolesAsync(user);
        var error = SeparationError(held.Append(role));
        if (error is not null)
        {
            return error;
        }

        var result = await users.AddToRoleAsync(user, role);
        return result.Succeeded ? null : string.Join("；", result.Errors.Select(e => e.Description));
    }

    public static string? SeparationError(IEnumerable<string> roles) =>
        roles.Distinct().Count(Roles.SeparatedPowers.Contains) > 1
            ? "三权分立：平台管理员、安全管理员、审计管理员不能由同一账号兼任"
            : null;

    private async Task CheckScopeAsync(NewAccount input, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (Roles.All.All(r => r.Name != input.Role))
        {
            errors["Role"] = "请选择角色";
            return;
        }

        var scope = Roles.Get(input.Role).Scope;
        if (scope == RoleScope.Platform)
        {
            return;
        }

        if (string.IsNullOrEmpty(input.CountyCode) || !await platform.Counties.AnyAsync(c => c.Code == input.CountyCode, cancellationToken))
        {
            errors["CountyCode"] = "请选择所属县区";
            return;
        }

        switch (scope)
        {
            case RoleScope.Department when input.DepartmentId is null ||
                                           !await platform.Departments.AnyAsync(d => d.Id == input.DepartmentId && d.CountyCode == input.CountyCode, cancellationToken):
                errors["DepartmentId"] = "部门用户须选择本县的一个部门";
                break;
            case RoleScope.Township when input.TownshipId is null ||
                                         !await platform.Townships.AnyAsync(t => t.Id == input.TownshipId && t.CountyCode == input.CountyCode, cancellationToken):
                errors["TownshipId"] = "乡镇用户须选择本县的一个乡镇（街道）";
                break;
            case RoleScope.Village:
                var village = input.VillageId is null ? null
                    : await platform.Villages.AsNoTracking().FirstOrDefaultAsync(v => v.Id == input.VillageId && v.CountyCode == input.CountyCode, cancellationToken);
                if (village is null)
                {
                    errors["VillageId"] = "村（社区）用户须选择本县的一个村（社区）";
                }
                else if (input.TownshipId is { } township && township != village.TownshipId)
                {
                    errors["VillageId"] = "所选村（社区）不属于所选乡镇";
                }

                break;
        }
    }
}

/// <summary>A random password that meets the policy, shown once.</summary>
internal static class OneTimePassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!@#$%*-_+";

    public static string Create()
    {
        var all = Upper + Lower + Digits + Symbols;
        var chars = new List<char>
        {
            Pick(Upper), Pick(Lower), Pick(Digits), Pick(Symbols),
        };
        while (chars.Count < 14)
        {
            chars.Add(Pick(all));
        }

        return new string(chars.OrderBy(_ => System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }

    private static char Pick(string from) => from[System.Security.Cryptography.RandomNumberGenerator.GetInt32(from.Length)];
}
