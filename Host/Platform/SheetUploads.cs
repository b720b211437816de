using Emergency.BuildingBlocks.Spreadsheets;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Platform;

/// <summary>An uploaded .xlsx/.csv of a platform import (the county tree, a year's holidays), read once checked.</summary>
internal sealed record SheetUpload(string FileName, string Extension, byte[] Content);

/// <summary>
/// The platform imports' first check of an upload: present, a spreadsheet, not too large; each refusal is put
/// beside the upload field in Chinese and nothing is read.
/// </summary>
internal static class SheetUploads
{
    public static async Task<SheetUpload?> ReadAsync(
        IFormFile? upload, string field, long maxBytes, ModelStateDictionary modelState, IStringLocalizer<PlatformText> text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(text);
        var extension = Path.GetExtension(upload?.FileName ?? "").ToLowerInvariant();
        var problem = upload is null || upload.Length == 0 ? text["FileRequired"]
            : !SheetReader.IsSupported(extension) ? text["FileType"]
            : upload.Length > maxBytes ? text["FileTooLarge", maxBytes / 1024 / 1024]
            : null;
        if (problem is not null)
        {
            modelState.AddModelError(field, problem);
            return null;
        }

        using var buffer = new MemoryStream();
        await upload!.CopyToAsync(buffer, cancellationToken);
        return new SheetUpload(Path.GetFileName(upload.FileName), extension, buffer.ToArray());
    }
}
