using Microsoft.AspNetCore.Http;

namespace Emergency.BuildingBlocks.Spreadsheets;

/// <summary>Why an uploaded sheet was refused before it was read.</summary>
public enum SheetUploadProblem
{
    /// <summary>No file, or an empty one.</summary>
    Missing,

    /// <summary>Not a sheet this import reads (.xlsx, or .csv where allowed).</summary>
    FileType,

    /// <summary>Larger than the import allows.</summary>
    TooLarge,
}

/// <summary>An upload as checked: the file (name, lower-case extension, bytes), or why it was refused.</summary>
public sealed record SheetUploadResult(StagedUpload? Upload, SheetUploadProblem? Problem);

/// <summary>
/// The first check of every import's upload (modules' and the platform's): present, a spreadsheet, not too large;
/// only then are the bytes read. The caller puts the refusal beside its upload field (<see cref="Message"/> gives
/// the Chinese text when the caller has none of its own).
/// </summary>
public static class SheetUploads
{
    public static async Task<SheetUploadResult> ReadAsync(IFormFile? upload, long maxBytes, bool xlsxOnly, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(upload?.FileName ?? "").ToLowerInvariant();
        SheetUploadProblem? problem = upload is null || upload.Length == 0 ? SheetUploadProblem.Missing
            : !SheetReader.IsSupported(extension) || (xlsxOnly && extension != ".xlsx") ? SheetUploadProblem.FileType
            : upload.Length > maxBytes ? SheetUploadProblem.TooLarge
            : null;
        if (problem is not null)
        {
            return new SheetUploadResult(null, problem);
        }

        using var buffer = new MemoryStream();
        await upload!.CopyToAsync(buffer, cancellationToken);
        return new SheetUploadResult(new StagedUpload(Path.GetFileName(upload.FileName), extension, buffer.ToArray()), null);
    }

    /// <summary>The refusal in Chinese, to show beside the upload field.</summary>
    public static string Message(SheetUploadProblem problem, long maxBytes, bool xlsxOnly) => problem switch
    {
        SheetUploadProblem.Missing => "请选择要导入的文件",
        SheetUploadProblem.FileType => xlsxOnly ? "请上传 Excel（.xlsx）文件" : "请上传 Excel（.xlsx）或 CSV 文件",
        _ => $"文件不能超过 {maxBytes / 1024 / 1024} MB",
    };
}
