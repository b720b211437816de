using Emergency.BuildingBlocks.Access;
using System.Globalization;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Import;

/// <summary>
/// The county imports recommendation rows (推荐表 collected on paper or by mail) into a round: the file is
/// checked and every row's problems shown; a clean file is kept under a token and written, checked again,
/// in one transaction on 确认导入. A file with any problem writes nothing.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 16 * 1024 * 1024)]
[RequestSizeLimit(16 * 1024 * 1024)]
[RequirePermission(ExpertsModule.Manage)]
internal sealed class IndexModel(
    ExpertsDbContext db,
    ExpertsAccess access,
    RecommendationImport import,
    IImportStaging staging,
    ICountyContext county,
    TimeProvider clock) : PageModel
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public IReadOnlyList<RecommendationRound> Rounds { get; private set; } = [];

    [BindProperty]
    public int? Round { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    public ImportPreview? Preview { get; private set; }

    public string? FileName { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        var round = Round is { } id ? await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) : null;
        if (round is null)
        {
            ModelState.AddModelError(nameof(Round), "请选择推荐轮次");
        }

        var read = await SheetUploads.ReadAsync(Upload, MaxFileBytes, xlsxOnly: true, cancellationToken);
        if (read.Problem is { } refused)
        {
            ModelState.AddModelError(nameof(Upload), SheetUploads.Message(refused, MaxFileBytes, xlsxOnly: true));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var content = read.Upload!.Content;
        FileName = read.Upload.FileName;
        Preview = await import.PreviewAsync(round!, content, cancellationToken);
        if (Preview.FileProblem is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), problem);
        }
        else if (Preview.IsClean)
        {
            // The round goes with the file: the confirmation imports into the round that was previewed.
            var upload = new StagedUpload(FileName, ".xlsx", content, round!.Id.ToString(CultureInfo.InvariantCulture));
            Token = await staging.StageAsync(county.Required, ExpertsModule.ModuleName, upload, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        // Taken out of the staging whatever the outcome: a second confirmation finds nothing to import.
        var staged = await staging.TakeAsync(county.Required, ExpertsModule.ModuleName, Token, cancellationToken);
        var roundId = int.TryParse(staged?.Tag, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
        var round = staged is null ? null : await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (staged is null || round is null)
        {
            ModelState.AddModelError(nameof(Upload), "预览已过期，请重新上传文件");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Round = round.Id;
        FileName = staged.FileName;

        var (imported, preview) = await import.ImportAsync(round, staged.Content, access.UserName, now, cancellationToken);
        if (!imported)
        {
            Preview = preview;
            Token = null;
            ModelState.AddModelError(nameof(Upload), "文件内容与预览时相比已有问题，未导入任何数据，请修改后重新上传");
            return Page();
        }

        Notice = $"已导入 {preview.Rows.Count} 条推荐";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rounds = await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
}
