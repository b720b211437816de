namespace Emergency.BuildingBlocks.Validation;

/// <summary>Mobile numbers and email addresses as a county office writes them.</summary>
public static class Contact
{
    public static string? ValidateMobile(string? value)
    {
        var mobile = (value ?? "").Trim();
        return mobile.Length == 11 && mobile[0] == '1' && mobile.All(char.IsAsciiDigit) ? null : "手机号码应为以 1 开头的 11 位数字";
    }

    public static string? ValidateEmail(string? value, bool required)
    {
        var email = (value ?? "").Trim();
        if (email.Length == 0)
        {
            return required ? "请填写邮箱" : null;
        }

        return System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal)
            ? null
            : "邮箱格式不正确";
    }
}
