using System.Text;
using Emergency.Host.Platform;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Host.Platform.Data;
using Emergency.Host.Platform.TreeImport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.Platform.Counties;

/// <summary>
/// A county's administrative tree (乡镇/街道 → 村/社区) and its import from CSV or .xlsx: the upload is
/// checked and previewed, kept on the server under a random token, and written only when the
/// admin confirms (checked again then, in one transaction).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = TransportLimit)]
[RequestSizeLimit(TransportLimit)]
internal sealed class TreeModel(
    PlatformDbContext db,
    AdministrativeTreeImport import,
    IImportStaging staging,
    IStringLocalizer<PlatformText> text) : PageModel
{
    /// <summary>The largest file accepted; a larger one (up to the transport limit) gets a clear message.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The staging folder of tree imports (a county's, beside its modules').</summary>
    private const string Staging = "platform-tree";

    /// <summary>Above this the server refuses the request itself (413) before the page sees it.</summary>
    private const long TransportLimit = 16 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The staged file's token, posted back by the confirm button.</summary>
    [BindProperty]
    public string? Token { get; set; }

    public string CountyName { get; private set; } = "";

    public IReadOnlyList<Township> Townships { get; private set; } = [];

    public TreeImportPreview? Preview { get; private set; }

    public string? FileName { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>An empty file with the header row and two example rows of this county, as UTF-8 CSV with a BOM (Excel opens it as such).</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken)
    {
        if (Code is null || !await db.Counties.AnyAsync(c => c.Code == Code, cancellationToken))
        {
            return NotFound();
        }

        var csv = new StringBuilder()
            .AppendLine(string.Join(',', AdministrativeTreeImport.Columns))
            .AppendLine($"{Code}100,示例镇,镇,{Code}100201,示例村,村")
            .AppendLine($"{Code}100,示例镇,镇,{Code}100001,示例社区,社区");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"tree-{Code}.csv");
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var file = await PlatformUploads.ReadAsync(Upload, nameof(Upload), MaxFileBytes, ModelState, text, cancellationToken);
        if (file is null)
        {
            return Page();
        }

        FileName = file.FileName;
        var (content, extension) = (file.Content, file.Extension);
        Preview = await import.PreviewAsync(Code!, content, extension, cancellationToken);
        if (Preview.FileProblem is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), text[problem.Key, problem.Args]);
        }
        else if (Preview.IsClean)
        {
            Token = await staging.StageAsync(Code!, Staging, new StagedUpload(FileName, extension, content), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // Taken out of the staging whatever the outcome: a second confirmation finds nothing to import.
        var file = await staging.TakeAsync(Code!, Staging, Token, cancellationToken);
        if (file is null)
        {
            ModelState.AddModelError(nameof(Upload), text["PreviewExpired"]);
            return Page();
        }

        TreeImportOutcome outcome;
        try
        {
            outcome = await import.ImportAsync(Code!, file.Content, file.Extension, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A code was added by someone else between the check and the write; the transaction wrote nothing.
            ModelState.AddModelError(nameof(Upload), text["ImportConflict"]);
            return Page();
        }

        if (!outcome.Imported)
        {
            Preview = outcome.Preview;
            Token = null;
            ModelState.AddModelError(nameof(Upload), text["ImportChanged"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = text["ImportDone", outcome.Preview.NewTownships, outcome.Preview.NewVillages].Value;
        return RedirectToPage(new { code = Code });
    }

    public string Problem(TreeProblem problem) => text[problem.Key, problem.Args];

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var county = Code is null ? null : await db.Counties.AsNoTracking().FirstOrDefaultAsync(c => c.Code == Code, cancellationToken);
        if (county is null)
        {
            return false;
        }

        CountyName = county.Name;
        Townships = await db.Townships.AsNoTracking().Where(t => t.CountyCode == county.Code)
            .Include(t => t.Villages.OrderBy(v => v.Code))
            .OrderBy(t => t.Code)
            .ToListAsync(cancellationToken);
        return true;
    }
}
