using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Files;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Inspections;

/// <summary>
/// A 现场检查 with its 复查 countdown (days to the due date, or overdue and the missed clock as recorded), the 复查 form
/// for the inspecting unit, its photos, and the print views: 现场检查记录 (kind=record), 责令限期整改指令书 (order),
/// 整改复查意见书 (recheck).
/// </summary>
internal sealed class DetailsModel(EnforcementDbContext db, EnforcementAccess access, Domain.Inspections inspections, ExpertAssistance assistance, IModuleFiles files, ICountyDirectory counties, IPermissions permissions) : PageModel
{
    /// <summary>执法+专家: the requests made for this inspection, each with the experts' answers as the pool reported them.</summary>
    public IReadOnlyList<ExpertRequest> ExpertRequests { get; private set; } = [];

    /// <summary>The inspecting unit may ask for experts and record their participation.</summary>
    public bool MayAskExperts { get; private set; }

    [BindProperty]
    public ExpertInputModel Expert { get; set; } = new();

    [BindProperty]
    public ParticipationInputModel Participation { get; set; } = new();

    public Inspection Inspection { get; private set; } = null!;

    public DateOnly Today => inspections.Today;

    public bool MayRecheck { get; private set; }

    /// <summary>立案 from this inspection's finding (or failed 复查): its own unit, once there is a finding.</summary>
    public bool MayOpenCase { get; private set; }

    public string CountyName { get; private set; } = "";

    /// <summary>The print view asked for (record, order, recheck), or null for the page.</summary>
    public string? Print { get; private set; }

    [BindProperty]
    public RecheckInputModel Recheck { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string? print, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (print is not null)
        {
            var available = print switch
            {
                "record" => true,
                "order" => Inspection.OrderNumber is not null,
                "recheck" => Inspection.RecheckNumber is not null,
                _ => false,
            };
            if (!available)
            {
                return NotFound();
            }

            Print = print;
        }

        Recheck.Date = Today;
        return Page();
    }

    public async Task<IActionResult> OnGetPhotoAsync(int id, int photoId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Inspection.Photos.FirstOrDefault(p => p.Id == photoId) is not { } photo || files.OpenRead(access.County, EnforcementModule.ModuleName, photo.FileName) is not { } stream)
        {
            return NotFound();
        }

        return File(stream, photo.ContentType);
    }

    [RequirePermission(EnforcementModule.Manage)]
    public async Task<IActionResult> OnPostRecheckAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!MayRecheck)
        {
            return Forbid();
        }

        var problems = await inspections.RecheckAsync(Inspection, Recheck.Date, Recheck.Passed, Recheck.Notes, access.UserName, CountyName, cancellationToken);
        if (problems.Count > 0)
        {
            ModelState.Clear();
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            return Page();
        }

        TempData["Notice"] = Inspection.State == InspectionState.RecheckPassed
            ? $"复查合格，已办结（{Inspection.RecheckNumber}）"
            : $"复查不合格，保持未办结（{Inspection.RecheckNumber}）";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>执法+专家: ask the expert pool for experts of the given fields.</summary>
    [RequirePermission(EnforcementModule.Manage)]
    public async Task<IActionResult> OnPostExpertAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!MayAskExperts)
        {
            return Forbid();
        }

        var (request, problems) = await assistance.RequestAsync(Inspection, new ExpertAsk(Expert.Fields, Expert.Count, Expert.StartsAt, Expert.Location, Expert.Reason), access.UserName, cancellationToken);
        if (problems.Count > 0)
        {
            return Refused(problems);
        }

        TempData["Notice"] = $"已向专家库请求 {request!.Fields} 领域专家 {request.Count} 名，待县应急管理局选派";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>参与: an expert who accepted took part; the expert pool counts it.</summary>
    [RequirePermission(EnforcementModule.Manage)]
    public async Task<IActionResult> OnPostParticipationAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!MayAskExperts)
        {
            return Forbid();
        }

        var request = ExpertRequests.FirstOrDefault(r => r.Helpers.Any(h => h.Id == Participation.HelperId));
        if (request is null)
        {
            return NotFound();
        }

        var helper = await db.ExpertHelpers.SingleAsync(h => h.Id == Participation.HelperId, cancellationToken);
        var problems = await assistance.RecordParticipationAsync(Inspection, request, helper, Participation.Date, Participation.Note, access.UserName, cancellationToken);
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Refused(problems);
        }

        TempData["Notice"] = $"已登记 {helper.ExpertName} 参与检查，专家库将计入其履职记录";
        return RedirectToPage("Details", new { id });
    }

    private PageResult Refused(IEnumerable<Problem> problems)
    {
        ModelState.Clear();
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await access.Visible(db.Inspections).Include(i => i.Photos).SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } inspection)
        {
            return NotFound();
        }

        Inspection = inspection;
        CountyName = (await counties.FindAsync(access.County, cancellationToken))?.Name ?? access.County;
        MayOpenCase = inspection.Findings.Length > 0 && access.ActsForUnit(inspection.TownshipId) && permissions.Has(EnforcementModule.Manage);
        MayRecheck = inspection.State == InspectionState.AwaitingRecheck && access.ActsForUnit(inspection.TownshipId) && permissions.Has(EnforcementModule.Manage);
        MayAskExperts = access.ActsForUnit(inspection.TownshipId) && permissions.Has(EnforcementModule.Manage);
        ExpertRequests = await db.ExpertRequests.AsNoTracking().Include(r => r.Helpers.OrderBy(h => h.Id))
            .Where(r => r.InspectionId == id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return null;
    }

    internal sealed class ExpertInputModel
    {
        /// <summary>所需领域, separated by "；".</summary>
        public string? Fields { get; set; }

        public int? Count { get; set; }

        /// <summary>到场时间 (China time).</summary>
        public DateTime? StartsAt { get; set; }

        public string? Location { get; set; }

        public string? Reason { get; set; }
    }

    internal sealed class ParticipationInputModel
    {
        public int HelperId { get; set; }

        public DateOnly? Date { get; set; }

        public string? Note { get; set; }
    }

    internal sealed class RecheckInputModel
    {
        public DateOnly? Date { get; set; }

        public bool? Passed { get; set; }

        public string? Notes { get; set; }
    }
}
