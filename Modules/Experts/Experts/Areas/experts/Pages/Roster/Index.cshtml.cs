using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Roster;

/// <summary>
/// 录入现有专家: the county enters experts admitted before the system (certificate number and term kept), one by
/// one or from an Excel file with a row-error preview; a clean file is kept under a token and written whole on
/// 确认导入 (<see cref="RosterEntry"/>). County managers only.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 16 * 1024 * 1024)]
[RequestSizeLimit(16 * 1024 * 1024)]
[RequirePermission(ExpertsModule.Manage)]
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, RosterEntry roster, IImportStaging staging, ICountyUnits units, ICountyContext county)
    : PageModel
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    private const string StagingTag = "roster";

    public IReadOnlyList<Field> Fields { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Departments { get; private set; } = [];

    [BindProperty]
    public EntryInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    public RosterPreview? Preview { get; private set; }

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

    /// <summary>The import template: the header row the file must have.</summary>
    public IActionResult OnGetTemplate()
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        var sheet = new SheetExport("专家名册", RosterEntry.Columns.Select(c => new SheetColumn(c, c is "身份证号码" or "工作单位" or "领域" or "工作单位邮箱" ? 22 : 14)).ToList());
        return sheet.ToFile("专家名册导入模板.xlsx");
    }

    public async Task<IActionResult> OnPostEnterAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        var names = await db.Fields.AsNoTracking().Where(f => Input.FieldIds.Contains(f.Id)).Select(f => f.Name).ToListAsync(cancellationToken);
        var person = new RosterPerson(
            Input.Name ?? "", Input.Gender ?? "", Input.IdCardNumber ?? "", Input.Mobile ?? "", Input.Email, Input.Employer ?? "", Input.EmployerEmail,
            Input.Title ?? "", Input.Specialty, string.Join("、", names), Input.Department, Input.CertificateNumber ?? "", Input.TermStart ?? "", Input.TermEnd ?? "");
        var (expert, problems) = await roster.EnterAsync(person, cancellationToken);
        foreach (var problem in problems)
        {
            var message = problem.Message == "未填写" ? "请填写" + RosterEntry.Labels[problem.Field] : problem.Message;
            ModelState.AddModelError("Input." + (problem.Field == "Fields" ? "FieldIds" : problem.Field), message);
        }

        if (expert is null)
        {
            return Page();
        }

        Notice = $"已录入 {expert.Name}，证书编号 {expert.CertificateNumber}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        var extension = Path.GetExtension(Upload?.FileName ?? "").ToLowerInvariant();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择要导入的文件");
        }
        else if (extension != ".xlsx")
        {
            ModelState.AddModelError(nameof(Upload), "请上传 Excel（.xlsx）文件");
        }
        else if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), "文件不能超过 5 MB");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await Upload!.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        FileName = Path.GetFileName(Upload.FileName);
        Preview = await roster.PreviewAsync(content, extension, cancellationToken);
        if (Preview.FileProblem is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), problem);
        }
        else if (Preview.IsClean)
        {
            Token = await staging.StageAsync(county.Required, ExpertsModule.ModuleName, new StagedUpload(FileName, extension, content, StagingTag), cancellationToken);
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
        if (staged is null || staged.Tag != StagingTag)
        {
            ModelState.AddModelError(nameof(Upload), "预览已过期，请重新上传文件");
            return Page();
        }

        FileName = staged.FileName;
        var (imported, preview) = await roster.ImportAsync(staged.Content, staged.Extension, cancellationToken);
        if (!imported)
        {
            Preview = preview;
            Token = null;
            ModelState.AddModelError(nameof(Upload), "文件内容与预览时相比已有问题，未导入任何数据，请修改后重新上传");
            return Page();
        }

        Notice = $"已导入 {preview.Rows.Count} 名专家";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Fields = await db.Fields.AsNoTracking().Where(f => f.Active).OrderBy(f => f.Category).ThenBy(f => f.SortOrder).ToListAsync(cancellationToken);
        Departments = await units.DepartmentsAsync(county.Required, cancellationToken);
    }

    internal sealed class EntryInput
    {
        public string? Name { get; set; }

        public string? Gender { get; set; }

        public string? IdCardNumber { get; set; }

        public string? Mobile { get; set; }

        public string? Email { get; set; }

        public string? Employer { get; set; }

        public string? EmployerEmail { get; set; }

        public string? Title { get; set; }

        public string? Specialty { get; set; }

        public List<int> FieldIds { get; set; } = [];

        public string? Department { get; set; }

        public string? CertificateNumber { get; set; }

        public string? TermStart { get; set; }

        public string? TermEnd { get; set; }
    }
}
