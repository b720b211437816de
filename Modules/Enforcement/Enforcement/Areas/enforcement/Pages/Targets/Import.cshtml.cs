using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Targets;

/// <summary>
/// 名录库导入 from an Excel (.xlsx) or CSV file with the export's columns: every row is checked and previewed with its
/// problems; a file with any problem writes nothing. A clean file waits in the import staging under a token until the
/// user confirms, and is checked again then (a second confirmation imports nothing).
/// </summary>
[RequirePermission(EnforcementModule.Manage)]
internal sealed class ImportModel(EnforcementAccess access, Domain.Targets targets, IImportStaging staging, ICountyUnits units) : PageModel
{
    public const int MaxRows = 2000;

    private const long MaxBytes = 5 * 1024 * 1024;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Staged { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    private IReadOnlyList<UnitInfo> Townships { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var upload = await SheetUploads.ReadAsync(Upload, MaxBytes, false, cancellationToken);
        if (upload.Problem is { } problem)
        {
            ModelState.AddModelError("Upload", SheetUploads.Message(problem, MaxBytes, false));
            return Page();
        }

        if (await CheckAsync(upload.Upload!.Content, upload.Upload.Extension, cancellationToken) is not { } rows)
        {
            return Page();
        }

        Rows = rows;
        if (rows.All(r => r.Problems.Count == 0))
        {
            Staged = await staging.StageAsync(access.County, EnforcementModule.ModuleName, upload.Upload with { Tag = "targets:" + access.UserName }, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? staged, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var file = await staging.TakeAsync(access.County, EnforcementModule.ModuleName, staged, cancellationToken);
        if (file is null || file.Tag != "targets:" + access.UserName)
        {
            ModelState.AddModelError("Upload", "导入文件已失效，请重新上传");
            return Page();
        }

        if (await CheckAsync(file.Content, file.Extension, cancellationToken) is not { } rows)
        {
            return Page();
        }

        if (rows.Any(r => r.Problems.Count > 0))
        {
            Rows = rows;
            ModelState.AddModelError("Upload", "文件中还有错误，请修改后重新上传");
            return Page();
        }

        var problems = await targets.ImportAsync(rows.Select(r => r.Target!).ToList(), access.UserName, cancellationToken);
        if (problems.Count > 0)
        {
            ModelState.AddModelError("Upload", problems[0].Message);
            return Page();
        }

        TempData["Notice"] = $"已导入企业 {rows.Count} 家";
        return RedirectToPage("Index");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Townships = await access.TownshipsKeptAsync(units, cancellationToken);
        return Townships.Count == 0 ? Forbid() : null;
    }

    /// <summary>Every row with its problems; null (the reason beside the upload) when the file cannot be read.</summary>
    private async Task<List<Row>?> CheckAsync(byte[] content, string extension, CancellationToken cancellationToken)
    {
        var file = SheetReader.Read(content, extension, IndexModel.Columns, MaxRows);
        if (file.Problem is { } unreadable)
        {
            ModelState.AddModelError("Upload", unreadable.Kind switch
            {
                SheetProblemKind.MissingColumns => $"表头缺少列：{unreadable.Args[0]}",
                SheetProblemKind.TooManyRows => $"一次最多导入 {MaxRows} 行",
                SheetProblemKind.NoRows or SheetProblemKind.Empty => "文件中没有企业数据",
                _ => "无法读取该文件，请使用 .xlsx 或 .csv 文件",
            });
            return null;
        }

        var taken = await targets.TakenCodesAsync(cancellationToken);
        var inFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<Row>();
        foreach (var line in file.Rows)
        {
            var code = CreditCode.Normalise(line["统一社会信用代码"]);
            if (inFile.TryGetValue(code, out var firstLine))
            {
                rows.Add(new Row(line.Line, line["企业名称"].Trim(), line["统一社会信用代码"].Trim(), line["乡镇"].Trim(), [$"与第 {firstLine} 行的统一社会信用代码重复"], null));
                continue;
            }

            inFile[code] = line.Line;
            var township = Townships.FirstOrDefault(t => t.Name == line["乡镇"].Trim());
            var risk = Labels.ParseRisk(line["风险等级"]);
            var standard = Labels.ParseStandard(line["标准化等级"]);
            var credit = Labels.ParseCredit(line["信用等级"]);
            var kind = Labels.ParseKind(line["重点/一般"]);
            var entrusted = Labels.ParseEntrusted(line["管辖"]);
            var (target, problems) = Domain.Targets.Check(
                new TargetDraft(line["企业名称"], line["统一社会信用代码"], line["地址"], township?.Id, line["行业"], risk, standard, credit, kind, entrusted, line["联系电话"]),
                Townships,
                taken);
            var messages = problems.Select(p => p.Message).ToList();

            rows.Add(new Row(line.Line, line["企业名称"].Trim(), line["统一社会信用代码"].Trim(), line["乡镇"].Trim(), messages, target));
        }

        return rows;
    }

    internal sealed record Row(int Line, string Name, string CreditCode, string Township, List<string> Problems, Target? Target);
}
