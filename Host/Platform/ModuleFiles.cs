using System.Security.Cryptography;
using Emergency.BuildingBlocks.Files;

namespace Emergency.Host.Platform;

/// <summary>
/// Module files under the data root: <c>counties/&lt;county&gt;/files/&lt;module&gt;/&lt;random&gt;.&lt;ext&gt;</c>.
/// Names are made here (random, URL-safe) and checked on the way back, so a name from a URL can
/// never leave the module's folder.
/// </summary>
internal sealed class ModuleFiles(string dataRoot) : IModuleFiles
{
    private readonly string root = Path.GetFullPath(dataRoot);

    public async Task<string> SaveAsync(string county, string module, Stream content, string extension, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var ext = (extension ?? "").TrimStart('.').ToLowerInvariant();
        if (ext.Length is 0 or > 8 || !ext.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{extension}' is not a safe file extension.", nameof(extension));
        }

        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "." + ext;
        var folder = Folder(county, module);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        return name;
    }

    public Stream? OpenRead(string county, string module, string name)
    {
        var path = PathOf(county, module, name);
        return path is not null && File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string county, string module, string name)
    {
        var path = PathOf(county, module, name);
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string? PathOf(string county, string module, string name)
    {
        // Only names this store makes: letters, digits, '-', '_' and one '.' before the extension.
        if (string.IsNullOrEmpty(name) || name.Length > 64 || name.Count(c => c == '.') != 1 || name[0] == '.' ||
            !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return null;
        }

        var folder = Folder(county, module);
        var path = Path.GetFullPath(Path.Combine(folder, name));
        return path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    private string Folder(string county, string module) =>
        Path.GetFullPath(Path.Combine(root, "counties", Safe(county), "files", Safe(module)));

    private static string Safe(string part) =>
        !string.IsNullOrEmpty(part) && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? part
            : throw new ArgumentException($"'{part}' is not a safe folder name.", nameof(part));
}
