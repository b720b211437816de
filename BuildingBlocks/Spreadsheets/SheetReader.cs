using System.Globalization;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace Emergency.BuildingBlocks.Spreadsheets;

/// <summary>Why a file could not be read as a sheet.</summary>
public enum SheetProblemKind
{
    /// <summary>Neither .csv nor .xlsx.</summary>
    FileType,

    /// <summary>A CSV in neither UTF-8 nor GB18030.</summary>
    CsvEncoding,

    /// <summary>A CSV with a broken quote; <c>Args[0]</c> is the line.</summary>
    CsvBroken,

    /// <summary>Not a readable workbook (or one that unpacks far too big).</summary>
    XlsxBroken,

    /// <summary>No header row at all.</summary>
    Empty,

    /// <summary>Columns missing from the header; <c>Args[0]</c> lists them ("、"), <c>Args[1]</c> all expected columns ("，").</summary>
    MissingColumns,

    /// <summary>More data rows than allowed; <c>Args[0]</c> is the limit.</summary>
    TooManyRows,

    /// <summary>A header but no data row.</summary>
    NoRows,
}

/// <summary>Why a file could not be read, with the arguments of its message (see <see cref="SheetProblemKind"/>).</summary>
public sealed record SheetProblem(SheetProblemKind Kind, params object[] Args);

/// <summary>One data row as read (trimmed text), with its row number in the file (header = its own line, usually 1).</summary>
public sealed class SheetRow(int line, IReadOnlyList<string> columns, IReadOnlyList<string> cells)
{
    public int Line { get; } = line;

    /// <summary>The cells in the order of the columns asked for.</summary>
    public IReadOnlyList<string> Cells { get; } = cells;

    /// <summary>The cell of a column asked for, by its header name.</summary>
    public string this[string column]
    {
        get
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i] == column)
                {
                    return Cells[i];
                }
            }

            throw new ArgumentException($"'{column}' is not one of the columns read.", nameof(column));
        }
    }
}

/// <summary>What was read from a file: its rows, or why it could not be read.</summary>
public sealed record SheetFile(IReadOnlyList<SheetRow> Rows, SheetProblem? Problem);

/// <summary>
/// Reads an uploaded sheet (CSV in UTF-8 or GB18030, or the first sheet of an .xlsx) into rows of text:
/// the first used row is the header, matched to the expected column names in any order (spaces ignored,
/// extra columns ignored); empty rows are skipped. Whole numbers keep all their digits (a 12-digit code
/// typed as a number) and dates read as yyyy-MM-dd. A file that cannot be read gives a
/// <see cref="SheetProblem"/>, never an exception.
/// </summary>
public static class SheetReader
{
    /// <summary>An .xlsx is a zip: refuse one that unpacks to more than this (zip bomb).</summary>
    private const long MaxUnpackedBytes = 100L * 1024 * 1024;

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>".csv" or ".xlsx" (lower case, with the dot).</summary>
    public static bool IsSupported(string extension) => extension is ".csv" or ".xlsx";

    /// <summary>Reads the file; <paramref name="extension"/> is ".csv" or ".xlsx" (lower case).</summary>
    public static SheetFile Read(byte[] content, string extension, IReadOnlyList<string> columns, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(columns);
        return extension switch
        {
            ".csv" => ReadCsv(content, columns, maxRows),
            ".xlsx" => ReadXlsx(content, columns, maxRows),
            _ => Fail(SheetProblemKind.FileType),
        };
    }

    private static SheetFile ReadCsv(byte[] content, IReadOnlyList<string> columns, int maxRows)
    {
        string text;
        try
        {
            text = Decode(content);
        }
        catch (DecoderFallbackException)
        {
            return Fail(SheetProblemKind.CsvEncoding);
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
                return Fail(SheetProblemKind.Empty);
            }

            var map = MapColumns(csv.Headers, columns);
            if (map.Problem is { } problem)
            {
                return new SheetFile([], problem);
            }

            var rows = new List<SheetRow>();
            while (csv.Read())
            {
                var record = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rows.Count == maxRows)
                {
                    return Fail(SheetProblemKind.TooManyRows, maxRows);
                }

                rows.Add(ToRow(checked((int)csv.LineNumber), i => i < record.Length ? record[i] : null, columns, map.Indexes));
            }

            return rows.Count == 0 ? Fail(SheetProblemKind.NoRows) : new SheetFile(rows, null);
        }
        catch (CsvFormatException ex)
        {
            return Fail(SheetProblemKind.CsvBroken, ex.LineNumber);
        }
    }

    private static SheetFile ReadXlsx(byte[] content, IReadOnlyList<string> columns, int maxRows)
    {
        if (!IsSmallZip(content))
        {
            return Fail(SheetProblemKind.XlsxBroken);
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var workbook = new XLWorkbook(stream);
            var sheet = workbook.Worksheets.FirstOrDefault();
            var first = sheet?.FirstRowUsed();
            if (sheet is null || first is null)
            {
                return Fail(SheetProblemKind.Empty);
            }

            var headerLine = first.RowNumber();
            var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
            var header = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(headerLine, c))).ToArray();
            var map = MapColumns(header, columns);
            if (map.Problem is { } problem)
            {
                return new SheetFile([], problem);
            }

            var lastLine = sheet.LastRowUsed()?.RowNumber() ?? headerLine;
            var rows = new List<SheetRow>();
            for (var line = headerLine + 1; line <= lastLine; line++)
            {
                var cells = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(line, c))).ToArray();
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rows.Count == maxRows)
                {
                    return Fail(SheetProblemKind.TooManyRows, maxRows);
                }

                rows.Add(ToRow(line, i => cells[i], columns, map.Indexes));
            }

            return rows.Count == 0 ? Fail(SheetProblemKind.NoRows) : new SheetFile(rows, null);
        }
#pragma warning disable CA1031 // Whatever a broken or hostile workbook makes ClosedXML throw, the answer is "cannot read this file".
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Fail(SheetProblemKind.XlsxBroken);
        }
    }

    /// <summary>
    /// A text cell as is; a whole number without the exponent Excel's General format would give a
    /// 12-digit code; a date as yyyy-MM-dd.
    /// </summary>
    private static string CellText(IXLCell cell)
    {
        switch (cell.DataType)
        {
            case XLDataType.Number:
                var number = cell.GetDouble();
                if (Math.Abs(number) < 1e15 && Math.Floor(number) == number)
                {
                    return number.ToString("0", CultureInfo.InvariantCulture);
                }

                break;
            case XLDataType.DateTime:
                return cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
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

    private static (int[] Indexes, SheetProblem? Problem) MapColumns(IReadOnlyList<string> header, IReadOnlyList<string> columns)
    {
        var names = header.Select(Normalize).ToList();
        var indexes = columns.Select(c => names.IndexOf(Normalize(c))).ToArray();
        var missing = columns.Where((_, i) => indexes[i] < 0).ToList();
        return missing.Count == 0
            ? (indexes, null)
            : (indexes, new SheetProblem(SheetProblemKind.MissingColumns, string.Join("、", missing), string.Join("，", columns)));
    }

    private static string Normalize(string name) =>
        name.Trim().TrimStart('\uFEFF').Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);

    private static SheetRow ToRow(int line, Func<int, string?> field, IReadOnlyList<string> columns, int[] indexes) =>
        new(line, columns, indexes.Select(i => (field(i) ?? "").Trim()).ToArray());

    private static SheetFile Fail(SheetProblemKind kind, params object[] args) => new([], new SheetProblem(kind, args));
}
