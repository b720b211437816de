using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Emergency.BuildingBlocks.Files;

/// <summary>
/// Recognises a document by its content (not its name or declared type): a PDF ("%PDF-") or a Word .docx (a ZIP
/// package holding <c>word/document.xml</c>). Anything else — an old .doc, a renamed image, a plain ZIP — is not a
/// document. The one check every module uses before it keeps a plan, report or 文书 through
/// <see cref="IModuleFiles"/>; photos go through <see cref="PhotoKind"/>. The extension has no leading dot.
/// </summary>
public static class DocumentKind
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static async Task<(string Extension, string ContentType)?> DetectAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        byte[] head;
        await using (var stream = file.OpenReadStream())
        {
            head = await PhotoKind.ReadHeadAsync(stream, 5, cancellationToken);
        }

        if (head.Length < 5)
        {
            return null;
        }

        if (head.AsSpan().SequenceEqual("%PDF-"u8))
        {
            return ("pdf", "application/pdf");
        }

        if (head[0] != (byte)'P' || head[1] != (byte)'K' || head[2] != 3 || head[3] != 4)
        {
            return null;
        }

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

    /// <summary>A document, or else a photo (a scanned or photographed page).</summary>
    public static async Task<(string Extension, string ContentType)?> DetectDocumentOrPhotoAsync(IFormFile file, CancellationToken cancellationToken) =>
        await DetectAsync(file, cancellationToken) ?? await PhotoKind.DetectAsync(file, cancellationToken);
}
