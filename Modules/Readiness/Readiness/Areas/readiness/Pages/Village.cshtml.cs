using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Readiness.Data;
using Emergency.Readiness.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Readiness.Areas.readiness.Pages;

/// <summary>A village's 三有 (and its team and duty plan) with the evidence, its 领导小组 and 服务站, its rules documents.</summary>
internal sealed class VillageModel(ReadinessAccess access, ReadinessDbContext db, Documents documents) : PageModel
{
    public UnitInfo Unit { get; private set; } = null!;

    public ScoredUnit? Score { get; private set; }

    public VillageOrg? Org { get; private set; }

    public IReadOnlyList<OrgDocument> Docs { get; private set; } = [];

    public bool CanRecord { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public VillageForm Form { get; set; } = new();

    [BindProperty]
    public DocumentForm Doc { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Org is { } o)
        {
            Form = new VillageForm { GroupLeader = o.GroupLeader, GroupMembers = o.GroupMembers, Station = o.Station, StationFacilities = o.StationFacilities };
        }

        return Page();
    }

    [RequirePermission(ReadinessModule.Record)]
    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanRecord)
        {
            return Forbid();
        }

        await documents.SaveVillageAsync(id, Unit.ParentId ?? 0, Form.GroupLeader ?? "", Form.GroupMembers ?? "", Form.Station ?? "", Form.StationFacilities ?? "", access.UserName, cancellationToken);
        Message = "已保存村级应急组织";
        return RedirectToPage(new { id });
    }

    [RequirePermission(ReadinessModule.Record)]
    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanRecord)
        {
            return Forbid();
        }

        var problems = await documents.UploadAsync(access.County, UnitLevel.Village, id, Unit.ParentId ?? 0, new DocumentInput(Doc.Kind ?? "", Doc.Title ?? "", Doc.Date), Upload, access.UserName, cancellationToken);
        if (problems.Count == 0)
        {
            Message = "已上传材料";
            return RedirectToPage(new { id });
        }

        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field == "Upload" ? "Upload" : "Doc." + problem.Field, problem.Message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await access.VillageAsync(id, cancellationToken) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        CanRecord = access.RecordsForVillage(unit);
        var key = Scorer.Key(UnitLevel.Village, id);
        Score = await db.Scores.AsNoTracking().Where(s => s.Key == key).ToListAsync(cancellationToken) is [var row] ? new ScoredUnit(row, ItemResult.Parse(row.Items)) : null;
        Org = await db.Villages.AsNoTracking().FirstOrDefaultAsync(v => v.VillageId == id, cancellationToken);
        Docs = await db.Documents.AsNoTracking().Where(d => d.Level == (int)UnitLevel.Village && d.UnitId == id).OrderByDescending(d => d.Date).ToListAsync(cancellationToken);
        return true;
    }
}

internal sealed class VillageForm
{
    public string? GroupLeader { get; set; }

    public string? GroupMembers { get; set; }

    public string? Station { get; set; }

    public string? StationFacilities { get; set; }
}
