using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Cases;

/// <summary>
/// 立案 (general procedure, from an inspection's finding or failed 复查, or by hand) or 简易程序 on site, for the user's
/// unit: the county bureau or an entrusted township (only within the entrusted matters; outside, the file is referred
/// to the county bureau instead).
/// </summary>
[RequirePermission(EnforcementModule.Manage)]
internal sealed class CreateModel(EnforcementDbContext db, EnforcementAccess access, Domain.Cases cases, ICountyDirectory counties, IStringLocalizer<EnforcementText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Target> Targets { get; private set; } = [];

    public IReadOnlyList<Officer> Officers { get; private set; } = [];

    public IReadOnlyList<string> Matters { get; private set; } = [];

    public Inspection? Inspection { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? inspectionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.DiscoveredOn = cases.Today;
        if (inspectionId is { } id)
        {
            Inspection = await access.Visible(db.Inspections.AsNoTracking()).SingleOrDefaultAsync(i => i.Id == id && i.TownshipId == access.Drawer().Township, cancellationToken);
            if (Inspection is null)
            {
                return NotFound();
            }

            Input.InspectionId = id;
            Input.TargetId = Inspection.TargetId;
            Input.PartyName = Inspection.TargetName;
            Input.Facts = Inspection.Findings + (Inspection.RecheckNotes is { } notes ? "；" + notes : "");
            Input.DiscoveredOn = Inspection.RecheckedOn ?? Inspection.InspectedOn;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var drawer = access.Drawer();
        var countyName = (await counties.FindAsync(access.County, cancellationToken))?.Name ?? access.County;
        var result = await cases.OpenAsync(
            new CaseOpenRequest(Input.TargetId, Input.InspectionId, Input.DiscoveredOn, Input.PartyKind, Input.PartyName, Input.PartyIdNumber, Input.Matter, Input.Facts, Input.OfficerId, Input.Approver, Input.Simple, Input.Fine, Input.Warning),
            new Drawer(drawer.Township, drawer.UnitName, access.UserName),
            countyName,
            cancellationToken);
        if (result.Problems.Count > 0)
        {
            ModelState.Clear();
            foreach (var problem in result.Problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            return Page();
        }

        var c = result.Case!;
        TempData["Notice"] = result.Referred
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, text["CaseReferred"].Value, c.Matter)
            : c.Simple
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, text["CaseSimpleDone"].Value, c.TargetName, c.DecisionNumber)
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, text["CaseOpened"].Value, c.TargetName, c.FilingNumber);
        return result.Referred ? RedirectToPage("Index") : RedirectToPage("Details", new { id = c.Id });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var drawer = access.Drawer();
        if (!drawer.May)
        {
            return Forbid();
        }

        Targets = await db.Targets.AsNoTracking().Where(t => drawer.Township == null || t.JurisdictionTownshipId == drawer.Township).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        Officers = await db.Officers.AsNoTracking().Where(o => o.TownshipId == drawer.Township).OrderBy(o => o.Name).ToListAsync(cancellationToken);
        Matters = await cases.EntrustedMattersAsync(cancellationToken);
        return null;
    }

    internal sealed class InputModel
    {
        public int? TargetId { get; set; }

        public int? InspectionId { get; set; }

        public DateOnly? DiscoveredOn { get; set; }

        public PartyKind PartyKind { get; set; }

        public string? PartyName { get; set; }

        public string? PartyIdNumber { get; set; }

        public string? Matter { get; set; }

        public string? Facts { get; set; }

        public int? OfficerId { get; set; }

        public string? Approver { get; set; }

        public bool Simple { get; set; }

        public long? Fine { get; set; }

        public bool Warning { get; set; }
    }
}
