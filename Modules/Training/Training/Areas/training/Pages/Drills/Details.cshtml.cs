using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Files;
using Emergency.BuildingBlocks.Settings;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Training.Areas.training.Pages.Drills;

/// <summary>
/// A drill: its plan, scenario, time, place, units, teams and observers; for its organiser, after the start, the
/// record (what happened, photos, problems found, improvements, the evaluation report with an optional file) and
/// closing, which needs the evaluation report; before the start, cancelling with a reason. Outside the user's view
/// 404; a write by someone who does not organise it 403.
/// </summary>
internal sealed class DetailsModel(TrainingDbContext db, TrainingAccess access, Domain.Drills drills, IModuleFiles files, ICountySettings settings, TimeProvider clock) : PageModel
{
    public Drill Drill { get; private set; } = null!;

    public bool Organises { get; private set; }

    public DateTime NowUtc { get; private set; }

    public bool Started => Drill.StartsAtUtc <= NowUtc;

    public bool Open => Drill.Status == DrillStatus.Planned;

    public int MaxMegabytes { get; private set; }

    [BindProperty]
    public RecordInput Record { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    [BindProperty]
    public IFormFile? ReportFile { get; set; }

    [BindProperty]
    public CancelInput Cancel { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    [RequirePermission(TrainingModule.Manage)]
    public Task<IActionResult> OnPostRecordAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => SaveAsync(false, cancellationToken), cancellationToken);

    [RequirePermission(TrainingModule.Manage)]
    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => SaveAsync(true, cancellationToken), cancellationToken);

    [RequirePermission(TrainingModule.Manage)]
    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var result = await drills.CancelAsync(Drill, Cancel.Reason, access.County, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已取消演练，并已通知参演单位" : null;
            return result;
        }, cancellationToken);

    private async Task<IReadOnlyList<Problem>> SaveAsync(bool close, CancellationToken cancellationToken)
    {
        if (drills.NotRecordable(Drill) is { } why)
        {
            return [new("", why)];
        }

        var record = new DrillRecord(Record.Account, Domain.Drills.Lines(Record.Problems), Record.Improvements, Record.EvaluationReport);
        var problems = Domain.Drills.CheckRecord(record);
        var limit = MaxMegabytes * 1024L * 1024L;
        var photos = Photos.Where(p => p.Length > 0).ToList();
        var accepted = new List<(IFormFile File, string Extension, string ContentType)>();
        if (Drill.Photos.Count + photos.Count > Domain.Drills.MaxPhotos)
        {
            problems.Add(new("Photos", $"每次演练最多 {Domain.Drills.MaxPhotos} 张照片"));
        }

        foreach (var photo in photos)
        {
            if (photo.Length > limit)
            {
                problems.Add(new("Photos", $"照片“{photo.FileName}”超过 {MaxMegabytes} MB，请压缩后再上传"));
            }
            else if (await PhotoKind.DetectAsync(photo, cancellationToken) is { } kind)
            {
                accepted.Add((photo, kind.Extension, kind.ContentType));
            }
            else
            {
                problems.Add(new("Photos", $"照片“{photo.FileName}”不是 JPEG、PNG 或 WebP 图片"));
            }
        }

        (string Extension, string ContentType)? reportKind = null;
        if (ReportFile is { Length: > 0 } report)
        {
            if (report.Length > limit)
            {
                problems.Add(new("ReportFile", $"评估报告文件超过 {MaxMegabytes} MB"));
            }
            else if ((reportKind = await DocumentKind.DetectDocumentOrPhotoAsync(report, cancellationToken)) is null)
            {
                problems.Add(new("ReportFile", "评估报告文件应为 PDF、Word（.docx）或 JPEG、PNG、WebP 图片"));
            }
        }

        if (close && string.IsNullOrWhiteSpace(record.EvaluationReport))
        {
            problems.Add(new("Record.EvaluationReport", "请填写演练评估报告，没有评估报告的演练不能结束"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var saved = new List<DrillPhoto>();
        foreach (var (file, extension, contentType) in accepted)
        {
            await using var stream = file.OpenReadStream();
            var name = await files.SaveAsync(access.County, TrainingModule.ModuleName, stream, extension, cancellationToken);
            saved.Add(new DrillPhoto { FileName = name, ContentType = contentType, Size = file.Length, UploadedAtUtc = now });
        }

        (string, string, string)? reportFile = null;
        if (reportKind is { } k && ReportFile is { } upload)
        {
            await using var stream = upload.OpenReadStream();
            var name = await files.SaveAsync(access.County, TrainingModule.ModuleName, stream, k.Extension, cancellationToken);
            reportFile = (name, k.ContentType, Path.GetFileName(upload.FileName));
        }

        var result = await drills.RecordAsync(Drill, record, saved, reportFile, close, cancellationToken);
        if (result.Count > 0)
        {
            foreach (var photo in saved)
            {
                files.Delete(access.County, TrainingModule.ModuleName, photo.FileName);
            }

            if (reportFile is { } f)
            {
                files.Delete(access.County, TrainingModule.ModuleName, f.Item1);
            }
        }

        TempData["Notice"] = result.Count > 0 ? null : close ? $"演练已结束，发现问题 {Drill.Problems.Count} 条" : "已保存演练记录";
        return result;
    }

    private async Task<IActionResult> ActAsync(int id, Func<Task<IReadOnlyList<Problem>>> act, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Organises)
        {
            return Forbid();
        }

        var problems = await act();
        if (problems.Count == 0)
        {
            return RedirectToPage(new { id });
        }

        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        if (await drills.FindAsync(access.Visible(db.Drills), id, cancellationToken) is not { } drill)
        {
            return false;
        }

        Drill = drill;
        Drill.Problems.Sort((a, b) => a.Id.CompareTo(b.Id));
        Organises = access.Organises(drill);
        MaxMegabytes = await settings.GetAsync(TrainingModule.PhotoMaxMegabytes, cancellationToken);
        if (Request.Method == HttpMethods.Get)
        {
            Record = new RecordInput
            {
                Account = drill.Account,
                Problems = string.Join("\n", drill.Problems.Select(p => p.Text)),
                Improvements = drill.Improvements,
                EvaluationReport = drill.EvaluationReport,
            };
        }

        return true;
    }

    internal sealed class RecordInput
    {
        public string? Account { get; set; }

        /// <summary>One problem a line.</summary>
        public string? Problems { get; set; }

        public string? Improvements { get; set; }

        public string? EvaluationReport { get; set; }
    }

    internal sealed class CancelInput
    {
        public string? Reason { get; set; }
    }
}
