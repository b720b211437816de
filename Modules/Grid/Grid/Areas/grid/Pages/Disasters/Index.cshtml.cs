using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Contracts;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Disasters;

/// <summary>
/// 灾情报送: a grid member (village) or the township reports a disaster with its losses; the township
/// verifies it; the county sees the summary by township.
/// </summary>
internal sealed class IndexModel(GridDbContext db, GridAccess access, ICountyUnits units, TimeProvider clock, DisasterSeries series) : PageModel
{
    public IReadOnlyList<DisasterReport> Reports { get; private set; } = [];

    public IReadOnlyList<Summary> ByTownship { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Villages { get; private set; } = [];

    public bool CanReport { get; private set; }

    [BindProperty]
    public DisasterInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    [RequirePermission(GridModule.Report)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CanReport)
        {
            return Forbid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var happened = Input.HappenedAt is { } local ? ChinaTime.ToUtc(local) : (DateTime?)null;
        if (happened > now)
        {
            ModelState.AddModelError("Input.HappenedAt", "发生时间不能晚于当前时间");
        }

        int? villageId = access.VillageId ?? Input.VillageId;
        if (villageId is not null && !Villages.Any(v => v.Id == villageId))
        {
            ModelState.AddModelError("Input.VillageId", "只能报送本乡镇的村（社区）");
        }

        var figures = FiguresInput.Read(Input, ModelState, nameof(Input));
        if (!ModelState.IsValid || figures is null)
        {
            return Page();
        }

        var report = new DisasterReport
        {
            TownshipId = access.TownshipId!.Value,
            VillageId = villageId,
            DisasterType = Input.DisasterType!.Trim(),
            HappenedAtUtc = happened!.Value,
            Place = Input.Place!.Trim(),
            AffectedPeople = figures.AffectedPeople,
            Dead = figures.Dead,
            Injured = figures.Injured,
            Missing = figures.Missing,
            Relocated = figures.Relocated,
            HousesDamaged = figures.HousesDamaged,
            DirectLoss = figures.DirectLoss,
            ReportedBy = access.UserName,
            ReportedAtUtc = now,
        };
        DisasterSteps.Report(db, report);
        // Casualties in the 初报: the county emergency bureau is told at once, in the same commit.
        await series.AlertAsync(report, report.Figures[0], null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已报送灾情：{report.DisasterType}（{report.Place}）";
        return RedirectToPage();
    }

    /// <summary>The township verifies (核实) a report of its own.</summary>
    [RequirePermission(GridModule.Manage)]
    public async Task<IActionResult> OnPostVerifyAsync(int id, CancellationToken cancellationToken)
    {
        var report = await db.Disasters.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (report is null || !access.MaySee(report))
        {
            return NotFound();
        }

        if (!access.ActsForTownship(report.TownshipId))
        {
            return Forbid();
        }

        if (report.Status == DisasterStatus.Verified)
        {
            Notice = "该灾情已核实";
            return RedirectToPage();
        }

        report.Status = DisasterStatus.Verified;
        report.VerifiedBy = access.UserName;
        report.VerifiedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已核实灾情：{report.DisasterType}（{report.Place}）";
        return RedirectToPage();
    }

    public string UnitName(DisasterReport report) =>
        (Townships.FirstOrDefault(t => t.Id == report.TownshipId)?.Name ?? "") + (report.VillageId is { } v ? Villages.FirstOrDefault(x => x.Id == v)?.Name ?? "" : "");

    public bool CanVerify(DisasterReport report) => report.Status == DisasterStatus.Reported && access.ActsForTownship(report.TownshipId);


    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanReport = access.Reports;
        Townships = await units.TownshipsAsync(access.County, cancellationToken);
        var villages = await units.VillagesAsync(access.County, cancellationToken);
        var whole = access.SeesWholeCounty;
        Villages = whole ? villages : access.OwnVillages(villages);
        var reports = access.Visible(db.Disasters.AsNoTracking(), GridAccess.Disasters);

        Reports = await reports.OrderByDescending(d => d.HappenedAtUtc).Take(200).ToListAsync(cancellationToken);
        if (whole)
        {
            // A county's disaster reports are few; the summary is added up here (decimal sums are not SQL on SQLite).
            ByTownship = await SummaryAsync(db, Townships, cancellationToken);
        }
    }

    /// <summary>The county summary as an Excel file: per township, the latest figures of its reports (after 续报/核报).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!access.SeesWholeCounty)
        {
            return Forbid();
        }

        var townships = await units.TownshipsAsync(access.County, cancellationToken);
        var summary = await SummaryAsync(db, townships, cancellationToken);
        var export = new Emergency.BuildingBlocks.Spreadsheets.SheetExport("灾情汇总",
        [
            new("乡镇（街道）", 16), new("报送起数"), new("已核实"), new("已核报"), new("受灾人口"), new("死亡"), new("失踪"), new("受伤"),
            new("转移安置"), new("损坏房屋"), new("直接经济损失（万元）", 20),
        ]);
        foreach (var s in summary)
        {
            export.Add(s.Township, s.Reports, s.Verified, s.Final, s.Affected, s.Dead, s.Missing, s.Injured, s.Relocated, s.Houses, s.Loss);
        }

        return export.ToFile("灾情汇总.xlsx");
    }

    /// <summary>Per township, the latest figures of every report (the report's columns hold its latest stage).</summary>
    private static async Task<IReadOnlyList<Summary>> SummaryAsync(GridDbContext db, IReadOnlyList<UnitInfo> townships, CancellationToken cancellationToken)
    {
        // A county's disaster reports are few; the summary is added up here (decimal sums are not SQL on SQLite).
        var all = await db.Disasters.AsNoTracking()
            .Select(d => new { d.TownshipId, d.Status, d.Stage, d.Dead, d.Injured, d.Missing, d.Relocated, d.AffectedPeople, d.HousesDamaged, d.DirectLoss })
            .ToListAsync(cancellationToken);
        return all.GroupBy(d => d.TownshipId)
            .Select(g => new Summary(
                townships.FirstOrDefault(t => t.Id == g.Key)?.Name ?? "?",
                g.Count(),
                g.Count(d => d.Status == DisasterStatus.Verified),
                g.Count(d => d.Stage == DisasterStage.Final),
                g.Sum(d => d.AffectedPeople),
                g.Sum(d => d.Dead),
                g.Sum(d => d.Missing),
                g.Sum(d => d.Injured),
                g.Sum(d => d.Relocated),
                g.Sum(d => d.HousesDamaged),
                g.Sum(d => d.DirectLoss)))
            .OrderBy(s => s.Township, StringComparer.Ordinal)
            .ToList();
    }

    internal sealed record Summary(string Township, int Reports, int Verified, int Final, int Affected, int Dead, int Missing, int Injured, int Relocated, int Houses, decimal Loss);

    internal sealed class DisasterInput : IFiguresInput
    {
        public string? AffectedPeople { get; set; }

        public string? Dead { get; set; }

        public string? Missing { get; set; }

        public string? Injured { get; set; }

        public string? Relocated { get; set; }

        public string? HousesDamaged { get; set; }

        public string? DirectLoss { get; set; }

        [Required(ErrorMessage = "请填写灾害类型")]
        [StringLength(50, ErrorMessage = "灾害类型不能超过 50 个字")]
        public string? DisasterType { get; set; }

        [Required(ErrorMessage = "请填写发生时间")]
        public DateTime? HappenedAt { get; set; }

        [Required(ErrorMessage = "请填写发生地点")]
        [StringLength(200, ErrorMessage = "地点不能超过 200 个字")]
        public string? Place { get; set; }

        public int? VillageId { get; set; }
    }
}
