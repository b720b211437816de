using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Host.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform.TreeImport;

/// <summary>One data row of an uploaded tree file, as read (trimmed text), with its row number in the file (header = 1).</summary>
internal sealed record TreeFileRow(
    int Line,
    string TownshipCode,
    string TownshipName,
    string TownshipType,
    string VillageCode,
    string VillageName,
    string VillageType);

/// <summary>A problem found in an import: a PlatformText resource key and its format arguments.</summary>
internal sealed record TreeProblem(string Key, params object[] Args);

/// <summary>A row of the file with its problems and, when clean, what it adds.</summary>
internal sealed class TreeImportRow(TreeFileRow data)
{
    public TreeFileRow Data { get; } = data;

    public List<TreeProblem> Problems { get; } = [];

    /// <summary>This row is the first to define a township that is new to the county.</summary>
    public bool AddsTownship { get; set; }

    public bool AddsVillage => IsVillageRow;

    /// <summary>A row with any village column filled; a township row leaves all three empty.</summary>
    public bool IsVillageRow => Data.VillageCode.Length > 0 || Data.VillageName.Length > 0 || Data.VillageType.Length > 0;
}

/// <summary>The checked file: every row with its problems, and the totals for the summary.</summary>
internal sealed class TreeImportPreview(IReadOnlyList<TreeImportRow> rows, TreeProblem? fileProblem)
{
    public IReadOnlyList<TreeImportRow> Rows { get; } = rows;

    /// <summary>The file itself could not be read (type, columns, encoding, size); no rows then.</summary>
    public TreeProblem? FileProblem { get; } = fileProblem;

    public int RowsWithProblems => Rows.Count(r => r.Problems.Count > 0);

    public int NewTownships => Rows.Count(r => r.AddsTownship);

    public int NewVillages => Rows.Count(r => r.AddsVillage);

    /// <summary>Nothing wrong: the import may be confirmed.</summary>
    public bool IsClean => FileProblem is null && Rows.Count > 0 && RowsWithProblems == 0;
}

/// <summary>The outcome of a confirmed import: written, or refused with the preview that says why.</summary>
internal sealed record TreeImportOutcome(bool Imported, TreeImportPreview Preview);

/// <summary>
/// Imports townships (乡/镇/街道/管委会) and villages (村/社区) into a county from a file read by
/// <see cref="SheetReader"/> (CSV in UTF-8 or GB18030, or .xlsx: a header row with the six Chinese column
/// names in any order, then one row per village). Every row is checked against the file and the county; one bad row
/// refuses the whole file, and a clean file is written in one transaction.
/// </summary>
/// <remarks>
/// Rules: township codes are 9 digits, village codes 12, both start with the county code and a
/// village code starts with its township's code. A township is defined by a row giving its code,
/// name and type (repeating it on every village row is fine when consistent); a village row may
/// instead name only the code of a township defined elsewhere in the file or already in the county.
/// A township-only row for a township the county already has, and a village code already in the
/// county or twice in the file, are duplicates.
/// </remarks>
internal sealed class AdministrativeTreeImport(PlatformDbContext db)
{
    public const int TownshipCodeLength = 9;
    public const int VillageCodeLength = 12;
    public const int MaxNameLength = 50;

    /// <summary>A county has a few hundred villages; anything far beyond is a wrong file.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The columns, in the order of the template.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["乡镇代码", "乡镇名称", "乡镇类型", "村社区代码", "村社区名称", "村社区类型"];

    public static IReadOnlyDictionary<string, TownshipKind> TownshipKinds { get; } = new Dictionary<string, TownshipKind>
    {
        ["乡"] = TownshipKind.Township,
        ["镇"] = TownshipKind.Town,
        ["街道"] = TownshipKind.Subdistrict,
        ["管委会"] = TownshipKind.ParkCommittee,
    };

    public static IReadOnlyDictionary<string, VillageKind> VillageKinds { get; } = new Dictionary<string, VillageKind>
    {
        ["村"] = VillageKind.Village,
        ["社区"] = VillageKind.Community,
    };

    /// <summary>Reads and checks the file against the county's current tree; writes nothing.</summary>
    public async Task<TreeImportPreview> PreviewAsync(string county, byte[] content, string extension, CancellationToken cancellationToken)
    {
        var (rows, problem) = Read(content, extension);
        return problem is not null
            ? new TreeImportPreview([], problem)
            : await CheckAsync(county, rows, cancellationToken);
    }

    /// <summary>Checks the file again against the county as it is now and, when clean, writes all of it in one transaction.</summary>
    public async Task<TreeImportOutcome> ImportAsync(string county, byte[] content, string extension, CancellationToken cancellationToken)
    {
        var (rows, problem) = Read(content, extension);
        if (problem is not null)
        {
            return new TreeImportOutcome(false, new TreeImportPreview([], problem));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var preview = await CheckAsync(county, rows, cancellationToken);
        if (!preview.IsClean)
        {
            return new TreeImportOutcome(false, preview);
        }

        var existing = await db.Townships.Where(t => t.CountyCode == county).ToDictionaryAsync(t => t.Code, cancellationToken);
        var added = new Dictionary<string, Township>();
        foreach (var row in preview.Rows.Where(r => r.AddsTownship))
        {
            var township = new Township
            {
                CountyCode = county,
                Code = row.Data.TownshipCode,
                Name = row.Data.TownshipName,
                Kind = TownshipKinds[row.Data.TownshipType],
            };
            added.Add(township.Code, township);
            db.Townships.Add(township);
        }

        foreach (var row in preview.Rows.Where(r => r.AddsVillage))
        {
            var village = new Village
            {
                CountyCode = county,
                Code = row.Data.VillageCode,
                Name = row.Data.VillageName,
                Kind = VillageKinds[row.Data.VillageType],
            };
            if (added.TryGetValue(row.Data.TownshipCode, out var parent))
            {
                parent.Villages.Add(village);
            }
            else
            {
                village.TownshipId = existing[row.Data.TownshipCode].Id;
                db.Villages.Add(village);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TreeImportOutcome(true, preview);
    }

    /// <summary>Checks rows against each other and the county's tree (for tests and the preview).</summary>
    public async Task<TreeImportPreview> CheckAsync(string county, IReadOnlyList<TreeFileRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var townships = await db.Townships.AsNoTracking().Where(t => t.CountyCode == county)
            .Select(t => new { t.Code, t.Name, t.Kind }).ToDictionaryAsync(t => t.Code, cancellationToken);
        var villages = await db.Villages.AsNoTracking().Where(v => v.CountyCode == county)
            .Select(v => new { v.Code, v.Name }).ToDictionaryAsync(v => v.Code, v => v.Name, cancellationToken);

        var checkedRows = rows.Select(r => new TreeImportRow(r)).ToList();
        var defined = new Dictionary<string, (int Line, string Name, string Type)>();
        var townshipRows = new Dictionary<string, int>();
        var villageLines = new Dictionary<string, int>();
        foreach (var row in checkedRows)
        {
            var d = row.Data;
            var problems = row.Problems;
            var townshipCodeValid = CheckCode(d.TownshipCode, TownshipCodeLength, county, "Township", problems);
            var known = townshipCodeValid && townships.ContainsKey(d.TownshipCode) ? townships[d.TownshipCode] : null;
            var kindValid = d.TownshipType.Length == 0 || TownshipKinds.ContainsKey(d.TownshipType);
            if (!kindValid)
            {
                problems.Add(new TreeProblem("Import_TownshipTypeUnknown", d.TownshipType, string.Join("/", TownshipKinds.Keys)));
            }

            CheckNameLength(d.TownshipName, problems);
            if (!row.IsVillageRow)
            {
                // A township row defines a new township: name and type are required.
                if (known is not null)
                {
                    problems.Add(new TreeProblem("Import_TownshipExists", d.TownshipCode, known.Name));
                }
                else if (townshipCodeValid && townshipRows.TryGetValue(d.TownshipCode, out var earlier))
                {
                    problems.Add(new TreeProblem("Import_TownshipDuplicate", d.TownshipCode, earlier));
                }

                if (townshipCodeValid)
                {
                    townshipRows.TryAdd(d.TownshipCode, d.Line);
                }

                if (d.TownshipName.Length == 0)
                {
                    problems.Add(new TreeProblem("Import_TownshipNameEmpty"));
                }

                if (d.TownshipType.Length == 0)
                {
                    problems.Add(new TreeProblem("Import_TownshipTypeEmpty"));
                }
            }
            else if (d.TownshipName.Length > 0 || d.TownshipType.Length > 0)
            {
                // A village row that repeats its township: complete, and the same as the county's when it exists.
                if (known is not null)
                {
                    if ((d.TownshipName.Length > 0 && d.TownshipName != known.Name) ||
                        (kindValid && d.TownshipType.Length > 0 && TownshipKinds[d.TownshipType] != known.Kind))
                    {
                        problems.Add(new TreeProblem("Import_TownshipDiffersFromCounty", d.TownshipCode, known.Name, KindText(known.Kind)));
                    }
                }
                else if (d.TownshipName.Length == 0)
                {
                    problems.Add(new TreeProblem("Import_TownshipNameEmpty"));
                }
                else if (d.TownshipType.Length == 0)
                {
                    problems.Add(new TreeProblem("Import_TownshipTypeEmpty"));
                }
            }

            var definesTownship = townshipCodeValid && known is null && d.TownshipName.Length > 0 && d.TownshipType.Length > 0 && kindValid;
            if (definesTownship)
            {
                if (defined.TryGetValue(d.TownshipCode, out var first))
                {
                    if (first.Name != d.TownshipName || first.Type != d.TownshipType)
                    {
                        problems.Add(new TreeProblem("Import_TownshipInconsistent", d.TownshipCode, first.Line, first.Name, first.Type));
                    }
                }
                else
                {
                    defined.Add(d.TownshipCode, (d.Line, d.TownshipName, d.TownshipType));
                    row.AddsTownship = true;
                }
            }

            if (row.IsVillageRow)
            {
                CheckVillage(row, county, townshipCodeValid, villages, villageLines);
            }
        }

        // A village's township must be defined somewhere in the file or exist in the county.
        foreach (var row in checkedRows.Where(r => r.IsVillageRow))
        {
            var code = row.Data.TownshipCode;
            if (IsCode(code, TownshipCodeLength, county) && !townships.ContainsKey(code) && !defined.ContainsKey(code) &&
                row.Data.TownshipName.Length == 0 && row.Data.TownshipType.Length == 0)
            {
                row.Problems.Add(new TreeProblem("Import_ParentUnknown", code));
            }
        }

        // A clean preview says what each row adds; with problems nothing is added.
        return new TreeImportPreview(checkedRows, null);
    }

    /// <summary>The file's rows, or its problem as a PlatformText key (Import_ and the kind: Import_MissingColumns…).</summary>
    private static (IReadOnlyList<TreeFileRow> Rows, TreeProblem? Problem) Read(byte[] content, string extension)
    {
        var file = SheetReader.Read(content, extension, Columns, MaxRows);
        if (file.Problem is { } problem)
        {
            return ([], new TreeProblem($"Import_{problem.Kind}", problem.Args));
        }

        return (file.Rows.Select(r => new TreeFileRow(r.Line, r.Cells[0], r.Cells[1], r.Cells[2], r.Cells[3], r.Cells[4], r.Cells[5])).ToList(), null);
    }

    public static string KindText(TownshipKind kind) => TownshipKinds.First(k => k.Value == kind).Key;

    private static void CheckVillage(TreeImportRow row, string county, bool townshipCodeValid, Dictionary<string, string> villages, Dictionary<string, int> villageLines)
    {
        var d = row.Data;
        var problems = row.Problems;
        if (CheckCode(d.VillageCode, VillageCodeLength, county, "Village", problems))
        {
            if (townshipCodeValid && !d.VillageCode.StartsWith(d.TownshipCode, StringComparison.Ordinal))
            {
                problems.Add(new TreeProblem("Import_VillageNotUnderTownship", d.VillageCode, d.TownshipCode));
            }

            if (villageLines.TryGetValue(d.VillageCode, out var earlier))
            {
                problems.Add(new TreeProblem("Import_VillageDuplicate", d.VillageCode, earlier));
            }
            else
            {
                villageLines.Add(d.VillageCode, d.Line);
            }

            if (villages.TryGetValue(d.VillageCode, out var name))
            {
                problems.Add(new TreeProblem("Import_VillageExists", d.VillageCode, name));
            }
        }

        if (d.VillageName.Length == 0)
        {
            problems.Add(new TreeProblem("Import_VillageNameEmpty"));
        }

        CheckNameLength(d.VillageName, problems);
        if (d.VillageType.Length == 0)
        {
            problems.Add(new TreeProblem("Import_VillageTypeEmpty"));
        }
        else if (!VillageKinds.ContainsKey(d.VillageType))
        {
            problems.Add(new TreeProblem("Import_VillageTypeUnknown", d.VillageType, string.Join("/", VillageKinds.Keys)));
        }
    }

    /// <summary>Adds the problem of a code (Import_{level}CodeEmpty/Format/County) and says whether it is valid.</summary>
    private static bool CheckCode(string code, int length, string county, string level, List<TreeProblem> problems)
    {
        if (code.Length == 0)
        {
            problems.Add(new TreeProblem($"Import_{level}CodeEmpty"));
            return false;
        }

        if (code.Length != length || !code.All(char.IsAsciiDigit))
        {
            problems.Add(new TreeProblem($"Import_{level}CodeFormat", code, length));
            return false;
        }

        if (!code.StartsWith(county, StringComparison.Ordinal))
        {
            problems.Add(new TreeProblem($"Import_{level}CodeCounty", code, county));
            return false;
        }

        return true;
    }

    private static bool IsCode(string code, int length, string county) =>
        code.Length == length && code.All(char.IsAsciiDigit) && code.StartsWith(county, StringComparison.Ordinal);

    private static void CheckNameLength(string name, List<TreeProblem> problems)
    {
        if (name.Length > MaxNameLength)
        {
            problems.Add(new TreeProblem("Import_NameTooLong", name[..10] + "…", MaxNameLength));
        }
    }
}
