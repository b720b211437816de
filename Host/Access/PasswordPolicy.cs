using Emergency.Host.Access.Data;
using Microsoft.AspNetCore.Identity;

namespace Emergency.Host.Access;

/// <summary>
/// 等保三级 password rule: at least 8 characters from at least 3 of the 4 classes (upper, lower,
/// digit, symbol), and not containing the user name.
/// </summary>
internal sealed class PasswordPolicy : IPasswordValidator<PlatformUser>
{
    public const int MinimumLength = 8;

    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password)
    {
        var errors = Check(user.UserName, password).Select(m => new IdentityError { Code = "PasswordPolicy", Description = m }).ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }

    public static IEnumerable<string> Check(string? userName, string? password)
    {
        password ??= "";
        if (password.Length < MinimumLength)
        {
            yield return $"密码至少 {MinimumLength} 位";
        }

        var classes = new[] { password.Any(char.IsUpper), password.Any(char.IsLower), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }.Count(x => x);
        if (classes < 3)
        {
            yield return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
        }

        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            yield return "密码不能包含用户名";
        }
    }
}

/// <summary>Identity's messages in Chinese.</summary>
internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用" };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "用户名只能包含字母、数字和 - . _ @" };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "原密码不正确" };

    public override IdentityError UserLockoutNotEnabled() => new() { Code = nameof(UserLockoutNotEnabled), Description = "该账号未启用锁定" };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"邮箱“{email}”已被使用" };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "邮箱格式不正确" };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少 {length} 位" };
}
