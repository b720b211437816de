namespace Emergency.BuildingBlocks.Files;

/// <summary>
/// Files a module keeps for a county (photos, attachments), on disk outside the web root under the
/// data folder (<c>counties/&lt;county&gt;/files/&lt;module&gt;/</c>). A module stores the returned name and
/// serves the file through a page of its own that checks who may see it; nothing is served directly.
/// </summary>
public interface IModuleFiles
{
    /// <summary>Saves the content under a new random name with the given extension (".jpg"); returns that name.</summary>
    Task<string> SaveAsync(string county, string module, Stream content, string extension, CancellationToken cancellationToken = default);

    /// <summary>Opens a saved file, or null when there is none (or the name is not one this store makes).</summary>
    Stream? OpenRead(string county, string module, string name);

    /// <summary>Deletes a saved file if it exists.</summary>
    void Delete(string county, string module, string name);
}
