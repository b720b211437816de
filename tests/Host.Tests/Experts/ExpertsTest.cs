using System.Text.RegularExpressions;

namespace Emergency.Host.Tests.Experts;

/// <summary>Base for Experts tests: the demo county's accounts and helpers over the experts store.</summary>
public abstract partial class ExpertsTest : PlatformTest
{
    /// <summary>County emergency bureau (manages the county team, all modules).</summary>
    internal const string Bureau = "yjj";

    /// <summary>气象局: a department that recommends and keeps its own team.</summary>
    internal const string Weather = "qxj";

    /// <summary>水利局: has not switched the module on in the demo county.</summary>
    internal const string Water = "slj";

    internal static Task<int> CountExpertsAsync(TestApp app, string where = "1=1") =>
        CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM Experts WHERE {where}");

    /// <summary>The text of an HTML page without tags, for "the user sees …" assertions.</summary>
    internal static string Text(string html) => Spaces().Replace(Tags().Replace(System.Net.WebUtility.HtmlDecode(html), " "), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
