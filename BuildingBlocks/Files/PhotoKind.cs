using Microsoft.AspNetCore.Http;

namespace Emergency.BuildingBlocks.Files;

/// <summary>
/// Recognises a photo by its first bytes (JPEG, PNG or WebP), not by its name or declared type: the one check every
/// module uses before it keeps a photo through <see cref="IModuleFiles"/>. The extension has no leading dot.
/// </summary>
public static class PhotoKind
{
    /// <summary>An uploaded photo, read from its own content.</summary>
    public static async Task<(string Extension, string ContentType)?> DetectAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = file.OpenReadStream();
        return await DetectAsync(stream, cancellationToken);
    }

    public static async Task<(string Extension, string ContentType)?> DetectAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Detect(await ReadHeadAsync(stream, 12, cancellationToken));
    }

    /// <summary>Up to <paramref name="length"/> first bytes of a stream (fewer when it is shorter).</summary>
    internal static async Task<byte[]> ReadHeadAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var head = new byte[length];
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

        return head[..read];
    }

    public static (string Extension, string ContentType)? Detect(ReadOnlySpan<byte> head)
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

        return null;
    }
}
