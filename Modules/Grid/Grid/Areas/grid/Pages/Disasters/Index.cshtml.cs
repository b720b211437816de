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
internal sealed class IndexModel(GridDbContext db, GridAccess access, ICountyUnits units, TimeProvider clock) : PageModel
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

        if (!ModelState.IsValid)
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
            AffectedPeople = Input.AffectedPeople ?? 0,
            Dead = Input.Dead ?? 0,
            Injured = Input.Injured ?? 0,
            Missing = Input.Missing ?? 0,
            HousesDamaged = Input.HousesDamaged ?? 0,
            DirectLoss = Input.DirectLoss ?? 0,
            ReportedBy = access.UserName,
            ReportedAtUtc = now,
        };
        DisasterSteps.Report(db, report);
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
            var all = await db.Disasters.AsNoTracking().Select(d => new { d.TownshipId, d.Status, d.Dead, d.Injured, d.Missing, d.AffectedPeople, d.HousesDamaged, d.DirectLoss }).ToListAsync(cancellationToken);
            ByTownship = all.GroupBy(d => d.TownshipId)
                .Select(g => new Summary(
                    Townships.FirstOrDefault(t => t.Id == g.Key)?.Name ?? "?",
                    g.Count(),
                    g.Count(d => d.Status == DisasterStatus.Verified),
                    g.Sum(d => d.AffectedPeople),
                    g.Sum(d => d.Dead),
                    g.Sum(d => d.Injured),
                    g.Sum(d => d.Missing),
                    g.Sum(d => d.HousesDamaged),
                    g.Sum(d => d.DirectLoss)))
                .OrderBy(s => s.Township, StringComparer.Ordinal)
                .ToList();
        }
    }

    internal sealed record Summary(string Township, int Reports, int Verified, int Affected, int Dead, int Injured, int Missing, int Houses, decimal Loss);

    internal sealed class DisasterInput
    {
        [Required(ErrorMessage = "请填写灾害类型")]
        [StringLength(50, ErrorMessage = "灾害类型不能超过 50 个字")]
        public string? DisasterType { get; set; }

        [Required(ErrorMessage = "请填写发生时间")]
        public DateTime? HappenedAt { get; set; }

        [Required(ErrorMessage = "请填写发生地点")]
        [StringLength(200, ErrorMessage = "地点不能超过 200 个字")]
        public string? Place { get; set; }

        public int? VillageId { get; set; }

        [Range(0, 10_000_000, ErrorMessage = "受灾人口不能为负数")]
        public int? AffectedPeople { get; set; }

        [Range(0, 100_000, ErrorMessage = "死亡人数不能为负数")]
        public int? Dead { get; set; }

        [Range(0, 100_000, ErrorMessage = "受伤人数不能为负数")]
        public int? Injured { get; set; }

        [Range(0, 100_000, ErrorMessage = "失踪人数不能为负数")]
        public int? Missing { get; set; }

        [Range(0, 10_000_000, ErrorMessage = "损坏房屋不能为负数")]
        public int? HousesDamaged { get; set; }

        [Range(typeof(decimal), "0", "100000000", ErrorMessage = "直接经济损失不能为负数")]
        public decimal? DirectLoss { get; set; }
    }
}
