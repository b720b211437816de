namespace Emergency.Enforcement.Domain;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from the 31-character set 0–9 and A–Y without I, O, Z, S, V;
/// the 18th is the check character: with the 17 first characters' values v(i) and the weights
/// w(i) = 3^(i-1) mod 31 (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28), the check value is
/// 31 − (Σ v(i)·w(i) mod 31), with 31 written as 0.
/// </summary>
internal static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The check character for the first 17 characters, or null when they are not 17 characters of the set.</summary>
    public static char? CheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Whether the code (trimmed, upper case) is a well-formed code with the right check character.</summary>
    public static bool IsValid(string? code) => Problem(code) is null;

    /// <summary>Why the code is refused, in Chinese; null when it is valid.</summary>
    public static string? Problem(string? code)
    {
        var text = Normalise(code);
        if (text.Length == 0)
        {
            return "请填写统一社会信用代码";
        }

        if (text.Length != 18 || text.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）";
        }

        return CheckCharacter(text[..17]) == text[17] ? null : "统一社会信用代码校验位不正确";
    }

    public static string Normalise(string? code) => (code ?? "").Trim().ToUpperInvariant();
}
