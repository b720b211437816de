using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Files;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Inspections;

/// <summary>现场检查记录: for a drawn target (its draw item, officers preselected) or a target of the unit's jurisdiction directly.</summary>
[RequirePermission(EnforcementModule.Manage)]
internal sealed class CreateModel(EnforcementDbContext db, EnforcementAccess access, Domain.Inspections inspections, IModuleFiles files, ICountyDirectory counties) : PageModel
{
    public const int MaxPhotos = 9;

    public const int PhotoMaxMegabytes = 10;

    public IReadOnlyList<Target> Targets { get; private set; } = [];

    public IReadOnlyList<Officer> Officers { get; private set; } = [];

    public string UnitName { get; private set; } = "";

    [BindProperty]
    public InspectionInputModel Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int? drawItemId, int? targetId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.Date = inspections.Today;
        Input.TargetId = targetId;
        if (drawItemId is { } itemId)
        {
            var item = await db.DrawItems.AsNoTracking().Join(db.Draws, i => i.DrawId, d => d.Id, (i, d) => new { Item = i, d.TownshipId })
                .SingleOrDefaultAsync(x => x.Item.Id == itemId, cancellationToken);
            if (item is null || item.TownshipId != access.Drawer().Township)
            {
                return NotFound();
            }

            Input.DrawItemId = itemId;
            Input.TargetId = item.Item.TargetId;
            Input.OfficerIds = DrawAlgorithm.Ids(item.Item.OfficerIds).ToList();
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
        var unit = new Drawer(drawer.Township, drawer.UnitName, access.UserName);
        var request = new InspectionRequest(Input.TargetId, Input.DrawItemId, Input.Date, Input.OfficerIds, Input.ItemsChecked, Input.Findings, Input.Deadline,
            Input.PrincipalName, Input.SafetyManagerName, Input.OperatorName, Input.Signed);
        var (target, officers, problems) = await inspections.CheckAsync(request, unit, cancellationToken);
        ModelState.Clear();
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        var photos = new List<(IFormFile File, string Extension, string ContentType)>();
        var uploads = Photos.Where(p => p.Length > 0).ToList();
        if (uploads.Count > MaxPhotos)
        {
            ModelState.AddModelError(nameof(Photos), $"最多上传 {MaxPhotos} 张照片");
        }

        foreach (var photo in uploads)
        {
            if (photo.Length > PhotoMaxMegabytes * 1024L * 1024L)
            {
                ModelState.AddModelError(nameof(Photos), $"照片“{photo.FileName}”超过 {PhotoMaxMegabytes} MB，请压缩后再上传");
                continue;
            }

            await using var head = photo.OpenReadStream();
            if (await PhotoKind.DetectAsync(head, cancellationToken) is not { } kind)
            {
                ModelState.AddModelError(nameof(Photos), $"照片“{photo.FileName}”不是 JPEG、PNG 或 WebP 图片");
                continue;
            }

            photos.Add((photo, kind.Extension, kind.ContentType));
        }

        if (!ModelState.IsValid || target is null)
        {
            return Page();
        }

        var saved = new List<SavedPhoto>();
        foreach (var (file, extension, contentType) in photos)
        {
            await using var stream = file.OpenReadStream();
            saved.Add(new SavedPhoto(await files.SaveAsync(access.County, EnforcementModule.ModuleName, stream, extension, cancellationToken), contentType));
        }

        var countyName = (await counties.FindAsync(access.County, cancellationToken))?.Name ?? access.County;
        var inspection = await inspections.RecordAsync(request, target, officers, saved, unit, countyName, cancellationToken);
        TempData["Notice"] = inspection.State == InspectionState.Closed
            ? $"已记录现场检查：{inspection.TargetName}，未发现问题，已办结"
            : $"已记录现场检查并责令限期整改：{inspection.TargetName}（{inspection.OrderNumber}），复查应于 {Domain.Inspections.Day(inspection.RecheckDue!.Value)} 前完成";
        return RedirectToPage("Details", new { id = inspection.Id });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var drawer = access.Drawer();
        if (!drawer.May)
        {
            return Forbid();
        }

        UnitName = drawer.UnitName;
        Targets = await db.Targets.AsNoTracking().Where(t => t.JurisdictionTownshipId == drawer.Township).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        Officers = await db.Officers.AsNoTracking().Where(o => o.TownshipId == drawer.Township).OrderBy(o => o.Auxiliary).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        return null;
    }

    internal sealed class InspectionInputModel
    {
        public int? TargetId { get; set; }

        public int? DrawItemId { get; set; }

        public DateOnly? Date { get; set; }

        public List<int> OfficerIds { get; set; } = [];

        public string? ItemsChecked { get; set; }

        public string? Findings { get; set; }

        public DateOnly? Deadline { get; set; }

        public string? PrincipalName { get; set; }

        public string? SafetyManagerName { get; set; }

        public string? OperatorName { get; set; }

        public bool Signed { get; set; }
    }
}
