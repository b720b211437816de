using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Validation;

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

        if (!string.IsNullOrWhiteSpace(idCard) && IdCard.Validate(idCard) is { } idProblem)
        {
            problems.Add(idProblem);
        }

        return problems;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^1\d{10}$")]
    private static partial Regex Mobile();
}
