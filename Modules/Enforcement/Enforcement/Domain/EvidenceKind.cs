using Emergency.BuildingBlocks.Files;

namespace Emergency.Enforcement.Domain;

/// <summary>Recognises an evidence file by its content (not its name): a photo (<see cref="PhotoKind"/>) or a PDF ("%PDF-").</summary>
internal static class EvidenceKind
{
    public static async Task<(string Extension, string ContentType)?> DetectAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[16];
        var read = 0;
        while (read < head.Length && await stream.ReadAsync(head.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }

        var span = head.AsSpan(0, read);
        if (span.Length >= 5 && span[..5].SequenceEqual("%PDF-"u8))
        {
            return ("pdf", "application/pdf");
        }

        return PhotoKind.Detect(span);
    }
}
