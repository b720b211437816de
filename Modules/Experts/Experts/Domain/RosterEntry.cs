using System.Globalization;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>An expert admitted before the system, as the bureau enters or imports them.</summary>
internal sealed record RosterPerson(
    string Name, string Gender, string IdCardNumber, string Mobile, string? Email, string Employer, string? EmployerEmail, string Title,
    string? Specialty, string Fields, string? Department, string CertificateNumber, string TermStart, string TermEnd);

/// <summary>One row of a roster file, as typed, with what is wrong with it.</summary>
internal sealed record RosterRow(int Line, RosterPerson Person, IReadOnlyList<EditProblem> Problems)
{
    public IEnumerable<string> Messages => Problems.Select(p => RosterEntry.Labels.TryGetValue(p.Field, out var label) ? $"{label}：{p.Message}" : p.Message);
}

internal sealed record RosterPreview(string? FileProblem, IReadOnlyList<RosterRow> Rows)
{
    public bool IsClean => FileProblem is null && Rows.Count > 0 && Rows.All(r => r.Problems.Count == 0);

    public int RowsWithProblems => Rows.Count(r => r.Problems.Count > 0);
}

/// <summary>
/// 录入现有专家名册: the county enters the experts it admitted before the system, with their certificate number
/// and term, one at a time or from an Excel file (preview with every row's problems; a clean file is written
/// whole or not at all). They are admitted directly, through <see cref="ExpertAdmission.AdmitExisting"/>
/// (the same <see cref="ExpertAdmitted"/> event as an approval). An ID-card number already in the pool, or a
/// certificate number already used in the county, is refused.
/// </summary>
internal sealed class RosterEntry(ExpertsDbContext db, ExpertAdmission admission, ICountyUnits units, ICountyContext county)
{
    public static readonly string[] Columns = ["姓名", "性别", "身份证号码", "手机", "邮箱", "工作单位", "工作单位邮箱", "职称", "专业", "领域", "所属部门", "证书编号", "聘期开始", "聘期结束"];

    private static readonly string[] Required = ["姓名", "性别", "身份证号码", "手机", "工作单位", "职称", "领域", "证书编号", "聘期开始", "聘期结束"];

    public const int MaxRows = 500;

    /// <summary>The column (and form label) of each checked property.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["Name"] = "姓名",
        ["Gender"] = "性别",
        ["IdCardNumber"] = "身份证号码",
        ["Mobile"] = "手机",
        ["Email"] = "邮箱",
        ["Employer"] = "工作单位",
        ["EmployerEmail"] = "工作单位邮箱",
        ["Title"] = "职称",
        ["Specialty"] = "专业",
        ["Fields"] = "领域",
        ["Department"] = "所属部门",
        ["CertificateNumber"] = "证书编号",
        ["TermStart"] = "聘期开始",
        ["TermEnd"] = "聘期结束",
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd"];

    /// <summary>Checks one person against the pool and the rows before it; returns the expert to write when clean.</summary>
    private static (Expert? Expert, List<string> FieldNames, List<EditProblem> Problems) Check(RosterPerson person, Context context)
    {
        var problems = new List<EditProblem>();
        void Need(string property, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new(property, "未填写"));
            }
            else if (value.Trim().Length > max)
            {
                problems.Add(new(property, $"不能超过 {max} 个字"));
            }
        }

        Need("Name", person.Name, 50);
        Need("Employer", person.Employer, 100);
        Need("Title", person.Title, 50);
        if ((person.Specialty ?? "").Trim().Length > 100)
        {
            problems.Add(new("Specialty", "不能超过 100 个字"));
        }

        var gender = person.Gender.Trim() switch { "男" or "Male" => Gender.Male, "女" or "Female" => Gender.Female, _ => (Gender?)null };
        if (gender is null)
        {
            problems.Add(new("Gender", person.Gender.Trim().Length == 0 ? "未填写" : "应为“男”或“女”"));
        }

        var idCard = IdCard.Normalize(person.IdCardNumber);
        if (idCard.Length == 0)
        {
            problems.Add(new("IdCardNumber", "未填写"));
        }
        else if (IdCard.Validate(idCard) is { } idProblem)
        {
            problems.Add(new("IdCardNumber", idProblem));
        }
        else if (context.IdCards.GetValueOrDefault(idCard) is { } certificate)
        {
            problems.Add(new("IdCardNumber", ExpertAdmission.DuplicateMessage(certificate)));
        }

        if (Contact.ValidateMobile(person.Mobile) is { } mobile)
        {
            problems.Add(new("Mobile", person.Mobile.Trim().Length == 0 ? "未填写" : mobile));
        }

        if (Contact.ValidateEmail(person.Email, required: false) is { } email)
        {
            problems.Add(new("Email", email));
        }

        if (Contact.ValidateEmail(person.EmployerEmail, required: false) is { } employerEmail)
        {
            problems.Add(new("EmployerEmail", employerEmail));
        }

        var fieldNames = person.Fields.Split(['、', '，', ',', ';', '；', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (fieldNames.Count == 0)
        {
            problems.Add(new("Fields", "请至少填写一个领域"));
        }

        foreach (var unknown in fieldNames.Where(n => !context.Fields.ContainsKey(n)))
        {
            problems.Add(new("Fields", $"没有在用的领域“{unknown}”"));
        }

        UnitInfo? department = null;
        if (!string.IsNullOrWhiteSpace(person.Department))
        {
            department = context.Departments.GetValueOrDefault(person.Department.Trim());
            if (department is null)
            {
                problems.Add(new("Department", $"本县没有“{person.Department.Trim()}”"));
            }
        }

        var certificateNumber = (person.CertificateNumber ?? "").Trim();
        if (certificateNumber.Length == 0)
        {
            problems.Add(new("CertificateNumber", "未填写"));
        }
        else if (certificateNumber.Length > 40)
        {
            problems.Add(new("CertificateNumber", "不能超过 40 个字符"));
        }
        else if (context.Certificates.Contains(certificateNumber))
        {
            problems.Add(new("CertificateNumber", $"证书编号 {certificateNumber} 已在本县使用"));
        }

        DateOnly? Date(string property, string value)
        {
            if (value.Trim().Length == 0)
            {
                problems.Add(new(property, "未填写"));
                return null;
            }

            if (DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            problems.Add(new(property, "格式应为 yyyy-MM-dd"));
            return null;
        }

        var start = Date("TermStart", person.TermStart);
        var end = Date("TermEnd", person.TermEnd);
        if (start is { } s && end is { } e && e <= s)
        {
            problems.Add(new("TermEnd", "聘期结束日期必须晚于开始日期"));
        }

        if (problems.Count > 0)
        {
            return (null, fieldNames, problems);
        }

        context.IdCards[idCard] = certificateNumber;
        context.Certificates.Add(certificateNumber);
        var expert = new Expert
        {
            Name = person.Name.Trim(),
            Gender = gender!.Value,
            BirthDate = IdCard.BirthDate(idCard)!.Value,
            IdCardNumber = idCard,
            Mobile = person.Mobile.Trim(),
            Email = string.IsNullOrWhiteSpace(person.Email) ? null : person.Email.Trim(),
            Employer = person.Employer.Trim(),
            EmployerEmail = string.IsNullOrWhiteSpace(person.EmployerEmail) ? null : person.EmployerEmail.Trim(),
            Title = person.Title.Trim(),
            Specialty = (person.Specialty ?? "").Trim(),
            Level = department is null ? ExpertTeamLevel.County : ExpertTeamLevel.Department,
            DepartmentId = department?.Id,
            DepartmentName = department?.Name,
            CertificateNumber = certificateNumber,
            TermStart = start!.Value,
            TermEnd = end!.Value,
            Fields = fieldNames.Select(n => new ExpertField { FieldId = context.Fields[n] }).ToList(),
        };
        return (expert, fieldNames, problems);
    }

    /// <summary>Enters one expert; the problems by property when nothing was written.</summary>
    public async Task<(Expert? Expert, IReadOnlyList<EditProblem> Problems)> EnterAsync(RosterPerson person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var context = await ContextAsync(cancellationToken);
        var (expert, fieldNames, problems) = Check(person, context);
        if (expert is null)
        {
            return (null, problems);
        }

        admission.AdmitExisting(expert, fieldNames);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Entered by someone else between the check and the write (unique ID-card and certificate indexes).
            db.ChangeTracker.Clear();
            return (null, [new("IdCardNumber", ExpertAdmission.DuplicateMessage("—"))]);
        }

        return (expert, []);
    }

    public async Task<RosterPreview> PreviewAsync(byte[] content, string extension, CancellationToken cancellationToken)
    {
        var (preview, _) = await CheckFileAsync(content, extension, cancellationToken);
        return preview;
    }

    /// <summary>Writes every row of a clean file, checked again at the write; with any problem nothing is written.</summary>
    public async Task<(bool Imported, RosterPreview Preview)> ImportAsync(byte[] content, string extension, CancellationToken cancellationToken)
    {
        var (preview, experts) = await CheckFileAsync(content, extension, cancellationToken);
        if (!preview.IsClean)
        {
            return (false, preview);
        }

        foreach (var (expert, fieldNames) in experts)
        {
            admission.AdmitExisting(expert, fieldNames);
        }

        try
        {
            // One SaveChanges: the rows and their events commit together, or nothing does.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (false, (await CheckFileAsync(content, extension, cancellationToken)).Preview);
        }

        return (true, preview);
    }

    private async Task<(RosterPreview Preview, List<(Expert Expert, List<string> FieldNames)> Experts)> CheckFileAsync(
        byte[] content, string extension, CancellationToken cancellationToken)
    {
        var file = SheetReader.Read(content, extension, Columns, MaxRows);
        if (file.Problem is { } problem)
        {
            return (new RosterPreview(Message(problem), []), []);
        }

        var context = await ContextAsync(cancellationToken);
        var rows = new List<RosterRow>();
        var experts = new List<(Expert, List<string>)>();
        foreach (var row in file.Rows)
        {
            var person = new RosterPerson(
                row["姓名"], row["性别"], row["身份证号码"], row["手机"], row["邮箱"], row["工作单位"], row["工作单位邮箱"], row["职称"], row["专业"],
                row["领域"], row["所属部门"], row["证书编号"], row["聘期开始"], row["聘期结束"]);
            var (expert, fieldNames, problems) = Check(person, context);
            foreach (var column in Required.Where(c => row[c].Length == 0))
            {
                var property = Labels.First(l => l.Value == column).Key;
                if (!problems.Any(p => p.Field == property))
                {
                    problems.Add(new(property, "未填写"));
                }
            }

            rows.Add(new RosterRow(row.Line, person, problems));
            if (expert is not null)
            {
                experts.Add((expert, fieldNames));
            }
        }

        return (new RosterPreview(null, rows), experts);
    }

    private static string Message(SheetProblem problem) => problem.Kind switch
    {
        SheetProblemKind.MissingColumns => $"表头缺少列：{problem.Args[0]}",
        SheetProblemKind.TooManyRows => $"一次最多导入 {MaxRows} 行",
        SheetProblemKind.NoRows or SheetProblemKind.Empty => "文件中没有专家数据",
        _ => "无法读取该文件，请上传 Excel（.xlsx）文件",
    };

    private async Task<Context> ContextAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Experts.AsNoTracking().Select(e => new { e.IdCardNumber, e.CertificateNumber }).ToListAsync(cancellationToken);
        var fields = await db.Fields.AsNoTracking().Where(f => f.Active).ToDictionaryAsync(f => f.Name, f => f.Id, cancellationToken);
        var departments = (await units.DepartmentsAsync(county.Required, cancellationToken)).GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.First());
        return new Context(
            existing.GroupBy(e => e.IdCardNumber).ToDictionary(g => g.Key, g => g.First().CertificateNumber),
            existing.Select(e => e.CertificateNumber).ToHashSet(StringComparer.Ordinal),
            fields,
            departments);
    }

    /// <summary>What the rows are checked against: the pool as it is, plus the rows accepted above.</summary>
    private sealed record Context(
        Dictionary<string, string> IdCards, HashSet<string> Certificates, Dictionary<string, int> Fields, Dictionary<string, UnitInfo> Departments);
}
