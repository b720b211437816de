using Emergency.BuildingBlocks.Spreadsheets;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Platform;

/// <summary>
/// The platform imports' first check of an upload (the county tree, a year's holidays): the shared
/// <see cref="SheetUploads"/> check, each refusal put beside the upload field in the platform's own words.
/// </summary>
internal static class PlatformUploads
{
    public static async Task<StagedUpload?> ReadAsync(
        IFormFile? upload, string field, long maxBytes, ModelStateDictionary modelState, IStringLocalizer<PlatformText> text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(text);
        var read = await SheetUploads.ReadAsync(upload, maxBytes, xlsxOnly: false, cancellationToken);
        if (read.Problem is { } problem)
        {
            modelState.AddModelError(field, problem switch
            {
                SheetUploadProblem.Missing => text["FileRequired"],
                SheetUploadProblem.FileType => text["FileType"],
                _ => text["FileTooLarge", maxBytes / 1024 / 1024],
            });
        }

        return read.Upload;
    }
}
