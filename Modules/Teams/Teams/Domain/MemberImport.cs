using System.Globalization;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Teams.Data;

namespace Emergency.Teams.Domain;

/// <summary>One row of a member import as read, with its refusals and warnings.</summary>
internal sealed record ImportRow(int Line, IReadOnlyList<string> Cells, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings, MemberDraft? Draft);

/// <summary>A checked import: the rows, or why the file could not be read.</summary>
internal sealed record ImportPreview(IReadOnlyList<ImportRow> Rows, string? FileProblem)
{
    public bool IsClean => FileProblem is null && Rows.Count > 0 && Rows.All(r => r.Problems.Count == 0);

    public int RowsWithProblems => Rows.Count(r => r.Problems.Count > 0);
}

/// <summary>
/// Members imported into a team from a sheet (队员花名册 kept in Excel): every row checked by the roster's own
/// rules (ID card, mobile, source, dates, no one twice in the team or the file) and previewed with its problems;
/// <see cref="ImportAsync"/> checks again and writes all rows in one save, or nothing.
/// </summary>
internal sealed class MemberImport(TeamRoster roster)
{
    public static readonly string[] Columns = ["姓名", "身份证号码", "手机", "来源", "技能特长", "入队日期", "保险类型", "保险有效期至", "是否已培训", "培训日期", "培训方式"];

    public const int MaxRows = 1000;

    public static readonly IReadOnlyDictionary<string, MemberSource> Sources = new Dictionary<string, MemberSource>
    {
        ["公安"] = MemberSource.Police,
        ["医务"] = MemberSource.Medical,
        ["民兵"] = MemberSource.Militia,
        ["预备役"] = MemberSource.Reserve,
        ["森林消防"] = MemberSource.ForestFire,
        ["消防站"] = MemberSource.FireStation,
        ["物业"] = MemberSource.Property,
        ["企事业"] = MemberSource.Enterprise,
        ["志愿者"] = MemberSource.Volunteer,
        ["网格员"] = MemberSource.GridMember,
        ["其他"] = MemberSource.Other,
    };

    public static readonly IReadOnlyDictionary<string, InsuranceKind> Insurances = new Dictionary<string, InsuranceKind>
    {
        [""] = InsuranceKind.None,
        ["无"] = InsuranceKind.None,
        ["工伤"] = InsuranceKind.WorkInjury,
        ["工伤保险"] = InsuranceKind.WorkInjury,
        ["意外险"] = InsuranceKind.Accident,
        ["人身意外伤害保险"] = InsuranceKind.Accident,
    };

    public async Task<ImportPreview> PreviewAsync(RescueTeam team, byte[] content, string extension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var file = SheetReader.Read(content, extension, Columns, MaxRows);
        if (file.Problem is { } problem)
        {
            return new ImportPreview([], problem.Kind switch
            {
                SheetProblemKind.MissingColumns => $"表头缺少列：{problem.Args[0]}，请使用导入模板",
                SheetProblemKind.TooManyRows => $"一次最多导入 {MaxRows} 名队员",
                SheetProblemKind.NoRows or SheetProblemKind.Empty => "文件中没有队员",
                SheetProblemKind.CsvEncoding => "CSV 文件须为 UTF-8 或 GB18030 编码",
                _ => "无法读取该文件，请使用导入模板（.xlsx 或 .csv）",
            });
        }

        var pending = new List<TeamMember>();
        var drafts = new List<(SheetRow Row, List<string> Problems, MemberDraft? Draft)>();
        foreach (var row in file.Rows)
        {
            var problems = new List<string>();
            var draft = Parse(row, problems);
            if (draft is not null)
            {
                var errors = roster.CheckMember(team, draft, null, pending);
                problems.AddRange(errors.Select(e => e.Message));
                if (errors.Count == 0)
                {
                    pending.Add(new TeamMember { IdCardNumber = IdCard.Normalize(draft.IdCardNumber) });
                }
            }

            drafts.Add((row, problems, problems.Count == 0 ? draft : null));
        }

        var others = await roster.OtherTeamsAsync(team, pending.Select(m => m.IdCardNumber).ToList(), cancellationToken);
        var rows = drafts.Select(d =>
        {
            var number = IdCard.Normalize(d.Row["身份证号码"]);
            IReadOnlyList<string> warnings = d.Draft is not null && others.TryGetValue(number, out var names) ? [TeamRoster.Warning(d.Row["姓名"], names)] : [];
            return new ImportRow(d.Row.Line, d.Row.Cells, d.Problems, warnings, d.Draft);
        }).ToList();
        return new ImportPreview(rows, null);
    }

    /// <summary>Checks the file again and writes every row, or nothing when any row has a problem now.</summary>
    public async Task<(bool Imported, ImportPreview Preview, RosterResult? Result)> ImportAsync(RescueTeam team, byte[] content, string extension, CancellationToken cancellationToken)
    {
        var preview = await PreviewAsync(team, content, extension, cancellationToken);
        if (!preview.IsClean)
        {
            return (false, preview, null);
        }

        var result = await roster.AddMembersAsync(team, preview.Rows.Select(r => r.Draft!).ToList(), cancellationToken);
        return (result.Succeeded, preview, result);
    }

    /// <summary>An empty template with the header and one example row.</summary>
    public static SheetExport Template()
    {
        var sheet = new SheetExport("队员", Columns.Select(c => new SheetColumn(c, c == "身份证号码" ? 22 : 14)).ToList());
        sheet.Add("张三", "450999199001011234", "13800000000", "民兵", "水上救援、驾驶", "2026-01-15", "意外险", "2026-12-31", "是", "2026-03-20", "县应急管理局队员培训班");
        return sheet;
    }

    private static MemberDraft? Parse(SheetRow row, List<string> problems)
    {
        var draft = new MemberDraft
        {
            Name = row["姓名"],
            IdCardNumber = row["身份证号码"],
            Mobile = row["手机"],
            Skills = row["技能特长"],
            TrainedHow = row["培训方式"],
        };
        if (Sources.TryGetValue(row["来源"], out var source))
        {
            draft.Source = source;
        }
        else
        {
            problems.Add($"来源须为：{string.Join("、", Sources.Keys)}");
        }

        if (Insurances.TryGetValue(row["保险类型"], out var insurance))
        {
            draft.Insurance = insurance;
        }
        else
        {
            problems.Add("保险类型须为“工伤”“意外险”或留空");
        }

        draft.JoinedOn = Date(row["入队日期"], "入队日期", problems);
        draft.InsuredUntil = Date(row["保险有效期至"], "保险有效期至", problems);
        draft.TrainedOn = Date(row["培训日期"], "培训日期", problems);
        switch (row["是否已培训"])
        {
            case "是":
                draft.Trained = true;
                break;
            case "否" or "":
                draft.Trained = false;
                break;
            default:
                problems.Add("是否已培训须填“是”或“否”");
                break;
        }

        return problems.Count == 0 ? draft : null;
    }

    private static DateOnly? Date(string text, string label, List<string> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{label}须为日期，如 2026-01-15");
        return null;
    }
}
