using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Readiness.Data;
using Emergency.Readiness.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Readiness.Areas.readiness.Pages;

/// <summary>
/// A township's readiness: its 六有 and 十个一 with the evidence (links into the modules), its villages' 三有, and what it
/// records here — the 应急管理办公室 (staff within the county's limits), the director change the county bureau
/// approves, the mechanism and 十个一 documents.
/// </summary>
internal sealed class TownshipModel(ReadinessAccess access, ReadinessDbContext db, Offices offices, Documents documents) : PageModel
{
    public UnitInfo Unit { get; private set; } = null!;

    public ScoredUnit? Score { get; private set; }

    public IReadOnlyList<ScoredUnit> VillageScores { get; private set; } = [];

    public TownshipOffice? Office { get; private set; }

    public IReadOnlyList<OrgDocument> Docs { get; private set; } = [];

    public bool CanRecord { get; private set; }

    public bool CanApprove => access.Approves;

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public OfficeForm Form { get; set; } = new();

    [BindProperty]
    public string? Director { get; set; }

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

        if (Office is { } o)
        {
            Form = new OfficeForm
            {
                LeaderInCharge = o.LeaderInCharge, FirstResponsible = o.FirstResponsible, Facilities = o.Facilities, CommandLead = o.CommandLead, MemberUnits = o.MemberUnits,
                Staff = o.Staff.Select(s => new StaffLine { Name = s.Name, Post = s.Post }).ToList(),
            };
        }

        Form.Pad();
        return Page();
    }

    [RequirePermission(ReadinessModule.Record)]
    public Task<IActionResult> OnPostOfficeAsync(int id, CancellationToken cancellationToken) =>
        WriteAsync(id, false, () => offices.SaveAsync(id, new OfficeInput(Form.LeaderInCharge ?? "", Form.FirstResponsible ?? "", Form.Facilities ?? "", Form.CommandLead ?? "", Form.MemberUnits ?? "",
            Form.Staff.Select(s => (s.Name ?? "", s.Post ?? "")).ToList()), access.UserName, cancellationToken), "Form", "已保存应急管理办公室", cancellationToken);

    [RequirePermission(ReadinessModule.Record)]
    public Task<IActionResult> OnPostDirectorAsync(int id, CancellationToken cancellationToken) =>
        WriteAsync(id, false, () => offices.RequestDirectorAsync(id, Director ?? "", access.UserName, cancellationToken), "", "已报县应急管理局批准办公室主任变更", cancellationToken);

    [RequirePermission(ReadinessModule.Approve)]
    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        WriteAsync(id, true, () => offices.ApproveDirectorAsync(id, access.UserName, cancellationToken), "", "已批准办公室主任变更", cancellationToken);

    [RequirePermission(ReadinessModule.Record)]
    public Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken) =>
        WriteAsync(id, false, () => documents.UploadAsync(access.County, UnitLevel.Township, id, id, new DocumentInput(Doc.Kind ?? "", Doc.Title ?? "", Doc.Date), Upload, access.UserName, cancellationToken), "Doc", "已上传材料", cancellationToken);

    private async Task<IActionResult> WriteAsync(int id, bool approval, Func<Task<IReadOnlyList<Problem>>> write, string prefix, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (approval ? !access.Approves : !CanRecord)
        {
            return Forbid();
        }

        var problems = await write();
        if (problems.Count == 0)
        {
            Message = done;
            return RedirectToPage(new { id });
        }

        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field.Length == 0 ? "" : prefix.Length == 0 || problem.Field == "Upload" ? problem.Field : $"{prefix}.{problem.Field}", problem.Message);
        }

        await LoadAsync(id, cancellationToken);
        Form.Pad();
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await access.TownshipAsync(id, cancellationToken) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        CanRecord = access.RecordsFor(unit);
        var rows = await db.Scores.AsNoTracking().Where(s => s.TownshipId == id).ToListAsync(cancellationToken);
        Score = rows.Where(r => r.UnitKind == (int)UnitLevel.Township).Select(r => new ScoredUnit(r, ItemResult.Parse(r.Items))).FirstOrDefault();
        VillageScores = rows.Where(r => r.UnitKind == (int)UnitLevel.Village).OrderBy(r => r.UnitId).Select(r => new ScoredUnit(r, ItemResult.Parse(r.Items))).ToList();
        Office = await db.Offices.AsNoTracking().Include(o => o.Staff).FirstOrDefaultAsync(o => o.TownshipId == id, cancellationToken);
        Docs = await db.Documents.AsNoTracking().Where(d => d.Level == (int)UnitLevel.Township && d.UnitId == id).OrderBy(d => d.Kind).ThenByDescending(d => d.Date).ToListAsync(cancellationToken);
        return true;
    }
}

/// <summary>The office form.</summary>
internal sealed class OfficeForm
{
    public string? LeaderInCharge { get; set; }

    public string? FirstResponsible { get; set; }

    public string? Facilities { get; set; }

    public string? CommandLead { get; set; }

    public string? MemberUnits { get; set; }

    public List<StaffLine> Staff { get; set; } = [];

    /// <summary>Six lines on the form (the county's maximum is usually 4; a longer list is refused, not cut).</summary>
    public void Pad()
    {
        while (Staff.Count < 6)
        {
            Staff.Add(new StaffLine());
        }
    }
}

internal sealed class StaffLine
{
    public string? Name { get; set; }

    public string? Post { get; set; }
}

/// <summary>The upload form of a document.</summary>
internal sealed class DocumentForm
{
    public string? Kind { get; set; }

    public string? Title { get; set; }

    public DateOnly? Date { get; set; }
}
