using System.Globalization;

namespace Emergency.Teams.Domain;

/// <summary>
/// Fetches base-map tiles from the county's intranet tile service (teams.map-tile-url) for the browser: the platform's
/// content security policy lets pages load images only from the platform itself, so tiles are passed through here.
/// Only images up to 2 MB are passed on; anything else (an error page, a redirect to a login) is treated as missing.
/// </summary>
internal sealed class MapTiles : IDisposable
{
    private const int MaxBytes = 2 * 1024 * 1024;

    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>
    /// The template when it can be used: http(s) or site-relative, with {z}, {x} and {y}. Anything else is ignored
    /// and the map has no background.
    /// </summary>
    public static string? Usable(string? value)
    {
        var url = value?.Trim() ?? "";
        var scheme = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));
        return scheme && url.Contains("{z}", StringComparison.Ordinal) && url.Contains("{x}", StringComparison.Ordinal) && url.Contains("{y}", StringComparison.Ordinal)
            ? url
            : null;
    }

    /// <summary>Whether a template names another server (passed through <see cref="GetAsync"/>) rather than this site.</summary>
    public static bool IsAbsolute(string template) => !template.StartsWith('/');

    /// <summary>One tile (bytes and content type), or null when the tile service has none or answers with something else.</summary>
    public async Task<(byte[] Bytes, string ContentType)?> GetAsync(string template, int z, int x, int y, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (z is < 0 or > 22 || x < 0 || y < 0 || x >= 1L << z || y >= 1L << z)
        {
            return null;
        }

        var url = template.Replace("{z}", z.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{x}", x.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{y}", y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        try
        {
            using var response = await http.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!response.IsSuccessStatusCode || !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || response.Content.Headers.ContentLength > MaxBytes)
            {
                return null;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return bytes.Length > MaxBytes ? null : (bytes, type);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return null;
        }
    }

    public void Dispose() => http.Dispose();
}
