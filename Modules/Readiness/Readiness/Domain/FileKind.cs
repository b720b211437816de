using System.IO.Compression;
using Emergency.BuildingBlocks.Files;
using Microsoft.AspNetCore.Http;

namespace Emergency.Readiness.Domain;

/// <summary>What an uploaded document really is, by its content (never by its name): PDF, Word (.docx) or a photo/scan (JPEG/PNG).</summary>
internal static class FileKind
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static async Task<(string Extension, string ContentType)?> DetectAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var head = new byte[5];
        int read;
        await using (var stream = file.OpenReadStream())
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, false, cancellationToken);
        }

        if (read == 5 && head.AsSpan().SequenceEqual("%PDF-"u8))
        {
            return ("pdf", "application/pdf");
        }

        if (read == 5 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4)
        {
            try
            {
                await using var stream = file.OpenReadStream();
                using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
                return zip.GetEntry("word/document.xml") is not null ? ("docx", DocxType) : null;
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        return await PhotoKind.DetectAsync(file, cancellationToken);
    }
}
