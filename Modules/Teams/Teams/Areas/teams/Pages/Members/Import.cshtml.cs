using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Members;

/// <summary>
/// Members imported into a team from an Excel or CSV sheet: every row checked and previewed with its problems
/// (and two-team warnings); a clean file is kept under a token and written, checked again, in one save on 确认导入.
/// A file with any problem writes nothing; a second confirmation finds nothing to import.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 16 * 1024 * 1024)]
[RequestSizeLimit(16 * 1024 * 1024)]
[RequirePermission(TeamsModule.Manage)]
internal sealed class ImportModel(TeamsAccess access, TeamRoster roster, MemberImport import, IImportStaging staging) : PageModel
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    [BindProperty(SupportsGet = true, Name = "team")]
    public int TeamId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    public RescueTeam Team { get; private set; } = null!;

    public ImportPreview? Preview { get; private set; }

    public string? FileName { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Warnings { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    /// <summary>The template: the header and one example row.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? MemberImport.Template().ToFile("队员导入模板.xlsx");

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var read = await SheetUploads.ReadAsync(Upload, MaxFileBytes, xlsxOnly: false, cancellationToken);
        if (read.Upload is not { } upload)
        {
            ModelState.AddModelError(nameof(Upload), SheetUploads.Message(read.Problem!.Value, MaxFileBytes, xlsxOnly: false));
            return Page();
        }

        FileName = upload.FileName;
        Preview = await import.PreviewAsync(Team, upload.Content, upload.Extension, cancellationToken);
        if (Preview.FileProblem is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), problem);
        }
        else if (Preview.IsClean)
        {
            // The team goes with the file: the confirmation imports into the team that was previewed.
            Token = await staging.StageAsync(access.County, TeamsModule.ModuleName, upload with { Tag = Team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        // Taken out of the staging whatever the outcome: a second confirmation finds nothing to import.
        var staged = await staging.TakeAsync(access.County, TeamsModule.ModuleName, Token, cancellationToken);
        Token = null;
        if (staged is null || staged.Tag != Team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            ModelState.AddModelError(nameof(Upload), "预览已过期或已导入，请重新上传文件");
            return Page();
        }

        FileName = staged.FileName;
        var (imported, preview, result) = await import.ImportAsync(Team, staged.Content, staged.Extension, cancellationToken);
        if (!imported)
        {
            Preview = preview;
            ModelState.AddModelError(nameof(Upload), "文件内容与预览时相比已有问题，未导入任何队员，请修改后重新上传");
            return Page();
        }

        Notice = $"已导入 {preview.Rows.Count} 名队员";
        Warnings = result!.Warnings.Count == 0 ? null : string.Join("；", result.Warnings);
        return RedirectToPage("/Teams/Details", new { id = Team.Id });
    }

    /// <summary>Null when the user may change the team's members, else the refusal (404 unseen, 403 not theirs).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var team = await roster.LoadAsync(TeamId, cancellationToken);
        if (team is null || !access.MaySee(team))
        {
            return NotFound();
        }

        if (!access.MayManage(team))
        {
            return Forbid();
        }

        Team = team;
        return null;
    }
}
