using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Calendar;
using Emergency.BuildingBlocks.Files;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Cases;

/// <summary>
/// A case: its state, running clocks with countdowns, the late fee, the full record of its steps (全过程记录, with
/// attachments), the form for the next step (the steps the transition table allows), and the print views of its
/// documents: 立案审批表 (filing), 行政处罚告知书 (notice), 听证告知书 (hearing), 行政处罚决定书 (decision), 送达回证
/// (service), 结案审批表 (closing), 涉嫌犯罪案件移送书 (transfer).
/// </summary>
internal sealed class DetailsModel(EnforcementDbContext db, EnforcementAccess access, Domain.Cases cases, Domain.Evaluation evaluation, IModuleFiles files, ICountyDirectory counties, IPermissions permissions, ICountySettings settings, IWorkingDays workingDays, IStringLocalizer<EnforcementText> text) : PageModel
{
    public const int MaxFiles = 10;

    public const int FileMaxMegabytes = 20;

    public Case Case { get; private set; } = null!;

    public IReadOnlyList<CaseClock> Clocks { get; private set; } = [];

    public long LateFee { get; private set; }

    /// <summary>Years a shown clock falls in without a loaded holiday schedule (counted Monday–Friday).</summary>
    public IReadOnlyList<int> FallbackYears { get; private set; } = [];

    public int PaymentDays { get; private set; }

    public int LateFeePercent { get; private set; }

    public DateTime NowLocal => cases.NowLocal;

    public string CountyName { get; private set; } = "";

    public string? Print { get; private set; }

    /// <summary>The steps the user may take now (the table's, for the user's rights).</summary>
    public IReadOnlyList<CaseAction> Actions { get; private set; } = [];

    public IReadOnlyList<Officer> Officers { get; private set; } = [];

    [BindProperty]
    public StepInputModel Step { get; set; } = new();

    /// <summary>案卷评查 of this case, once reviewed.</summary>
    public CaseReview? Review { get; private set; }

    /// <summary>The county bureau may review the file of a closed case (once).</summary>
    public bool MayReview { get; private set; }

    [BindProperty]
    public ReviewInputModel ReviewInput { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

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
                "filing" => Case.FilingNumber is not null,
                "notice" => Case.NoticeNumber is not null,
                "hearing" => Case.HearingNoticeNumber is not null,
                "decision" => Case.DecisionNumber is not null,
                "service" => Case.ServiceNumber is not null || (Case.Simple && Case.ServedOn is not null),
                "closing" => Case.ClosingNumber is not null,
                "transfer" => Case.TransferNumber is not null,
                _ => false,
            };
            if (!available)
            {
                return NotFound();
            }

            Print = print;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Case.Steps.SelectMany(s => s.Files).FirstOrDefault(f => f.Id == fileId) is not { } file || files.OpenRead(access.County, EnforcementModule.ModuleName, file.FileName) is not { } stream)
        {
            return NotFound();
        }

        return File(stream, file.ContentType);
    }

    [RequirePermission(EnforcementModule.Manage)]
    public async Task<IActionResult> OnPostStepAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Step.Action is not { } action || !MayTake(action))
        {
            return Forbid();
        }

        var saved = new List<SavedFile>();
        var problems = new List<Problem>();
        var uploads = Files.Where(f => f.Length > 0).ToList();
        if (uploads.Count > MaxFiles)
        {
            problems.Add(new("Step.Files", string.Format(System.Globalization.CultureInfo.InvariantCulture, text["CaseFilesTooMany"].Value, MaxFiles)));
        }

        var kinds = new List<(IFormFile File, string Extension, string ContentType)>();
        foreach (var upload in uploads)
        {
            if (upload.Length > FileMaxMegabytes * 1024L * 1024L)
            {
                problems.Add(new("Step.Files", string.Format(System.Globalization.CultureInfo.InvariantCulture, text["CaseFileTooLarge"].Value, upload.FileName, FileMaxMegabytes)));
                continue;
            }

            if (await DocumentKind.DetectDocumentOrPhotoAsync(upload, cancellationToken) is not { } kind)
            {
                problems.Add(new("Step.Files", string.Format(System.Globalization.CultureInfo.InvariantCulture, text["CaseFileKind"].Value, upload.FileName)));
                continue;
            }

            kinds.Add((upload, kind.Extension, kind.ContentType));
        }

        if (problems.Count == 0)
        {
            foreach (var (upload, extension, contentType) in kinds)
            {
                await using var stream = upload.OpenReadStream();
                saved.Add(new SavedFile(Path.GetFileName(upload.FileName), await files.SaveAsync(access.County, EnforcementModule.ModuleName, stream, extension, cancellationToken), contentType));
            }

            problems = await cases.ApplyAsync(
                Case,
                action,
                new CaseStepRequest(Step.OfficerId, Step.Approver, Step.Text, Step.Fine, Step.Warning, Step.Complex, Step.Waived, Step.ExtendDays, Step.Receipt, saved, Step.Version),
                access.UserName,
                CountyName,
                cancellationToken);
        }

        if (problems.Count > 0)
        {
            foreach (var file in saved)
            {
                files.Delete(access.County, EnforcementModule.ModuleName, file.FileName);
            }

            ModelState.Clear();
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            // The refused step changed nothing: show the case as stored.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["Notice"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, text["CaseStepDone"].Value, CaseFlow.Name(action), CaseFlow.Name(Case.State));
        return RedirectToPage("Details", new { id });
    }

    /// <summary>案卷评查: the county bureau scores the file of a closed case.</summary>
    [RequirePermission(EnforcementModule.LegalReview)]
    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        var (review, problems) = await evaluation.ReviewAsync(Case, ReviewInput.Date, ReviewInput.Reviewers, ReviewInput.Score, ReviewInput.Notes, access.UserName, cancellationToken);
        if (problems.Count > 0)
        {
            ModelState.Clear();
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field.Replace("Review.", "ReviewInput.", StringComparison.Ordinal), problem.Message);
            }

            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["Notice"] = $"已保存案卷评查：{review!.Score} 分，{Labels.Verdict(review.Verdict)}";
        return RedirectToPage("Details", new { id });
    }

    private bool MayTake(CaseAction action) =>
        action == CaseAction.Review ? permissions.Has(EnforcementModule.LegalReview) && access.IsCountyManager : access.ActsForUnit(Case.TownshipId);

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await access.Visible(db.Cases).Include(c => c.Steps.OrderBy(s => s.Id)).ThenInclude(s => s.Files).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } c)
        {
            return NotFound();
        }

        Case = c;
        CountyName = (await counties.FindAsync(access.County, cancellationToken))?.Name ?? access.County;
        Clocks = await cases.ClocksAsync(c, cancellationToken);
        var last = new[] { c.FilingDue, c.DecisionDue ?? c.FilingDue, c.PublishDue ?? c.FilingDue, c.PaymentDue ?? c.FilingDue }.Max();
        FallbackYears = await workingDays.YearsWithoutScheduleAsync(c.DiscoveredOn, last, cancellationToken);
        LateFee = await cases.LateFeeAsync(c, cancellationToken);
        PaymentDays = await settings.GetAsync(EnforcementModule.PaymentDays, cancellationToken);
        LateFeePercent = await settings.GetAsync(EnforcementModule.LateFeePercent, cancellationToken);
        Actions = permissions.Has(EnforcementModule.Manage)
            ? Enum.GetValues<CaseAction>().Where(a => CaseFlow.Next(c.State, a) is not null && MayTake(a)).ToList()
            : [];
        Review = await db.CaseReviews.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == id, cancellationToken);
        MayReview = Review is null && c.State == CaseState.Closed && access.IsCountyManager && permissions.Has(EnforcementModule.LegalReview);
        if (Actions.Count > 0)
        {
            Officers = await db.Officers.AsNoTracking().Where(o => o.TownshipId == c.TownshipId).OrderBy(o => o.Name).ToListAsync(cancellationToken);
        }

        return null;
    }

    internal sealed class ReviewInputModel
    {
        public DateOnly? Date { get; set; }

        public string? Reviewers { get; set; }

        public int? Score { get; set; }

        public string? Notes { get; set; }
    }

    internal sealed class StepInputModel
    {
        public CaseAction? Action { get; set; }

        public int? OfficerId { get; set; }

        public string? Approver { get; set; }

        public string? Text { get; set; }

        public long? Fine { get; set; }

        public bool Warning { get; set; }

        public bool Complex { get; set; }

        public bool Waived { get; set; }

        public int? ExtendDays { get; set; }

        public string? Receipt { get; set; }

        /// <summary>The case version the form was shown (a step on a stale page is refused).</summary>
        public int? Version { get; set; }
    }
}
