using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Emergency.BuildingBlocks.Spreadsheets;

/// <summary>
/// <see cref="IImportStaging"/> on disk: <c>imports/&lt;county&gt;/&lt;module&gt;/&lt;unix seconds&gt;-&lt;token&gt;.&lt;ext&gt;</c>
/// under the data root, with a <c>.json</c> beside it for the file name and tag. Tokens are made here and
/// checked on the way back, so a token from a form can never leave the folder.
/// </summary>
internal sealed class FileImportStaging(string dataRoot, TimeProvider clock) : IImportStaging
{
    private const string MetaExtension = ".json";

    private readonly string root = Path.GetFullPath(Path.Combine(dataRoot, "imports"));

    public TimeSpan Lifetime { get; } = TimeSpan.FromHours(1);

    public async Task<string> StageAsync(string county, string module, StagedUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (!SheetReader.IsSupported(upload.Extension))
        {
            throw new ArgumentException("Unsupported extension.", nameof(upload));
        }

        var folder = Folder(county, module);
        Directory.CreateDirectory(folder);
        Sweep(folder);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var stem = Path.Combine(folder, $"{clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}-{token}");
        var meta = JsonSerializer.SerializeToUtf8Bytes(new Meta(upload.FileName, upload.Tag));
        await File.WriteAllBytesAsync(stem + MetaExtension, meta, cancellationToken);
        await File.WriteAllBytesAsync(stem + upload.Extension, upload.Content, cancellationToken);
        return token;
    }

    public async Task<StagedUpload?> TakeAsync(string county, string module, string? token, CancellationToken cancellationToken = default)
    {
        if (Find(county, module, token) is not { } path)
        {
            return null;
        }

        // Moving the file claims it: of two confirmations at once, one moves it and the other finds nothing.
        var claimed = path + ".taken-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        try
        {
            File.Move(path, claimed);
        }
        catch (IOException)
        {
            return null;
        }

        var metaPath = Path.ChangeExtension(path, MetaExtension);
        try
        {
            if (IsExpired(path))
            {
                return null;
            }

            var meta = File.Exists(metaPath) ? JsonSerializer.Deserialize<Meta>(await File.ReadAllBytesAsync(metaPath, cancellationToken)) : null;
            var content = await File.ReadAllBytesAsync(claimed, cancellationToken);
            return new StagedUpload(meta?.FileName ?? "", Path.GetExtension(path), content, meta?.Tag);
        }
        finally
        {
            File.Delete(claimed);
            File.Delete(metaPath);
        }
    }

    public void Discard(string county, string module, string? token)
    {
        if (Find(county, module, token) is { } path)
        {
            File.Delete(path);
            File.Delete(Path.ChangeExtension(path, MetaExtension));
        }
    }

    private string? Find(string county, string module, string? token)
    {
        var folder = Folder(county, module);
        if (token is not { Length: 32 } || !token.All(char.IsAsciiHexDigitLower) || !Directory.Exists(folder))
        {
            return null;
        }

        return Directory.EnumerateFiles(folder, $"*-{token}.*").FirstOrDefault(p => SheetReader.IsSupported(Path.GetExtension(p)));
    }

    private void Sweep(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            if (IsExpired(path))
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Another request is sweeping or taking it; the next sweep will do.
                }
            }
        }
    }

    /// <summary>Older than the lifetime by the unix seconds its name starts with (a name not made here counts as expired).</summary>
    private bool IsExpired(string path)
    {
        var name = Path.GetFileName(path);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash <= 0 ||
               !long.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
               clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > Lifetime;
    }

    private string Folder(string county, string module)
    {
        if (county is not { Length: 6 } || !county.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A county code is 6 digits.", nameof(county));
        }

        if (string.IsNullOrEmpty(module) || module.Length > 40 || !module.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{module}' is not a module name.", nameof(module));
        }

        return Path.Combine(root, county, module);
    }

    private sealed record Meta(string FileName, string? Tag);
}
