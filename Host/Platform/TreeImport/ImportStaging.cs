using System.Globalization;
using System.Security.Cryptography;

namespace Emergency.Host.Platform.TreeImport;

/// <summary>
/// Keeps an uploaded file between its preview and the confirmation, under the data folder
/// (<c>imports/&lt;kind&gt;-&lt;key&gt;-&lt;unix seconds&gt;-&lt;token&gt;.&lt;ext&gt;</c>, e.g. <c>tree-450999-…</c> for a
/// county's tree, <c>calendar-2027-…</c> for a year's holidays), keyed by a random token. The client
/// only holds the token: on confirm the bytes are read back and checked again.
/// Files older than <see cref="Lifetime"/> (by the platform clock) are refused and swept away.
/// </summary>
internal sealed class ImportStaging(string folder, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public const string Tree = "tree";
    public const string Calendar = "calendar";

    /// <summary>Keeps a county's tree file.</summary>
    public Task<string> SaveAsync(string county, string extension, byte[] content, CancellationToken cancellationToken)
    {
        CheckCounty(county);
        return SaveAsync(Tree, county, extension, content, cancellationToken);
    }

    /// <summary>The staged tree file of this county and token, or null when unknown or expired.</summary>
    public Task<(byte[] Content, string Extension)?> LoadAsync(string county, string? token, CancellationToken cancellationToken)
    {
        CheckCounty(county);
        return LoadAsync(Tree, county, token, cancellationToken);
    }

    public void Delete(string county, string? token)
    {
        CheckCounty(county);
        Delete(Tree, county, token);
    }

    /// <summary>Keeps a file of an import <paramref name="kind"/> (<see cref="Tree"/>, <see cref="Calendar"/>) for <paramref name="key"/> (letters and digits); returns its token.</summary>
    public async Task<string> SaveAsync(string kind, string key, string extension, byte[] content, CancellationToken cancellationToken)
    {
        CheckKind(kind, key);
        if (!TreeFileReader.IsSupported(extension))
        {
            throw new ArgumentException("Unsupported extension.", nameof(extension));
        }

        Directory.CreateDirectory(folder);
        Sweep();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var created = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await File.WriteAllBytesAsync(Path.Combine(folder, $"{kind}-{key}-{created}-{token}{extension}"), content, cancellationToken);
        return token;
    }

    /// <summary>The staged file of this kind, key and token, or null when unknown or expired.</summary>
    public async Task<(byte[] Content, string Extension)?> LoadAsync(string kind, string key, string? token, CancellationToken cancellationToken)
    {
        var path = Find(kind, key, token);
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

    public void Delete(string kind, string key, string? token)
    {
        if (Find(kind, key, token) is { } path)
        {
            File.Delete(path);
        }
    }

    private string? Find(string kind, string key, string? token)
    {
        CheckKind(kind, key);
        if (token is not { Length: 32 } || !token.All(char.IsAsciiHexDigitLower) || !Directory.Exists(folder))
        {
            return null;
        }

        return Directory.EnumerateFiles(folder, $"{kind}-{key}-*-{token}.*").FirstOrDefault(p => TreeFileReader.IsSupported(Path.GetExtension(p)));
    }

    private void Sweep()
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*-*"))
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

    private static void CheckKind(string kind, string key)
    {
        if (kind is not (Tree or Calendar))
        {
            throw new ArgumentException("Unknown import kind.", nameof(kind));
        }

        if (key is not { Length: > 0 and <= 20 } || !key.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("An import key is letters and digits.", nameof(key));
        }
    }

    private static void CheckCounty(string county)
    {
        if (county is not { Length: 6 } || !county.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A county code is 6 digits.", nameof(county));
        }
    }
}
