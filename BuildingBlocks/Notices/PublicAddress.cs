using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Emergency.BuildingBlocks.Notices;

/// <summary>Configuration section "Platform".</summary>
public sealed class PlatformOptions
{
    /// <summary>The address people reach the site at; links in mails are built from it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
}

/// <summary>Makes absolute links (for mails) from paths of this site, with Platform:PublicBaseUrl.</summary>
public interface IPublicAddress
{
    string Absolute(string path);
}

internal sealed class PublicAddress(IOptions<PlatformOptions> options) : IPublicAddress
{
    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var root = (options.Value.PublicBaseUrl ?? "").TrimEnd('/');
        return path.StartsWith('/') ? root + path : root + "/" + path;
    }
}

/// <summary>Mail and notice texts come from a module's resource file, always in Chinese (jobs have no request culture).</summary>
public static class NoticeText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The resource <paramref name="key"/> in zh-CN ("\n" read as a line break), formatted with <paramref name="args"/>.</summary>
    public static string Render(this IStringLocalizer localizer, string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Culture;
        try
        {
            var text = localizer[key];
            if (text.ResourceNotFound)
            {
                throw new InvalidOperationException($"No text '{key}' in the module's resources.");
            }

            // Resource files are one line per text: "\n" in them stands for a line break.
            var template = text.Value.Replace("\\n", "\n", StringComparison.Ordinal);
            return args.Length == 0 ? template : string.Format(Culture, template, args);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
