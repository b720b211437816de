using System.Globalization;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc;

namespace Emergency.BuildingBlocks.Spreadsheets;

/// <summary>A column of an export: its header and its width in characters.</summary>
public sealed record SheetColumn(string Header, double Width = 14);

/// <summary>
/// Writes one sheet as .xlsx: a bold header row (frozen), fixed column widths, then the rows. Every
/// text cell is written as text, never read as a formula or a number: a name typed as "=1+1" or
/// "=HYPERLINK(…)" comes back out as those characters. Numbers (int, long, decimal, double) stay
/// numbers; null is an empty cell; anything else is written as its invariant text.
/// </summary>
/// <remarks>
/// Widths are fixed: measuring text (AdjustToContents) needs native font libraries a server may lack.
/// </remarks>
public sealed class SheetExport(string sheetName, IReadOnlyList<SheetColumn> columns)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly List<object?[]> rows = [];

    public int RowCount => rows.Count;

    /// <summary>Adds a row; its cells in the order of the columns.</summary>
    public void Add(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length > columns.Count)
        {
            throw new ArgumentException($"A row has at most {columns.Count} cells.", nameof(cells));
        }

        rows.Add(cells);
    }

    /// <summary>The workbook's bytes.</summary>
    public byte[] ToBytes()
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(sheetName);
        for (var c = 0; c < columns.Count; c++)
        {
            WriteText(sheet.Cell(1, c + 1), columns[c].Header);
            sheet.Column(c + 1).Width = columns[c].Width;
        }

        var header = sheet.Row(1);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
        sheet.SheetView.FreezeRows(1);

        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r];
            for (var c = 0; c < cells.Length; c++)
            {
                Write(sheet.Cell(r + 2, c + 1), cells[c]);
            }
        }

        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The workbook as a download.</summary>
    public FileContentResult ToFile(string fileName) => new(ToBytes(), ContentType) { FileDownloadName = fileName };

    private static void Write(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case int i:
                cell.SetValue(i);
                break;
            case long l:
                cell.SetValue(l);
                break;
            case decimal m:
                cell.SetValue(m);
                break;
            case double d:
                cell.SetValue(d);
                break;
            case string s:
                WriteText(cell, s);
                break;
            default:
                WriteText(cell, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    /// <summary>
    /// As text: SetValue&lt;string&gt; never parses (the Value setter would turn "=…" into a formula and
    /// "0771…" into a number); a leading = + - @ also gets Excel's quote prefix, so editing the cell in
    /// Excel keeps it text.
    /// </summary>
    private static void WriteText(IXLCell cell, string text)
    {
        cell.SetValue<string>(text);
        cell.DataType = XLDataType.Text;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }
}
