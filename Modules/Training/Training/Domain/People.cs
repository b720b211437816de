using System.Text.RegularExpressions;

namespace Emergency.Training.Domain;

/// <summary>The checks of an invitee's details, shared by the hand form and the import preview.</summary>
internal static partial class People
{
    public static List<string> Problems(string? name, string? unit, string? email, string? mobile, string? idCard)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("请填写姓名");
        }
        else if (name.Trim().Length > 50)
        {
            problems.Add("姓名不能超过 50 个字");
        }

        if (string.IsNullOrWhiteSpace(unit))
        {
            problems.Add("请填写单位");
        }
        else if (unit.Trim().Length > 100)
        {
            problems.Add("单位不能超过 100 个字");
        }

        if (!string.IsNullOrWhiteSpace(email) && (email.Trim().Length > 320 || !Email().IsMatch(email.Trim())))
        {
            problems.Add("邮箱格式不正确");
        }

        if (!string.IsNullOrWhiteSpace(mobile) && !Mobile().IsMatch(mobile.Trim()))
        {
            problems.Add("手机号应为 11 位数字");
        }

        if (!string.IsNullOrWhiteSpace(idCard) && !IdCardValid(idCard.Trim().ToUpperInvariant()))
        {
            problems.Add("身份证号码不正确");
        }

        return problems;
    }

    /// <summary>An 18-character 居民身份证号码 with its check digit (GB 11643).</summary>
    public static bool IdCardValid(string id)
    {
        if (!IdCard().IsMatch(id))
        {
            return false;
        }

        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const string checks = "10X98765432";
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * weights[i];
        }

        return checks[sum % 11] == id[17];
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^1\d{10}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^\d{17}[\dX]$")]
    private static partial Regex IdCard();
}
