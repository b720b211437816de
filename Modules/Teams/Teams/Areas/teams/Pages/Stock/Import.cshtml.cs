using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Stock;

/// <summary>
/// 期初库存导入 from an Excel or CSV sheet: every row checked and previewed with its problems; a clean file is kept
/// under a token and written, checked again, as one 入库 per row in one transaction on 确认导入 — or nothing.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 16 * 1024 * 1024)]
[RequestSizeLimit(16 * 1024 * 1024)]
[RequirePermission(TeamsModule.Manage)]
internal sealed class ImportModel(StockAccess access, StockImport import, IImportStaging staging) : PageModel
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    private const string Tag = "stock-opening";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    public StockImportPreview? Preview { get; private set; }

    public string? FileName { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public IActionResult OnGet() => access.ManagesAny ? Page() : Forbid();

    public IActionResult OnGetTemplate() => access.ManagesAny ? StockImport.Template().ToFile("期初库存导入模板.xlsx") : Forbid();

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!access.ManagesAny)
        {
            return Forbid();
        }

        var read = await SheetUploads.ReadAsync(Upload, MaxFileBytes, xlsxOnly: false, cancellationToken);
        if (read.Upload is not { } upload)
        {
            ModelState.AddModelError(nameof(Upload), SheetUploads.Message(read.Problem!.Value, MaxFileBytes, xlsxOnly: false));
            return Page();
        }

        FileName = upload.FileName;
        Preview = await import.PreviewAsync(upload.Content, upload.Extension, cancellationToken);
        if (Preview.FileProblem is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), problem);
        }
        else if (Preview.IsClean)
        {
            Token = await staging.StageAsync(access.County, TeamsModule.ModuleName, upload with { Tag = Tag }, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!access.ManagesAny)
        {
            return Forbid();
        }

        var staged = await staging.TakeAsync(access.County, TeamsModule.ModuleName, Token, cancellationToken);
        Token = null;
        if (staged is null || staged.Tag != Tag)
        {
            ModelState.AddModelError(nameof(Upload), "预览已过期或已导入，请重新上传文件");
            return Page();
        }

        FileName = staged.FileName;
        var (imported, preview) = await import.ImportAsync(staged.Content, staged.Extension, access.UserName, cancellationToken);
        if (!imported)
        {
            Preview = preview;
            ModelState.AddModelError(nameof(Upload), "文件内容与预览时相比已有问题，未导入任何库存，请修改后重新上传");
            return Page();
        }

        TempData["Notice"] = $"已导入 {preview.Rows.Count} 行期初库存";
        return RedirectToPage("/Stock/Index");
    }
}
