using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Import;

/// <summary>
/// Grids imported from an Excel sheet (.xlsx): the upload is checked row by row and previewed with
/// its errors; nothing is written until the user confirms a file without errors. A clean file waits
/// between the two steps in the platform's import staging, under a token, and is checked again on confirmation.
/// </summary>
[RequirePermission(GridModule.Manage)]
internal sealed class IndexModel(GridDbContext db, GridAccess access, ICountyUnits units, ICountySettings settings, IImportStaging staging, TimeProvider clock) : PageModel
{
    /// <summary>The columns of the sheet, in order.</summary>
    public static readonly string[] Columns = ["村（社区）", "网格编码", "网格名称", "类型", "户数", "人口", "风险防范重点", "撤离路线", "避难场所", "应急电话"];

    public const int MaxRows = 2000;

    public const long MaxFileBytes = 5 * 1024 * 1024;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The staged file's token once a clean file is previewed.</summary>
    public string? Staged { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        access.ManagesAny ? Page() : Forbid();

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!access.ManagesAny)
        {
            return Forbid();
        }

        var read = await SheetUploads.ReadAsync(Upload, MaxFileBytes, xlsxOnly: true, cancellationToken);
        if (read.Upload is not { } upload)
        {
            ModelState.AddModelError("Upload", SheetUploads.Message(read.Problem!.Value, MaxFileBytes, xlsxOnly: true));
            return Page();
        }

        var content = upload.Content;
        var rows = await CheckAsync(content, cancellationToken);
        if (rows is null)
        {
            return Page();
        }

        Rows = rows;
        if (rows.All(r => r.Errors.Count == 0))
        {
            Staged = await staging.StageAsync(access.County, GridModule.ModuleName, upload, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string staged, CancellationToken cancellationToken)
    {
        if (!access.ManagesAny)
        {
            return Forbid();
        }

        // Taken out of the staging whatever the outcome: a second confirmation finds nothing to import.
        var file = await staging.TakeAsync(access.County, GridModule.ModuleName, staged, cancellationToken);
        if (file is null)
        {
            ModelState.AddModelError("Upload", "导入文件已失效，请重新上传");
            return Page();
        }

        var rows = await CheckAsync(file.Content, cancellationToken);
        if (rows is null)
        {
            return Page();
        }

        if (rows.Any(r => r.Errors.Count > 0))
        {
            Rows = rows;
            ModelState.AddModelError("Upload", "文件中还有错误，请修改后重新上传");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            db.Grids.Add(row.Grid!);
            row.Grid!.CreatedAtUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已导入 {rows.Count} 个网格";
        return RedirectToPage("/Grids/Index");
    }

    /// <summary>Reads and checks every row; null (with the reason beside the upload field) when the file cannot be read.</summary>
    private async Task<IReadOnlyList<Row>?> CheckAsync(byte[] content, CancellationToken cancellationToken)
    {
        var file = SheetReader.Read(content, ".xlsx", Columns, MaxRows);
        if (file.Problem is { } unreadable)
        {
            ModelState.AddModelError("Upload", unreadable.Kind switch
            {
                SheetProblemKind.MissingColumns => $"表头缺少列：{unreadable.Args[0]}，请使用导入模板（.xlsx）",
                SheetProblemKind.TooManyRows => $"一次最多导入 {MaxRows} 行",
                SheetProblemKind.NoRows or SheetProblemKind.Empty => "文件中没有网格数据",
                _ => "无法读取该文件，请使用导入模板（.xlsx）",
            });
            return null;
        }

        var cells = file.Rows;
        var countyManager = access.IsCountyManager;
        var villages = (await units.VillagesAsync(access.County, cancellationToken))
            .Where(v => countyManager || v.ParentId == access.TownshipId)
            .GroupBy(v => v.Name)
            .ToDictionary(g => g.Key, g => g.First());
        var codes = cells.Select(c => c.Cells[1]).Where(c => c.Length > 0).ToList();
        var taken = (await db.Grids.AsNoTracking().Where(g => codes.Contains(g.Code)).Select(g => g.Code).ToListAsync(cancellationToken)).ToHashSet();
        var seen = new HashSet<string>();
        var rows = new List<Row>();
        foreach (var line in cells)
        {
            var c = line.Cells;
            var errors = new List<string>();
            if (!villages.TryGetValue(c[0], out var village))
            {
                errors.Add(c[0].Length == 0 ? "缺少村（社区）" : $"“{c[0]}”不是本乡镇的村（社区）");
            }
            if (c[1].Length == 0 || c[1].Length > 30 || !c[1].All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
            {
                errors.Add("网格编码须为 1–30 位数字、字母或短横线");
            }
            else if (taken.Contains(c[1]) || !seen.Add(c[1]))
            {
                errors.Add($"网格编码 {c[1]} 重复");
            }

            if (c[2].Length is 0 or > 50)
            {
                errors.Add("网格名称须为 1–50 个字");
            }

            var kind = GridRules.ParseKind(c[3]);
            if (kind is null)
            {
                errors.Add("类型须为“村民小组”或“社区网格”");
            }

            var households = ParseCount(c[4], "户数", errors);
            var population = ParseCount(c[5], "人口", errors);
            if (kind is { } k && households is { } h && await GridRules.HouseholdsProblemAsync(settings, k, h, cancellationToken) is { } problem)
            {
                errors.Add(problem);
            }

            if (c[6].Length > 1000 || c[7].Length > 500 || c[8].Length > 200 || c[9].Length > 500)
            {
                errors.Add("风险防范重点、撤离路线、避难场所或应急电话过长");
            }

            var grid = errors.Count > 0 ? null : new GridArea
            {
                TownshipId = village!.ParentId ?? 0,
                VillageId = village.Id,
                Code = c[1],
                Name = c[2],
                Kind = kind!.Value,
                Households = households!.Value,
                Population = population!.Value,
                KeyRisks = c[6],
                EvacuationRoute = c[7],
                Shelter = c[8],
                EmergencyNumbers = c[9],
            };
            rows.Add(new Row(line.Line, [.. c], errors, grid));
        }

        return rows;
    }

    private static int? ParseCount(string text, string what, List<string> errors)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0)
        {
            return n;
        }

        errors.Add($"{what}须为不小于 0 的整数");
        return null;
    }

    internal sealed record Row(int Number, string[] Cells, IReadOnlyList<string> Errors, GridArea? Grid);
}
