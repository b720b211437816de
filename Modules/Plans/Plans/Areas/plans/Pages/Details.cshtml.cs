using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Files;
using Emergency.BuildingBlocks.Settings;
using Emergency.Plans.Data;
using Emergency.Plans.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Plans.Areas.plans.Pages;

/// <summary>
/// A plan: its registry entry and higher plan, its versions (the one in force marked, every one downloadable), and
/// for its owner uploading a revision, issuing the newest version and submitting it for filing; for the filing's
/// receiver 登记 or 补正. Outside the user's view 404; a write by someone else 403.
/// </summary>
internal sealed class DetailsModel(PlansDbContext db, PlansAccess access, Versions versions, Domain.Filings filings, Reviews reviews, Triggers triggers, Evaluations evaluations, Drills drills, IModuleFiles files, ICountySettings settings, IStringLocalizer<PlansText> text) : PageModel
{
    public Plan Plan { get; private set; } = null!;

    public Plan? Higher { get; private set; }

    public IReadOnlyList<Plan> Lower { get; private set; } = [];

    public IReadOnlyList<Filing> PlanFilings { get; private set; } = [];

    public Filing? CurrentFiling => PlanFilings.FirstOrDefault(f => f.VersionId == Plan.CurrentVersionId);

    public bool Owns { get; private set; }

    public bool Submits { get; private set; }

    public bool Receives => CurrentFiling is { } f && access.Receives(f);

    public int MaxMegabytes { get; private set; }

    public PlanVersion? Unissued => Plan.Versions.OrderByDescending(v => v.Number).FirstOrDefault() is { IssuedOn: null } v ? v : null;

    public IReadOnlyList<PlanReview> PlanReviews { get; private set; } = [];

    public IReadOnlyList<ReviewExpert> Experts { get; private set; } = [];

    public IReadOnlyList<RevisionTrigger> PlanTriggers { get; private set; } = [];

    public IReadOnlyList<PlanEvaluation> PlanEvaluations { get; private set; } = [];

    public DateOnly? EvaluationDue { get; private set; }

    /// <summary>When the next drill is due (the cadence of the plan's type), null when no version is in force.</summary>
    public DateOnly? DrillDue { get; private set; }

    public IReadOnlyList<PlanDrill> PlanDrills { get; private set; } = [];

    [BindProperty]
    public DrillForm Drill { get; set; } = new();

    [BindProperty]
    public IFormFile? DrillFile { get; set; }

    /// <summary>The open review of the unissued version, if any.</summary>
    public PlanReview? OpenReview => Unissued is { } u ? PlanReviews.FirstOrDefault(r => r.VersionId == u.Id && r.Conclusion == ReviewConclusion.Pending) : null;

    public bool UnissuedNeedsReview => Unissued is { } u && Reviews.NeedsReview(Plan, u) && !PlanReviews.Any(r => r.VersionId == u.Id && r.Conclusion == ReviewConclusion.Passed);

    [BindProperty]
    public VersionInput Version { get; set; } = new();

    [BindProperty]
    public ReviewForm Review { get; set; } = new();

    [BindProperty]
    public OpinionForm Opinion { get; set; } = new();

    [BindProperty]
    public ReviewConclusion? Conclusion { get; set; }

    [BindProperty]
    public TriggerForm Trigger { get; set; } = new();

    [BindProperty]
    public DismissForm Dismiss { get; set; } = new();

    [BindProperty]
    public EvaluationForm Evaluation { get; set; } = new();

    [BindProperty]
    public IFormFile? EvaluationFile { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public IssueForm Issue { get; set; } = new();

    [BindProperty]
    public CorrectionInput Correction { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Owner, () => UploadAsync(cancellationToken), cancellationToken);

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostIssueAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Owner, async () =>
        {
            var result = await versions.IssueAsync(Plan, new IssueInput(Issue.VersionId, Issue.Signer, Issue.IssuedOn, Issue.DocumentNumber), cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已签发，该版本现行有效" : null;
            return result;
        }, cancellationToken);

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Submitter, async () =>
        {
            if (CurrentFiling is not { } filing)
            {
                return [new Problem("", "该预案没有待备案的版本")];
            }

            var result = await filings.SubmitAsync(Plan, filing, access.UserName, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已报送备案：" + filing.ReceiverName : null;
            return result;
        }, cancellationToken);

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostRegisterAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Receiver, async () =>
        {
            var result = await filings.RegisterAsync(Plan, CurrentFiling!, access.UserName, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已登记备案，备案编号 " + CurrentFiling!.FilingNumber : null;
            return result;
        }, cancellationToken);

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostCorrectAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Receiver, async () =>
        {
            var result = await filings.CorrectAsync(Plan, CurrentFiling!, Correction.Items, access.UserName, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已发出补正通知" : null;
            return result;
        }, cancellationToken);

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Owner, async () =>
        {
            var input = Review.ExpertIds.Select(e => new ReviewerInput(e, null, null))
                .Concat(Review.Names.Select((n, i) => new ReviewerInput(null, n, i < Review.Units.Count ? Review.Units[i] : null)))
                .ToList();
            var result = await reviews.ConveneAsync(Plan, Unissued, Review.HeldOn, input, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已组织评审，请录入评审意见" : null;
            return result;
        }, cancellationToken);

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostOpinionAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Owner, async () =>
        {
            if (OpenReview is not { } review)
            {
                return [new Problem("", "没有进行中的评审")];
            }

            var result = await reviews.OpinionAsync(review, Opinion.ReviewerId, Opinion.Text, Opinion.Verdict, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已录入评审意见" : null;
            return result;
        }, cancellationToken);

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostConcludeAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Owner, async () =>
        {
            if (OpenReview is not { } review)
            {
                return [new Problem("", "没有进行中的评审")];
            }

            var result = await reviews.ConcludeAsync(review, Conclusion ?? ReviewConclusion.Pending, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? (Conclusion == ReviewConclusion.Passed ? "评审结论：通过" : "评审结论：修改后重新评审") : null;
            return result;
        }, cancellationToken);

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostTriggerAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Owner, async () =>
        {
            var result = await triggers.RecordAsync(Plan, Trigger.Kind, Trigger.Note, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已登记修订情形" : null;
            return result;
        }, cancellationToken);

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostDismissAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Owner, async () =>
        {
            var result = await triggers.DismissAsync(Plan, Dismiss.TriggerId, Dismiss.Reason, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已复核，无需修订" : null;
            return result;
        }, cancellationToken);

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostEvaluateAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Owner, () => EvaluateAsync(cancellationToken), cancellationToken);

    [RequirePermission(PlansModule.Manage)]
    public Task<IActionResult> OnPostDrillAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, Role.Owner, () => RecordDrillAsync(cancellationToken), cancellationToken);

    /// <summary>A drill entered by hand: its 演练评估报告 is checked by content like a version's file.</summary>
    private async Task<IReadOnlyList<Problem>> RecordDrillAsync(CancellationToken cancellationToken)
    {
        SavedFile? saved = null;
        if (DrillFile is { Length: > 0 } upload)
        {
            if (upload.Length > MaxMegabytes * 1024L * 1024L)
            {
                return [new("DrillFile", $"演练评估报告文件超过 {MaxMegabytes} MB")];
            }

            if (await DocumentKind.DetectAsync(upload, cancellationToken) is not { } k)
            {
                return [new("DrillFile", "演练评估报告只能是 Word（.docx）或 PDF 文件")];
            }

            await using var stream = upload.OpenReadStream();
            saved = new SavedFile(await files.SaveAsync(access.County, PlansModule.ModuleName, stream, k.Extension, cancellationToken), k.ContentType, Path.GetFileName(upload.FileName), upload.Length);
        }

        try
        {
            var result = await drills.RecordAsync(Plan, Drill.On, saved, cancellationToken);
            if (result.Count > 0 && saved is not null)
            {
                files.Delete(access.County, PlansModule.ModuleName, saved.Name);
            }

            TempData["Notice"] = result.Count == 0 ? text["DrillRecorded"].Value : null;
            return result;
        }
        catch
        {
            if (saved is not null)
            {
                files.Delete(access.County, PlansModule.ModuleName, saved.Name);
            }

            throw;
        }
    }

    private async Task<IReadOnlyList<Problem>> EvaluateAsync(CancellationToken cancellationToken)
    {
        SavedFile? saved = null;
        if (EvaluationFile is { Length: > 0 } upload)
        {
            if (upload.Length > MaxMegabytes * 1024L * 1024L)
            {
                return [new("EvaluationFile", $"评估报告文件超过 {MaxMegabytes} MB")];
            }

            if (await DocumentKind.DetectAsync(upload, cancellationToken) is not { } k)
            {
                return [new("EvaluationFile", "评估报告文件只能是 Word（.docx）或 PDF 文件")];
            }

            await using var stream = upload.OpenReadStream();
            saved = new SavedFile(await files.SaveAsync(access.County, PlansModule.ModuleName, stream, k.Extension, cancellationToken), k.ContentType, Path.GetFileName(upload.FileName), upload.Length);
        }

        try
        {
            var result = await evaluations.RecordAsync(Plan, Evaluation.On, Evaluation.Report, saved, cancellationToken);
            if (result.Count > 0 && saved is not null)
            {
                files.Delete(access.County, PlansModule.ModuleName, saved.Name);
            }

            TempData["Notice"] = result.Count == 0 ? "已登记评估报告" : null;
            return result;
        }
        catch
        {
            if (saved is not null)
            {
                files.Delete(access.County, PlansModule.ModuleName, saved.Name);
            }

            throw;
        }
    }

    private async Task<IReadOnlyList<Problem>> UploadAsync(CancellationToken cancellationToken)
    {
        if (Plan.Status == PlanStatus.Abolished)
        {
            return [new("", "该预案已废止")];
        }

        if (Unissued is { } pending)
        {
            return [new("", $"第 {pending.Number} 版尚未签发，请先签发后再上传新版本")];
        }

        var problems = Versions.CheckText(Version.Summary, Version.Reason);
        problems.AddRange(Versions.CheckAuthor(Version.Author));
        (string Extension, string ContentType)? kind = null;
        if (Upload is not { Length: > 0 } upload)
        {
            problems.Add(new("Upload", "请选择预案文件（.docx 或 .pdf）"));
        }
        else if (upload.Length > MaxMegabytes * 1024L * 1024L)
        {
            problems.Add(new("Upload", $"预案文件超过 {MaxMegabytes} MB"));
        }
        else if ((kind = await DocumentKind.DetectAsync(upload, cancellationToken)) is null)
        {
            problems.Add(new("Upload", "预案文件只能是 Word（.docx）或 PDF 文件"));
        }

        if (problems.Count > 0 || kind is not { } k || Upload is null)
        {
            return problems;
        }

        string name;
        await using (var stream = Upload.OpenReadStream())
        {
            name = await files.SaveAsync(access.County, PlansModule.ModuleName, stream, k.Extension, cancellationToken);
        }

        try
        {
            var version = await versions.AddAsync(Plan, new SavedFile(name, k.ContentType, Path.GetFileName(Upload.FileName), Upload.Length), Version.Summary!, Version.Reason!, cancellationToken, Version.Author, Version.Major);
            TempData["Notice"] = $"已上传第 {version.Number} 版";
        }
        catch
        {
            files.Delete(access.County, PlansModule.ModuleName, name);
            throw;
        }

        return [];
    }

    private enum Role
    {
        Owner,
        Submitter,
        Receiver,
    }

    private async Task<IActionResult> ActAsync(int id, Role role, Func<Task<IReadOnlyList<Problem>>> act, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!(role switch { Role.Owner => Owns, Role.Submitter => Submits, _ => Receives }))
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
        var visible = access.Visible(db.Plans);
        if (await Versions.FindAsync(visible, id, cancellationToken) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Plan.Versions.Sort((a, b) => b.Number.CompareTo(a.Number));
        Higher = plan.HigherPlanId is { } h ? await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == h, cancellationToken) : null;
        Lower = await visible.AsNoTracking().Where(p => p.HigherPlanId == id).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        PlanFilings = await db.Filings.Where(f => f.PlanId == id).OrderByDescending(f => f.Id).ToListAsync(cancellationToken);
        Owns = access.Owns(plan);
        Submits = access.Submits(plan);
        MaxMegabytes = await settings.GetAsync(PlansModule.FileMaxMegabytes, cancellationToken);
        PlanReviews = await db.Reviews.Include(r => r.Reviewers).Where(r => r.PlanId == id).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        PlanTriggers = await db.Triggers.AsNoTracking().Where(t => t.PlanId == id).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
        PlanEvaluations = await db.Evaluations.AsNoTracking().Where(e => e.PlanId == id).OrderByDescending(e => e.EvaluatedOn).ToListAsync(cancellationToken);
        Experts = Owns ? await db.ReviewExperts.AsNoTracking().Where(e => e.Active).OrderBy(e => e.Name).ToListAsync(cancellationToken) : [];
        var issuedOn = plan.Versions.FirstOrDefault(v => v.Id == plan.CurrentVersionId)?.IssuedOn;
        EvaluationDue = Evaluations.DueOn(plan, issuedOn, await settings.GetAsync(PlansModule.EvaluationYears, cancellationToken));
        var cadence = await DrillCadence.ReadAsync(settings, access.County, cancellationToken);
        DrillDue = plan.Status == PlanStatus.InForce ? Drills.DueOn(plan.LastDrillOn, issuedOn, cadence.MonthsFor(plan.Type)) : null;
        PlanDrills = await db.Drills.AsNoTracking().Where(d => d.PlanId == id).OrderByDescending(d => d.DrilledOn).ToListAsync(cancellationToken);
        return true;
    }

    internal sealed class VersionInput
    {
        public string? Summary { get; set; }

        public string? Reason { get; set; }

        /// <summary>编制人 (names separated by "、").</summary>
        public string? Author { get; set; }

        /// <summary>重大修订: review and filing are repeated.</summary>
        public bool Major { get; set; }
    }

    internal sealed class ReviewForm
    {
        public DateOnly? HeldOn { get; set; }

        /// <summary>Rows of the experts copy picked as reviewers.</summary>
        public List<int> ExpertIds { get; set; } = [];

        /// <summary>Reviewers entered by hand: names and units, index by index.</summary>
        public List<string?> Names { get; set; } = [];

        public List<string?> Units { get; set; } = [];

        /// <summary>Only the key the reviewer problems stand beside.</summary>
        public string? Reviewers { get; set; }
    }

    internal sealed class OpinionForm
    {
        public int ReviewerId { get; set; }

        public string? Text { get; set; }

        public ReviewVerdict? Verdict { get; set; }
    }

    internal sealed class TriggerForm
    {
        public TriggerKind? Kind { get; set; }

        public string? Note { get; set; }
    }

    internal sealed class DismissForm
    {
        public int TriggerId { get; set; }

        public string? Reason { get; set; }
    }

    internal sealed class EvaluationForm
    {
        public DateOnly? On { get; set; }

        public string? Report { get; set; }
    }

    internal sealed class DrillForm
    {
        public DateOnly? On { get; set; }
    }

    internal sealed class IssueForm
    {
        public int? VersionId { get; set; }

        public string? Signer { get; set; }

        public DateOnly? IssuedOn { get; set; }

        public string? DocumentNumber { get; set; }
    }

    internal sealed class CorrectionInput
    {
        /// <summary>Everything to correct, one item a line.</summary>
        public string? Items { get; set; }
    }
}
