using System.Globalization;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Teams.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Domain;

/// <summary>One row of an opening-stock import as read, with its problems.</summary>
internal sealed record StockImportRow(int Line, IReadOnlyList<string> Cells, IReadOnlyList<string> Problems, OpeningStock? Stock);

/// <summary>A checked opening-stock import: the rows, or why the file could not be read.</summary>
internal sealed record StockImportPreview(IReadOnlyList<StockImportRow> Rows, string? FileProblem)
{
    public bool IsClean => FileProblem is null && Rows.Count > 0 && Rows.All(r => r.Problems.Count == 0);

    public int RowsWithProblems => Rows.Count(r => r.Problems.Count > 0);
}

/// <summary>
/// 期初库存导入: rows of (储备点, 品名, 数量, 最低库存, 有效期) for the sites the user manages, each checked and previewed;
/// a clean file becomes one 入库 movement per row, all in one transaction, or nothing.
/// </summary>
internal sealed class StockImport(TeamsDbContext db, StockAccess access, StockLedger ledger)
{
    public static readonly string[] Columns = ["储备点", "品名", "数量", "最低库存", "有效期或保养日期"];

    public const int MaxRows = 1000;

    public static SheetExport Template()
    {
        var sheet = new SheetExport("期初库存", Columns.Select(c => new SheetColumn(c, c is "储备点" or "品名" ? 24 : 16)).ToList());
        sheet.Add("青山镇应急物资储备点", "救生衣", "60", "30", "");
        return sheet;
    }

    public async Task<StockImportPreview> PreviewAsync(byte[] content, string extension, CancellationToken cancellationToken)
    {
        var file = SheetReader.Read(content, extension, Columns, MaxRows);
        if (file.Problem is { } problem)
        {
            return new StockImportPreview([], problem.Kind switch
            {
                SheetProblemKind.MissingColumns => $"表头缺少列：{problem.Args[0]}，请使用导入模板",
                SheetProblemKind.TooManyRows => $"一次最多导入 {MaxRows} 行",
                SheetProblemKind.NoRows or SheetProblemKind.Empty => "文件中没有库存",
                SheetProblemKind.CsvEncoding => "CSV 文件须为 UTF-8 或 GB18030 编码",
                _ => "无法读取该文件，请使用导入模板（.xlsx 或 .csv）",
            });
        }

        await ledger.EnsureCatalogueAsync(cancellationToken);
        var sites = (await access.Visible(db.Sites.AsNoTracking(), StockAccess.Sites).ToListAsync(cancellationToken)).Where(access.MayManage).ToList();
        var kinds = await db.SupplyKinds.AsNoTracking().ToListAsync(cancellationToken);
        var seen = new HashSet<(int, int)>();
        var rows = new List<StockImportRow>();
        foreach (var row in file.Rows)
        {
            var problems = new List<string>();
            var site = sites.FirstOrDefault(s => s.Name == row["储备点"].Trim());
            if (site is null)
            {
                problems.Add($"储备点“{row["储备点"]}”不存在或不由本单位管理");
            }

            var kind = kinds.FirstOrDefault(k => k.Name == row["品名"].Trim());
            if (kind is null)
            {
                problems.Add($"品名“{row["品名"]}”不在物资品类中");
            }

            var quantity = Whole(row["数量"], "数量", true, problems);
            var minimum = row["最低库存"].Trim().Length == 0 ? 0 : Whole(row["最低库存"], "最低库存", false, problems);
            DateOnly? expires = null;
            var date = row["有效期或保养日期"].Trim();
            if (date.Length > 0)
            {
                if (DateOnly.TryParse(date, CultureInfo.InvariantCulture, out var d))
                {
                    expires = d;
                }
                else
                {
                    problems.Add("有效期或保养日期应为日期，如 2027-06-30");
                }
            }

            if (site is not null && kind is not null && !seen.Add((site.Id, kind.Id)))
            {
                problems.Add("同一储备点的同一品名在文件中重复");
            }

            rows.Add(new StockImportRow(row.Line, row.Cells, problems,
                problems.Count == 0 ? new OpeningStock(site!, kind!, quantity, minimum, expires) : null));
        }

        return new StockImportPreview(rows, null);
    }

    /// <summary>Checks again and writes all rows as 入库 movements in one transaction; nothing when any row has a problem.</summary>
    public async Task<(bool Imported, StockImportPreview Preview)> ImportAsync(byte[] content, string extension, string by, CancellationToken cancellationToken)
    {
        var preview = await PreviewAsync(content, extension, cancellationToken);
        if (!preview.IsClean)
        {
            return (false, preview);
        }

        var result = await ledger.ReceiveOpeningAsync(preview.Rows.Select(r => r.Stock!).ToList(), by, cancellationToken);
        return (result.Succeeded, preview);
    }

    private static int Whole(string text, string column, bool positive, List<string> problems)
    {
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= StockLedger.MaxQuantity && (!positive || value > 0))
        {
            return value;
        }

        problems.Add(positive ? $"{column}应为正整数" : $"{column}应为 0 或正整数");
        return 0;
    }
}
