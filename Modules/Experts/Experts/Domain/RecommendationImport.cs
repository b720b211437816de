using System.Globalization;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

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
        var file = SheetReader.Read(content, ".xlsx", Columns, MaxRows);
        if (file.Problem is { } problem)
        {
            return new ImportPreview(Message(problem), []);
        }

        var unitsByName = (await units.DepartmentsAsync(county.Required, cancellationToken))
            .Concat(await units.TownshipsAsync(county.Required, cancellationToken))
            .GroupBy(u => u.Name)
            .ToDictionary(g => g.Key, g => g.First());
        var fields = await db.Fields.AsNoTracking().Where(f => f.Active).ToDictionaryAsync(f => f.Name, f => f.Id, cancellationToken);
        var accepted = new List<Candidate>();
        var rows = new List<ImportRow>();
        foreach (var row in file.Rows)
        {
            var values = Columns.ToDictionary(c => c, c => row[c]);
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

            rows.Add(new ImportRow(row.Line, values, problems, problems.Count == 0 ? candidate : null));
        }

        return new ImportPreview(null, rows);
    }

    private static string Message(SheetProblem problem) => problem.Kind switch
    {
        SheetProblemKind.MissingColumns => $"表头缺少列：{problem.Args[0]}",
        SheetProblemKind.TooManyRows => $"一次最多导入 {MaxRows} 行",
        SheetProblemKind.NoRows or SheetProblemKind.Empty => "文件中没有推荐数据",
        _ => "无法读取该文件，请上传 Excel（.xlsx）文件",
    };

    /// <summary>
    /// Writes every row of a file that is clean, checked again inside the write transaction (what was clean at
    /// preview may not be now); with any problem nothing is written and the new preview is returned.
    /// </summary>
    public async Task<(bool Imported, ImportPreview Preview)> ImportAsync(RecommendationRound round, byte[] content, string by, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var preview = await PreviewAsync(round, content, cancellationToken);
        if (!preview.IsClean)
        {
            return (false, preview);
        }

        var invited = await db.RoundUnits.Where(u => u.RoundId == round.Id).Select(u => u.UnitKey).ToListAsync(cancellationToken);
        foreach (var row in preview.Rows)
        {
            var candidate = row.Candidate!;
            db.Recommendations.Add(RecommendationRules.ToRecommendation(round.Id, candidate, by, nowUtc));
            if (!invited.Contains(candidate.UnitKey))
            {
                invited.Add(candidate.UnitKey);
                db.RoundUnits.Add(new RoundUnit { RoundId = round.Id, UnitKey = candidate.UnitKey, UnitName = candidate.UnitName });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (true, preview);
    }
}
