using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Disasters;

/// <summary>
/// A disaster report with its figures series (初报, 续报…, 核报: when, who, figures). The reporter's village or the
/// township follows it up (续报) with updated figures; the township confirms it (核报), which ends the series.
/// </summary>
internal sealed class DetailsModel(GridDbContext db, GridAccess access, ICountyUnits units, TimeProvider clock, DisasterSeries series) : PageModel
{
    public DisasterReport Report { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public bool CanFollowUp { get; private set; }

    public bool CanConfirm { get; private set; }

    [BindProperty]
    public StageInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    [RequirePermission(GridModule.Report)]
    public Task<IActionResult> OnPostFollowUpAsync(int id, CancellationToken cancellationToken) =>
        AddAsync(id, DisasterStage.FollowUp, cancellationToken);

    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken cancellationToken) =>
        AddAsync(id, DisasterStage.Final, cancellationToken);

    private async Task<IActionResult> AddAsync(int id, DisasterStage stage, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Report.Stage == DisasterStage.Final)
        {
            ModelState.AddModelError("", "该灾情已核报，不能再续报或核报");
            return Page();
        }

        if (!(stage == DisasterStage.Final ? CanConfirm : CanFollowUp))
        {
            return Forbid();
        }

        var figures = FiguresInput.Read(Input, ModelState, nameof(Input));
        if (figures is null || !ModelState.IsValid)
        {
            return Page();
        }

        var report = await db.Disasters.Include(d => d.Figures).SingleAsync(d => d.Id == id, cancellationToken);
        figures.Stage = stage;
        figures.AtUtc = clock.GetUtcNow().UtcDateTime;
        figures.By = access.UserName;
        figures.Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        var problem = await series.AddAsync(report, figures, cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError("", problem);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已{DisasterSeries.StageName(stage)}：{report.DisasterType}（{report.Place}）";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var report = await access.Visible(db.Disasters.AsNoTracking().Include(d => d.Figures), GridAccess.Disasters)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (report is null)
        {
            return false;
        }

        Report = report;
        CanFollowUp = access.MayFollowUp(report);
        CanConfirm = access.MayConfirm(report);
        var township = (await units.TownshipsAsync(access.County, cancellationToken)).FirstOrDefault(t => t.Id == report.TownshipId)?.Name ?? "";
        var village = report.VillageId is { } v ? (await units.VillagesAsync(access.County, cancellationToken)).FirstOrDefault(x => x.Id == v)?.Name ?? "" : "";
        UnitName = township + village;
        if (Request.Method == "GET")
        {
            // The form starts from the latest figures: a 续报 changes what changed.
            Input = new StageInput
            {
                AffectedPeople = Invariant(report.AffectedPeople), Dead = Invariant(report.Dead), Missing = Invariant(report.Missing),
                Injured = Invariant(report.Injured), Relocated = Invariant(report.Relocated), HousesDamaged = Invariant(report.HousesDamaged),
                DirectLoss = FiguresInput.Loss(report.DirectLoss),
            };
        }

        return true;
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal sealed class StageInput : IFiguresInput
    {
        public string? AffectedPeople { get; set; }

        public string? Dead { get; set; }

        public string? Missing { get; set; }

        public string? Injured { get; set; }

        public string? Relocated { get; set; }

        public string? HousesDamaged { get; set; }

        public string? DirectLoss { get; set; }

        [StringLength(1000, ErrorMessage = "说明不能超过 1000 个字")]
        public string? Note { get; set; }
    }
}
