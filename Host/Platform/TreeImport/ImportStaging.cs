using System.Globalization;
using System.Security.Cryptography;

namespace Emergency.Host.Platform.TreeImport;

/// <summary>
/// Keeps an uploaded file between its preview and the confirmation, under the data folder
/// (<c>imports/tree-&lt;county&gt;-&lt;unix seconds&gt;-&lt;token&gt;.&lt;ext&gt;</c>), keyed by a random
/// token. The client only holds the token: on confirm the bytes are read back and checked again.
/// Files older than <see cref="Lifetime"/> (by the platform clock) are refused and swept away.
/// </summary>
internal sealed class ImportStaging(string folder, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<string> SaveAsync(string county, string extension, byte[] content, CancellationToken cancellationToken)
    {
        CheckCounty(county);
        if (!TreeFileReader.IsSupported(extension))
        {
            throw new ArgumentException("Unsupported extension.", nameof(extension));
        }

        Directory.CreateDirectory(folder);
        Sweep();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var created = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await File.WriteAllBytesAsync(Path.Combine(folder, $"tree-{county}-{created}-{token}{extension}"), content, cancellationToken);
        return token;
    }

    /// <summary>The staged file of this county and token, or null when unknown or expired.</summary>
    public async Task<(byte[] Content, string Extension)?> LoadAsync(string county, string? token, CancellationToken cancellationToken)
    {
        var path = Find(county, token);
        if (path is null)
        {
            return null;
        }

        if (IsExpired(path))
        {
            File.Delete(path);
            return null;
        }

        return (await File.ReadAllBytesAsync(path, cancellationToken), Path.GetExtension(path));
    }

    public void Delete(string county, string? token)
    {
        if (Find(county, token) is { } path)
        {
            File.Delete(path);
        }
    }

    private string? Find(string county, string? token)
    {
        CheckCounty(county);
        if (token is not { Length: 32 } || !token.All(char.IsAsciiHexDigitLower) || !Directory.Exists(folder))
        {
            return null;
        }

        return Directory.EnumerateFiles(folder, $"tree-{county}-*-{token}.*").FirstOrDefault(p => TreeFileReader.IsSupported(Path.GetExtension(p)));
    }

    private void Sweep()
    {
        foreach (var path in Directory.EnumerateFiles(folder, "tree-*"))
        {
            if (IsExpired(path))
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Another request is sweeping or reading it; the next sweep will do.
                }
            }
        }
    }

    private bool IsExpired(string path)
    {
        var parts = Path.GetFileNameWithoutExtension(path).Split('-');
        return parts.Length != 4 ||
               !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
               clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > Lifetime;
    }

    private static void CheckCounty(string county)
    {
        if (county is not { Length: 6 } || !county.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A county code is 6 digits.", nameof(county));
        }
    }
}
