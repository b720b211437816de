using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Files;
using Emergency.BuildingBlocks.Settings;
using Emergency.Grid.Contracts;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Hazards;

/// <summary>
/// A hazard reported from a phone: a grid member for the grids they cover (a township user for any grid
/// of the township), with up to six photos checked by size and by their first bytes.
/// </summary>
[RequirePermission(GridModule.Report)]
internal sealed class ReportModel(GridDbContext db, GridAccess access, HazardSteps steps, IModuleFiles files, ICountySettings settings) : PageModel
{
    public const int MaxPhotos = 6;

    public IReadOnlyList<GridArea> Grids { get; private set; } = [];

    /// <summary>Why the user cannot report here (no grid member linked, no grids yet), or null.</summary>
    public string? Blocked { get; private set; }

    public int PhotoMaxMegabytes { get; private set; }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.Reports)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!access.Reports)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        var grid = Input.GridId is { } gridId ? Grids.FirstOrDefault(g => g.Id == gridId) : null;
        if (Input.GridId is not null && grid is null)
        {
            ModelState.AddModelError("Input.GridId", "您不负责该网格，不能为其上报隐患");
        }

        var photos = new List<(IFormFile File, string Extension, string ContentType)>();
        if (Photos.Count > MaxPhotos)
        {
            ModelState.AddModelError("Photos", $"最多上传 {MaxPhotos} 张照片");
        }

        foreach (var photo in Photos.Where(p => p.Length > 0))
        {
            if (photo.Length > PhotoMaxMegabytes * 1024L * 1024L)
            {
                ModelState.AddModelError("Photos", $"照片“{photo.FileName}”超过 {PhotoMaxMegabytes} MB，请压缩后再上传");
                continue;
            }

            var kind = await PhotoKind.DetectAsync(photo, cancellationToken);
            if (kind is null)
            {
                ModelState.AddModelError("Photos", $"照片“{photo.FileName}”不是 JPEG、PNG 或 WebP 图片");
                continue;
            }

            photos.Add((photo, kind.Value.Extension, kind.Value.ContentType));
        }

        if (Blocked is not null || !ModelState.IsValid || grid is null)
        {
            return Page();
        }

        var now = steps.Now;
        var hazard = new Hazard
        {
            TownshipId = grid.TownshipId,
            VillageId = grid.VillageId,
            GridId = grid.Id,
            GridName = grid.Name,
            Category = Input.Category,
            Level = Input.Level,
            ReportedLevel = Input.Level,
            Description = Input.Description!.Trim(),
            Place = Input.Place!.Trim(),
            Latitude = Input.Latitude,
            Longitude = Input.Longitude,
            State = HazardState.Reported,
            ReportedBy = access.UserName,
            ReporterName = access.DisplayName,
            ReportedAtUtc = now,
        };
        foreach (var (file, extension, contentType) in photos)
        {
            await using var stream = file.OpenReadStream();
            var name = await files.SaveAsync(access.County, GridModule.ModuleName, stream, extension, cancellationToken);
            hazard.Photos.Add(new HazardPhoto { FileName = name, ContentType = contentType, Size = file.Length, UploadedAtUtc = now });
        }

        // The hazard, its first history line and the event commit together (the event once the hazard has its id).
        db.Hazards.Add(hazard);
        steps.Reported(hazard, grid.Code, photos.Count);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已上报隐患（编号 {hazard.Id}）";
        return RedirectToPage("Details", new { id = hazard.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PhotoMaxMegabytes = await settings.GetAsync(GridModule.PhotoMaxMegabytes, cancellationToken);
        if (access.ReportsForTownship)
        {
            var township = access.TownshipId;
            Grids = await db.Grids.AsNoTracking().Where(g => g.TownshipId == township).OrderBy(g => g.VillageId).ThenBy(g => g.Code).ToListAsync(cancellationToken);
            Blocked = Grids.Count == 0 ? "本乡镇还没有建立网格，请先在“网格”页建立网格" : null;
            return;
        }

        var village = access.VillageId;
        var villageHasGrids = await db.Grids.AnyAsync(g => g.VillageId == village, cancellationToken);
        var userName = access.UserName;
        Grids = await db.MemberGrids.AsNoTracking()
            .Where(mg => mg.Member!.UserName == userName && mg.Member.Active && mg.Grid!.VillageId == village)
            .Select(mg => mg.Grid!)
            .OrderBy(g => g.Code)
            .ToListAsync(cancellationToken);
        Blocked = !villageHasGrids ? "本村（社区）还没有划分网格，请联系乡镇应急办先建立网格和网格员" :
            Grids.Count == 0 ? "您的账号还没有关联网格员或负责的网格，请联系乡镇应急办" : null;
    }

    internal sealed class ReportInput
    {
        [Required(ErrorMessage = "请选择网格")]
        public int? GridId { get; set; }

        [EnumDataType(typeof(HazardCategory), ErrorMessage = "请选择隐患类别")]
        public HazardCategory Category { get; set; }

        [EnumDataType(typeof(HazardLevel), ErrorMessage = "请选择隐患等级")]
        public HazardLevel Level { get; set; }

        [Required(ErrorMessage = "请描述隐患情况")]
        [StringLength(2000, ErrorMessage = "隐患描述不能超过 2000 个字")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "请填写隐患地点")]
        [StringLength(200, ErrorMessage = "地点不能超过 200 个字")]
        public string? Place { get; set; }

        [Range(-90, 90, ErrorMessage = "纬度应在 -90 到 90 之间")]
        public double? Latitude { get; set; }

        [Range(-180, 180, ErrorMessage = "经度应在 -180 到 180 之间")]
        public double? Longitude { get; set; }
    }
}
