using System.Globalization;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

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

/// <summary>What was read from a file: its rows, or why it could not be read (a resource key and its arguments).</summary>
internal sealed record TreeFile(IReadOnlyList<TreeFileRow> Rows, TreeProblem? Problem);

/// <summary>
/// Reads the administrative-tree file (CSV in UTF-8 or GB18030, or .xlsx): a header row with the six
/// Chinese column names in any order (extra columns ignored), then one row per village.
/// </summary>
internal static class TreeFileReader
{
    public const string TownshipCode = "乡镇代码";
    public const string TownshipName = "乡镇名称";
    public const string TownshipType = "乡镇类型";
    public const string VillageCode = "村社区代码";
    public const string VillageName = "村社区名称";
    public const string VillageType = "村社区类型";

    /// <summary>The columns, in the order of the template.</summary>
    public static IReadOnlyList<string> Columns { get; } = [TownshipCode, TownshipName, TownshipType, VillageCode, VillageName, VillageType];

    /// <summary>A county has a few hundred villages; anything far beyond is a wrong file.</summary>
    public const int MaxRows = 10_000;

    public static bool IsSupported(string extension) => TableFileReader.IsSupported(extension);

    /// <summary>Reads the file; <paramref name="extension"/> is ".csv" or ".xlsx" (lower case).</summary>
    public static TreeFile Read(byte[] content, string extension)
    {
        var table = TableFileReader.Read(content, extension, Columns, MaxRows);
        return new TreeFile(
            table.Rows.Select(r => new TreeFileRow(r.Line, r.Cells[0], r.Cells[1], r.Cells[2], r.Cells[3], r.Cells[4], r.Cells[5])).ToList(),
            table.Problem);
    }
}

/// <summary>One data row of an uploaded table: its row number in the file (header = 1) and the trimmed text of the wanted columns, in their order.</summary>
internal sealed record TableRow(int Line, IReadOnlyList<string> Cells);

/// <summary>What was read from a table file: its rows, or why it could not be read (a resource key and its arguments).</summary>
internal sealed record TableFile(IReadOnlyList<TableRow> Rows, TreeProblem? Problem);

/// <summary>
/// Reads an uploaded table (CSV in UTF-8 or GB18030, or .xlsx) for an import with a preview: a header
/// row naming the wanted Chinese columns in any order (extra columns ignored), then the data rows.
/// Used by the administrative-tree import and the working-day calendar import.
/// </summary>
internal static class TableFileReader
{
    /// <summary>An .xlsx is a zip: refuse one that unpacks to more than this (zip bomb).</summary>
    private const long MaxUnpackedBytes = 100L * 1024 * 1024;

    static TableFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string extension) => extension is ".csv" or ".xlsx";

    /// <summary>Reads the file; <paramref name="extension"/> is ".csv" or ".xlsx" (lower case); at most <paramref name="maxRows"/> data rows.</summary>
    public static TableFile Read(byte[] content, string extension, IReadOnlyList<string> columns, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(columns);
        return extension switch
        {
            ".csv" => ReadCsv(content, columns, maxRows),
            ".xlsx" => ReadXlsx(content, columns, maxRows),
            _ => Fail("Import_FileType"),
        };
    }

    private static TableFile ReadCsv(byte[] content, IReadOnlyList<string> wanted, int maxRows)
    {
        string text;
        try
        {
            text = Decode(content);
        }
        catch (DecoderFallbackException)
        {
            return Fail("Import_CsvEncoding");
        }

        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        try
        {
            using var csv = CsvReader.FromText(text, options);
            csv.ReadHeader();
            if (csv.Headers.Count == 0)
            {
                return Fail("Import_Empty");
            }

            var columns = MapColumns(csv.Headers, wanted);
            if (columns.Problem is { } problem)
            {
                return new TableFile([], problem);
            }

            var rows = new List<TableRow>();
            while (csv.Read())
            {
                var record = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rows.Count == maxRows)
                {
                    return Fail("Import_TooManyRows", maxRows);
                }

                rows.Add(ToRow(checked((int)csv.LineNumber), i => i < record.Length ? record[i] : null, columns.Indexes));
            }

            return rows.Count == 0 ? Fail("Import_NoRows") : new TableFile(rows, null);
        }
        catch (CsvFormatException ex)
        {
            return Fail("Import_CsvBroken", ex.LineNumber);
        }
    }

    private static TableFile ReadXlsx(byte[] content, IReadOnlyList<string> wanted, int maxRows)
    {
        if (!IsSmallZip(content))
        {
            return Fail("Import_XlsxBroken");
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var workbook = new XLWorkbook(stream);
            var sheet = workbook.Worksheets.FirstOrDefault();
            var first = sheet?.FirstRowUsed();
            if (sheet is null || first is null)
            {
                return Fail("Import_Empty");
            }

            var headerLine = first.RowNumber();
            var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
            var header = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(headerLine, c))).ToArray();
            var columns = MapColumns(header, wanted);
            if (columns.Problem is { } problem)
            {
                return new TableFile([], problem);
            }

            var lastLine = sheet.LastRowUsed()?.RowNumber() ?? headerLine;
            var rows = new List<TableRow>();
            for (var line = headerLine + 1; line <= lastLine; line++)
            {
                var cells = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(line, c))).ToArray();
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rows.Count == maxRows)
                {
                    return Fail("Import_TooManyRows", maxRows);
                }

                rows.Add(ToRow(line, i => cells[i], columns.Indexes));
            }

            return rows.Count == 0 ? Fail("Import_NoRows") : new TableFile(rows, null);
        }
#pragma warning disable CA1031 // Whatever a broken or hostile workbook makes ClosedXML throw, the answer is "cannot read this file".
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Fail("Import_XlsxBroken");
        }
    }

    /// <summary>A text cell as is; a whole number without the exponent Excel's General format would give a 12-digit code; a date as yyyy-MM-dd.</summary>
    private static string CellText(IXLCell cell)
    {
        if (cell.DataType == XLDataType.Number)
        {
            var number = cell.GetDouble();
            if (Math.Abs(number) < 1e15 && Math.Floor(number) == number)
            {
                return number.ToString("0", CultureInfo.InvariantCulture);
            }
        }

        if (cell.DataType == XLDataType.DateTime)
        {
            // A date cell (the calendar import's 日期) as ISO text rather than the culture's date-and-time.
            var value = cell.GetDateTime();
            return value.TimeOfDay == TimeSpan.Zero
                ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        return cell.GetString().Trim();
    }

    private static bool IsSmallZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUnpackedBytes)
                {
                    return false;
                }
            }

            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (what Chinese Excel saves as "CSV").</summary>
    private static string Decode(byte[] content)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        var span = content.AsSpan();
        if (span.StartsWith(bom))
        {
            span = span[bom.Length..];
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(content);
        }
    }

    private static (int[] Indexes, TreeProblem? Problem) MapColumns(IReadOnlyList<string> header, IReadOnlyList<string> columns)
    {
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF').Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal)).ToList();
        var indexes = columns.Select(c => names.IndexOf(c)).ToArray();
        var missing = columns.Where((_, i) => indexes[i] < 0).ToList();
        return missing.Count == 0
            ? (indexes, null)
            : (indexes, new TreeProblem("Import_MissingColumns", string.Join("、", missing), string.Join("，", columns)));
    }

    private static TableRow ToRow(int line, Func<int, string?> field, int[] indexes) =>
        new(line, indexes.Select(i => (field(i) ?? "").Trim()).ToArray());

    private static TableFile Fail(string key, params object[] args) => new([], new TreeProblem(key, args));
}
