using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Evaluation;

/// <summary>
/// 考评: per unit (the county bureau and each entrusted township) and per officer, for a month of a year or the whole
/// year: inspections, cases opened, fines decided, clocks missed, cases reviewed (案卷评查) with their average score.
/// County users see every unit and officer; a township its own. Exported to Excel as shown.
/// </summary>
internal sealed class IndexModel(Domain.Evaluation evaluation, EnforcementAccess access, ICountyUnits units) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>1–12, or null for the whole year.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    public IReadOnlyList<UnitFigures> Units { get; private set; } = [];

    public IReadOnlyList<OfficerFigures> Officers { get; private set; } = [];

    public string PeriodName => Month is { } m ? $"{Year} 年 {m} 月" : $"{Year} 年";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        var sheet = new SheetExport("执法考评", [new("类别", 8), new("单位", 24), new("执法人员", 14), new("检查次数", 10), new("立案数", 10), new("罚款金额（元）", 16), new("逾期期限", 10), new("评查案卷", 10), new("评查平均分", 12)]);
        foreach (var u in Units)
        {
            sheet.Add("单位", u.UnitName, "", u.Inspections, u.Cases, u.Fines, u.ClocksMissed, u.CasesReviewed, Score(u.AverageScore));
        }

        foreach (var o in Officers)
        {
            sheet.Add("人员", o.UnitName, o.Name, o.Inspections, o.Cases, o.Fines, o.ClocksMissed, o.CasesReviewed, Score(o.AverageScore));
        }

        return sheet.ToFile($"执法考评-{PeriodName.Replace(" ", "", StringComparison.Ordinal)}.xlsx");
    }

    public static string Score(double? score) => score is { } s ? s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "";

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var wholeCounty = access.SeesWholeCounty;
        if (!wholeCounty && !(access.Scope.Level == UserScope.Township && access.TownshipId is not null))
        {
            return false;
        }

        var today = evaluation.Today;
        Year = Year is >= 2000 and <= 2100 ? Year : today.Year;
        Month = Month is >= 1 and <= 12 ? Month : null;
        if (!Request.Query.ContainsKey(nameof(Month)) && !Request.Query.ContainsKey(nameof(Year)))
        {
            Month = today.Month;
        }

        var townships = (await units.TownshipsAsync(access.County, cancellationToken)).Select(t => (t.Id, t.Name)).ToList();
        (Units, Officers) = await evaluation.FiguresAsync(Year.Value, Month, wholeCounty, access.TownshipId, townships, cancellationToken);
        return true;
    }
}
