using System.Globalization;
using ClosedXML.Excel;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Import;

/// <summary>One row of the file, as typed, with what is wrong with it.</summary>
internal sealed record ImportRow(int Line, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Problems, Candidate? Candidate)
{
    public string this[string column] => Values.GetValueOrDefault(column, "");
}

internal sealed record ImportPreview(string? FileProblem, IReadOnlyList<ImportRow> Rows)
{
    public bool IsClean => FileProblem is null && Rows.Count > 0 && Rows.All(r => r.Problems.Count == 0);

    public int RowsWithProblems => Rows.Count(r => r.Problems.Count > 0);
}

/// <summary>
/// Reads a recommendation workbook (first sheet, Chinese header row) and checks every row with the same
/// rules as the 推荐表 form, counting the rows above it and what the unit already recommended.
/// </summary>
internal sealed class RecommendationImport(ExpertsDbContext db, RecommendationRules rules, ICountyUnits units, ICountyContext county)
{
    public static readonly string[] Columns = ["推荐单位", "姓名", "性别", "出生日期", "身份证号码", "工作单位", "职称", "专业", "领域", "手机", "邮箱", "工作经历", "推荐单位意见"];

    private static readonly string[] Required = ["推荐单位", "姓名", "性别", "出生日期", "身份证号码", "工作单位", "职称", "专业", "领域", "手机", "工作经历", "推荐单位意见"];

    private static readonly Dictionary<string, string> FieldColumns = new()
    {
        ["IdCardNumber"] = "身份证号码",
        ["Mobile"] = "手机",
        ["Email"] = "邮箱",
        ["FieldId"] = "领域",
        ["Level"] = "推荐单位",
    };

    public const int MaxRows = 500;

    public async Task<ImportPreview> PreviewAsync(RecommendationRound round, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        List<(int Line, Dictionary<string, string> Values)> raw;
        try
        {
            raw = Read(content, out var problem);
            if (problem is not null)
            {
                return new ImportPreview(problem, []);
            }
        }
#pragma warning disable CA1031 // Any unreadable upload is the user's file problem, not a server error.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new ImportPreview("无法读取该文件，请上传 Excel（.xlsx）文件", []);
        }

        if (raw.Count == 0)
        {
            return new ImportPreview("文件中没有推荐数据", []);
        }

        if (raw.Count > MaxRows)
        {
            return new ImportPreview($"一次最多导入 {MaxRows} 行", []);
        }

        var unitsByName = (await units.DepartmentsAsync(county.Required, cancellationToken))
            .Concat(await units.TownshipsAsync(county.Required, cancellationToken))
            .GroupBy(u => u.Name)
            .ToDictionary(g => g.Key, g => g.First());
        var fields = await db.Fields.AsNoTracking().Where(f => f.Active).ToDictionaryAsync(f => f.Name, f => f.Id, cancellationToken);
        var accepted = new List<Candidate>();
        var rows = new List<ImportRow>();
        foreach (var (line, values) in raw)
        {
            var problems = new List<string>();
            foreach (var column in Required.Where(c => values[c].Length == 0))
            {
                problems.Add($"{column}：未填写");
            }

            var unit = unitsByName.GetValueOrDefault(values["推荐单位"]);
            if (values["推荐单位"].Length > 0 && unit is null)
            {
                problems.Add($"推荐单位：本县没有“{values["推荐单位"]}”");
            }

            var gender = values["性别"] switch { "男" => Gender.Male, "女" => Gender.Female, _ => (Gender?)null };
            if (values["性别"].Length > 0 && gender is null)
            {
                problems.Add("性别：应为“男”或“女”");
            }

            DateOnly? birth = DateOnly.TryParseExact(values["出生日期"], ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) ? b : null;
            if (values["出生日期"].Length > 0 && birth is null)
            {
                problems.Add("出生日期：格式应为 yyyy-MM-dd");
            }

            var fieldId = fields.GetValueOrDefault(values["领域"]);
            if (values["领域"].Length > 0 && fieldId == 0)
            {
                problems.Add($"领域：没有在用的领域“{values["领域"]}”");
            }

            Candidate? candidate = null;
            if (problems.Count == 0)
            {
                candidate = new Candidate(
                    unit!.Key, unit.Name, ExpertTeamLevel.County, values["姓名"], gender!.Value, birth!.Value, values["身份证号码"], values["工作单位"],
                    values["职称"], values["专业"], fieldId, values["手机"], values["邮箱"], values["工作经历"], values["推荐单位意见"]);
                foreach (var p in await rules.CheckAsync(round, candidate, accepted, cancellationToken))
                {
                    problems.Add(FieldColumns.TryGetValue(p.Field, out var column) ? $"{column}：{p.Message}" : p.Message);
                }

                if (problems.Count == 0)
                {
                    accepted.Add(candidate);
                }
            }

            rows.Add(new ImportRow(line, values, problems, problems.Count == 0 ? candidate : null));
        }

        return new ImportPreview(null, rows);
    }

    private static List<(int Line, Dictionary<string, string> Values)> Read(byte[] content, out string? problem)
    {
        problem = null;
        using var stream = new MemoryStream(content);
        using var book = new XLWorkbook(stream);
        var sheet = book.Worksheets.First();
        var header = sheet.Row(1);
        var positions = new Dictionary<string, int>();
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        for (var c = 1; c <= lastColumn; c++)
        {
            var name = header.Cell(c).GetString().Trim();
            if (Columns.Contains(name))
            {
                positions.TryAdd(name, c);
            }
        }

        var missing = Columns.Where(c => !positions.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problem = $"第 1 行缺少列：{string.Join("、", missing)}";
            return [];
        }

        var rows = new List<(int, Dictionary<string, string>)>();
        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= lastRow; r++)
        {
            var values = Columns.ToDictionary(c => c, c => CellText(sheet.Cell(r, positions[c])));
            if (values.Values.All(v => v.Length == 0))
            {
                continue;
            }

            rows.Add((r, values));
        }

        return rows;
    }

    private static string CellText(IXLCell cell) =>
        cell.DataType == XLDataType.DateTime
            ? cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : cell.GetString().Trim();
}
