using Microsoft.AspNetCore.Http;

namespace Emergency.Training.Domain;

/// <summary>
/// Recognises an upload by its first bytes (not by its name or declared type): photos (JPEG, PNG, WebP, as Grid's
/// hazard photos) and, for an evaluation report's file, also PDF.
/// </summary>
internal static class FileKind
{
    public static async Task<(string Extension, string ContentType)?> DetectAsync(IFormFile file, bool allowPdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var head = new byte[12];
        await using var stream = file.OpenReadStream();
        var read = 0;
        while (read < head.Length)
        {
            var n = await stream.ReadAsync(head.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return Detect(head.AsSpan(0, read), allowPdf);
    }

    public static (string Extension, string ContentType)? Detect(ReadOnlySpan<byte> head, bool allowPdf)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return ("jpg", "image/jpeg");
        }

        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return ("png", "image/png");
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ("webp", "image/webp");
        }

        if (allowPdf && head.Length >= 5 && head[..5].SequenceEqual("%PDF-"u8))
        {
            return ("pdf", "application/pdf");
        }

        return null;
    }
}
