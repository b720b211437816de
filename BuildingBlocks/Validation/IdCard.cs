using System.Globalization;

namespace Emergency.BuildingBlocks.Validation;

/// <summary>
/// Checks a 居民身份证号码 (GB 11643-1999): 18 characters, a valid birth date in positions 7–14, and the
/// ISO 7064 MOD 11-2 check character. Gives the Chinese message to show beside the field.
/// </summary>
public static class IdCard
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();

    /// <summary>Returns null when valid, else the message. When <paramref name="birthDate"/> is given it must match.</summary>
    public static string? Validate(string? value, DateOnly? birthDate = null)
    {
        var number = Normalize(value);
        if (number.Length != 18)
        {
            return "身份证号码应为 18 位";
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                return "身份证号码前 17 位必须是数字";
            }
        }

        if (!char.IsAsciiDigit(number[17]) && number[17] != 'X')
        {
            return "身份证号码最后一位应为数字或 X";
        }

        if (BirthDate(number) is not { } born)
        {
            return "身份证号码中的出生日期无效";
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (number[i] - '0') * Weights[i];
        }

        if (CheckCharacters[sum % 11] != number[17])
        {
            return "身份证号码校验位不正确，请核对";
        }

        if (birthDate is { } given && given != born)
        {
            return "出生日期与身份证号码不一致";
        }

        return null;
    }

    /// <summary>The full number for its first 17 digits: appends the check character (demo data).</summary>
    public static string WithCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("17 digits expected", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return first17 + CheckCharacters[sum % 11];
    }

    /// <summary>The birth date coded in a number of the right shape, or null.</summary>
    public static DateOnly? BirthDate(string number) =>
        number.Length >= 14 && DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1900
            ? date
            : null;

    /// <summary>Shows the number with the middle masked, for lists (e.g. 450999********1234).</summary>
    public static string Mask(string number) => number.Length == 18 ? string.Concat(number.AsSpan(0, 6), "********", number.AsSpan(14)) : number;
}
