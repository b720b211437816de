namespace Emergency.BuildingBlocks.Spreadsheets;

/// <summary>An uploaded file kept between its preview and the user's confirmation.</summary>
/// <param name="FileName">The name the user uploaded (shown again on confirmation).</param>
/// <param name="Extension">".csv" or ".xlsx" (lower case, with the dot).</param>
/// <param name="Content">The bytes as uploaded.</param>
/// <param name="Tag">What the upload is for, kept with it (e.g. the round it imports into); null when nothing.</param>
#pragma warning disable CA1819 // The bytes of one upload, handed over once.
public sealed record StagedUpload(string FileName, string Extension, byte[] Content, string? Tag = null);
#pragma warning restore CA1819

/// <summary>
/// Keeps an upload on the server under a random token while the user looks at its preview: the page
/// hands only the token to the browser, and on confirmation takes the bytes back and checks them again.
/// One folder per county and module under the data root; a staged file expires after
/// <see cref="Lifetime"/> (by the platform clock) and is swept away. Registered by the platform.
/// </summary>
public interface IImportStaging
{
    /// <summary>How long a staged upload waits for its confirmation.</summary>
    TimeSpan Lifetime { get; }

    /// <summary>Keeps the upload; returns its token (32 lower-case hex digits).</summary>
    Task<string> StageAsync(string county, string module, StagedUpload upload, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the upload of this token out of the staging (it is gone afterwards, so one confirmation
    /// wins over a second, concurrent one); null when the token is unknown, expired or already taken.
    /// </summary>
    Task<StagedUpload?> TakeAsync(string county, string module, string? token, CancellationToken cancellationToken = default);

    /// <summary>Forgets the upload of this token, if any.</summary>
    void Discard(string county, string module, string? token);
}
