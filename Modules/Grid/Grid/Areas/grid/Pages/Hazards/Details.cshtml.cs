using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Files;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Contracts;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Hazards;

/// <summary>
/// One hazard and every step of its rectification. The township assigns it to a department that has the
/// module on (a 重大隐患 only with a 治理方案), reassigns it when that department switched the module off,
/// rejects it, decides extensions, re-inspects and closes it; the department returns it before starting,
/// rectifies, asks for an extension before the deadline and reports in when whistled; the county supervises.
/// Each step is checked against <see cref="HazardWorkflow"/>; a refused step changes nothing.
/// </summary>
internal sealed class DetailsModel(GridDbContext db, GridAccess access, HazardSteps steps, ICountyUnits units, ICountySettings settings) : PageModel
{
    public const int MaxFixPhotos = 6;

    public Hazard Hazard { get; private set; } = null!;

    public IReadOnlyList<HazardHistory> History { get; private set; } = [];

    public IReadOnlyList<ExtensionRequest> Extensions { get; private set; } = [];

    /// <summary>The departments that have the grid module on: the only ones a hazard is assigned to.</summary>
    public IReadOnlyList<UnitInfo> Departments { get; private set; } = [];

    /// <summary>The responsible department switched the module off: the township reassigns the hazard.</summary>
    public bool NeedsReassigning { get; private set; }

    public bool ActsForTownship { get; private set; }

    public bool ActsForDepartment { get; private set; }

    public bool IsCountyManager { get; private set; }

    /// <summary>May fix it on the spot: the township, or the grid member who reported it.</summary>
    public bool MayFix { get; private set; }

    /// <summary>The villages of the hazard's township (交村整改).</summary>
    public IReadOnlyList<UnitInfo> Villages { get; private set; } = [];

    [BindProperty]
    public StepInput Input { get; set; } = new();

    /// <summary>整改照片 of an on-the-spot fix.</summary>
    [BindProperty]
    public List<IFormFile> FixPhotos { get; set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>交办: to a department that has the module on, with a deadline in the future; a 重大隐患 needs its plan first.</summary>
    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Township, async hazard =>
        Done(await steps.AssignAsync(hazard, Input.DepartmentId, ToUtc(Input.Deadline), cancellationToken), () => $"已交办{hazard.DepartmentName}"));

    /// <summary>重新交办: the department switched the module off; another one takes the hazard with a new deadline.</summary>
    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostReassignAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Township, async hazard =>
        Done(await steps.ReassignAsync(hazard, Input.DepartmentId, ToUtc(Input.Deadline), cancellationToken), () => $"已重新交办{hazard.DepartmentName}"));

    /// <summary>确认等级: the township (or the county) confirms or changes the reporter's level before assigning.</summary>
    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostConfirmLevelAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.TownshipOrCounty, async hazard =>
        Done(await steps.ConfirmLevelAsync(hazard, Input.Level, cancellationToken), () => $"已确认为{Names.Level(hazard.Level)}"));

    /// <summary>现场整改: the reporting grid member or the township, with optional photos; the township may close its own fix at once.</summary>
    [RequirePermission(GridModule.Report)]
    public Task<IActionResult> OnPostFixAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Fixer, async hazard =>
    {
        var photos = await CheckPhotosAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return null;
        }

        var byTownship = access.ActsForTownship(hazard.TownshipId);
        var closeNow = byTownship && Input.CloseNow;
        return Done(await steps.FixOnTheSpotAsync(hazard, Input.FixNote, byTownship, closeNow, photos, cancellationToken),
            () => closeNow ? "已现场整改并销号" : "已现场整改，待乡镇复查");
    });

    /// <summary>交村/交业主整改 of a 一般隐患, with the responsible party and a deadline.</summary>
    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostHandOverAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Township, async hazard =>
        Done(await steps.HandOverAsync(hazard, Input.HandTo, Input.VillageId, Input.OwnerName, Input.OwnerMobile, ToUtc(Input.HandDeadline), cancellationToken),
            () => $"已交{hazard.ResponsibleName}整改"));

    /// <summary>村/业主整改完成: the township records it; the hazard awaits the township's re-inspection.</summary>
    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostCompletedAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Township, hazard =>
        Task.FromResult(Done(steps.RecordCompletion(hazard, Input.Note), () => "已登记整改完成，待复查")));

    /// <summary>乡镇吹哨 by hand, with the reason: the department must report in.</summary>
    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostWhistleAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Township, async hazard =>
        Done(await steps.WhistleByHandAsync(hazard, Input.WhistleReason, cancellationToken), () => $"已吹哨，通知{hazard.DepartmentName}报到"));

    /// <summary>退回: the department gives back a hazard it has not started, with its reason; the township assigns it again.</summary>
    [RequirePermission(GridModule.Rectify)]
    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Department, async hazard =>
        Done(await steps.ReturnAsync(hazard, Input.Note, cancellationToken), () => "已退回乡镇，由乡镇重新交办"));

    /// <summary>治理方案 of a 重大隐患 (targets, measures, funds, responsible person, deadline, safety measures).</summary>
    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostPlanAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Township, hazard =>
    {
        if (hazard.Level != HazardLevel.Major)
        {
            ModelState.AddModelError("", "只有重大隐患需要制定治理方案");
            return Task.FromResult<string?>(null);
        }

        if (!HazardWorkflow.IsOpen(hazard.State))
        {
            ModelState.AddModelError("", "该隐患已办结，不能修改治理方案");
            return Task.FromResult<string?>(null);
        }

        Required(Input.Targets, "Input.Targets", "请填写治理目标和任务");
        Required(Input.Measures, "Input.Measures", "请填写治理方法和措施");
        Required(Input.ResponsiblePerson, "Input.ResponsiblePerson", "请填写负责人");
        Required(Input.SafetyMeasures, "Input.SafetyMeasures", "请填写安全措施和应急预案");
        if (Input.Funds is null or < 0)
        {
            ModelState.AddModelError("Input.Funds", "请填写经费（万元，不小于 0）");
        }

        var deadline = FutureDeadline(Input.PlanDeadline, "Input.PlanDeadline", "治理时限");
        if (!ModelState.IsValid)
        {
            return Task.FromResult<string?>(null);
        }

        var plan = hazard.Plan ?? new HazardPlan { HazardId = hazard.Id };
        plan.Targets = Input.Targets!.Trim();
        plan.Measures = Input.Measures!.Trim();
        plan.Funds = Input.Funds!.Value;
        plan.ResponsiblePerson = Input.ResponsiblePerson!.Trim();
        plan.SafetyMeasures = Input.SafetyMeasures!.Trim();
        plan.DeadlineUtc = deadline!.Value;
        plan.CreatedBy = access.UserName;
        plan.CreatedAtUtc = steps.Now;
        if (hazard.Plan is null)
        {
            db.HazardPlans.Add(plan);
        }

        steps.Record(hazard, "治理方案", hazard.State, hazard.State, $"负责人 {plan.ResponsiblePerson}，经费 {plan.Funds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} 万元，时限 {ChinaTime.Format(plan.DeadlineUtc)}");
        return Task.FromResult<string?>("已保存治理方案");
    });

    /// <summary>挂牌督办 (县/市/省) of an open 重大隐患, by the county.</summary>
    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostSuperviseAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.County, hazard =>
    {
        if (hazard.Level != HazardLevel.Major || !HazardWorkflow.IsOpen(hazard.State))
        {
            ModelState.AddModelError("Input.Supervision", "只有未销号的重大隐患可以挂牌督办");
            return Task.FromResult<string?>(null);
        }

        if (Input.Supervision is not { } level || !Enum.IsDefined(level))
        {
            ModelState.AddModelError("Input.Supervision", "请选择督办级别");
            return Task.FromResult<string?>(null);
        }

        hazard.Supervision = level;
        steps.Record(hazard, "挂牌督办", hazard.State, hazard.State, SupervisionName(level));
        return Task.FromResult<string?>(level == SupervisionLevel.None ? "已取消挂牌督办" : $"已{SupervisionName(level)}");
    });

    /// <summary>延期申请: by the department, before the deadline, to a later deadline.</summary>
    [RequirePermission(GridModule.Rectify)]
    public Task<IActionResult> OnPostExtendAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Department, async hazard =>
        Done(await steps.RequestExtensionAsync(hazard, ToUtc(Input.ExtensionDeadline), Input.Note, cancellationToken), () => "已提交延期申请，等待乡镇审批"));

    /// <summary>The township approves or refuses a pending extension.</summary>
    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostDecideExtensionAsync(int id, int extensionId, bool approve, CancellationToken cancellationToken) => StepAsync(id, Actor.Township, async hazard =>
    {
        var request = await db.Extensions.SingleOrDefaultAsync(e => e.Id == extensionId && e.HazardId == hazard.Id, cancellationToken);
        return Done(steps.DecideExtension(hazard, request, approve, Input.Note),
            () => approve ? $"已同意延期至 {ChinaTime.Format(request!.RequestedDeadlineUtc)}" : "已不同意延期");
    });

    public Task<IActionResult> OnPostStartAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Department, hazard =>
        Task.FromResult(Move(hazard, HazardAction.StartRectifying, null, "已开始整改")));

    [RequirePermission(GridModule.Rectify)]
    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Department, hazard =>
    {
        if (HazardWorkflow.Allows(hazard.State, HazardAction.SubmitRectified))
        {
            Required(Input.Note, "Input.Note", "请填写整改情况");
            if (!ModelState.IsValid)
            {
                return Task.FromResult<string?>(null);
            }

            hazard.RectificationNote = Input.Note!.Trim();
        }

        return Task.FromResult(Move(hazard, HazardAction.SubmitRectified, Input.Note?.Trim(), "已申请复查"));
    });

    /// <summary>复查: pass closes the hazard (销号), fail sends it back to rectifying with the reason.</summary>
    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostReinspectAsync(int id, bool pass, CancellationToken cancellationToken) => StepAsync(id, Actor.Township, hazard =>
    {
        var action = pass ? HazardAction.ReinspectPass : HazardAction.ReinspectFail;
        if (!pass && HazardWorkflow.Allows(hazard.State, action))
        {
            Required(Input.Note, "Input.Note", "请填写复查不合格的原因");
            if (!ModelState.IsValid)
            {
                return Task.FromResult<string?>(null);
            }
        }

        return Task.FromResult(Move(hazard, action, Input.Note?.Trim(), pass ? "复查合格，已销号" : "复查不合格，已退回整改"));
    });

    [RequirePermission(GridModule.Manage)]
    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Township, hazard =>
    {
        if (HazardWorkflow.Allows(hazard.State, HazardAction.Reject))
        {
            Required(Input.Note, "Input.Note", "请填写不予认定的理由");
            if (!ModelState.IsValid)
            {
                return Task.FromResult<string?>(null);
            }

            hazard.RejectReason = Input.Note!.Trim();
        }

        return Task.FromResult(Move(hazard, HazardAction.Reject, Input.Note?.Trim(), "已不予认定"));
    });

    /// <summary>部门报到: the whistled department answers with its response; the hazard leaves the 报到 list.</summary>
    [RequirePermission(GridModule.Rectify)]
    public Task<IActionResult> OnPostReportInAsync(int id, CancellationToken cancellationToken) => StepAsync(id, Actor.Department, hazard =>
        Task.FromResult(Done(steps.ReportIn(hazard, Input.Note), () => "已报到")));

    private enum Actor
    {
        Township,
        Department,
        County,
        TownshipOrCounty,
        Fixer,
    }

    /// <summary>Loads the hazard (404 when unseen), checks who acts, runs the step and commits it with its history.</summary>
    private async Task<IActionResult> StepAsync(int id, Actor actor, Func<Hazard, Task<string?>> step)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var hazard = await db.Hazards.Include(h => h.Plan).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (hazard is null || !access.MaySee(hazard))
        {
            return NotFound();
        }

        var allowed = actor switch
        {
            Actor.Township => access.ActsForTownship(hazard.TownshipId),
            Actor.Department => access.ActsForDepartment(hazard.DepartmentId),
            Actor.TownshipOrCounty => access.ActsForTownship(hazard.TownshipId) || access.IsCountyManager,
            Actor.Fixer => MayFixHazard(hazard),
            _ => access.IsCountyManager,
        };
        if (!allowed)
        {
            return Forbid();
        }

        var notice = await step(hazard);
        if (notice is null || !ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = notice;
        // A hazard the department returned is no longer its to see: it goes back to the ledger.
        return access.MaySee(hazard) ? RedirectToPage(new { id }) : RedirectToPage("/Ledger/Index");
    }

    private bool MayFixHazard(Hazard hazard) =>
        access.ActsForTownship(hazard.TownshipId) || (access.Reports && access.Scope.ActsForVillage(hazard.VillageId) && hazard.ReportedBy == access.UserName);

    /// <summary>The fix photos, checked by count, size and first bytes; errors beside the field.</summary>
    private async Task<IReadOnlyList<PhotoUpload>> CheckPhotosAsync(CancellationToken cancellationToken)
    {
        var photos = new List<PhotoUpload>();
        var files = FixPhotos.Where(p => p.Length > 0).ToList();
        if (files.Count > MaxFixPhotos)
        {
            ModelState.AddModelError(nameof(FixPhotos), $"最多上传 {MaxFixPhotos} 张照片");
            return photos;
        }

        var maxMegabytes = await settings.GetAsync(GridModule.PhotoMaxMegabytes, cancellationToken);
        foreach (var photo in files)
        {
            if (photo.Length > maxMegabytes * 1024L * 1024L)
            {
                ModelState.AddModelError(nameof(FixPhotos), $"照片“{photo.FileName}”超过 {maxMegabytes} MB，请压缩后再上传");
                continue;
            }

            if (await PhotoKind.DetectAsync(photo, cancellationToken) is not { } kind)
            {
                ModelState.AddModelError(nameof(FixPhotos), $"照片“{photo.FileName}”不是 JPEG、PNG 或 WebP 图片");
                continue;
            }

            photos.Add(new PhotoUpload(photo, kind.Extension, kind.ContentType));
        }

        return photos;
    }

    private string? Move(Hazard hazard, HazardAction action, string? note, string notice)
    {
        if (!steps.TryMove(hazard, action, note))
        {
            ModelState.AddModelError("", HazardWorkflow.Refusal(hazard.State, action));
            return null;
        }

        return notice;
    }

    /// <summary>The step's errors beside their fields; the notice when it was done.</summary>
    private string? Done(IReadOnlyList<StepError> errors, Func<string> notice)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        return errors.Count == 0 ? notice() : null;
    }

    private static DateTime? ToUtc(DateTime? chinaTime) => chinaTime is { } local ? ChinaTime.ToUtc(local) : null;

    private DateTime? FutureDeadline(DateTime? chinaTime, string key, string what)
    {
        var errors = new List<StepError>();
        var utc = ToUtc(chinaTime);
        var ok = steps.Future(utc, key, what, errors);
        Done(errors, () => "");
        return ok ? utc : null;
    }

    private void Required(string? value, string key, string message)
    {
        var errors = new List<StepError>();
        HazardSteps.Text(value, key, message, errors);
        Done(errors, () => "");
    }

    internal static string SupervisionName(SupervisionLevel level) => level switch
    {
        SupervisionLevel.County => "县级挂牌督办",
        SupervisionLevel.City => "市级挂牌督办",
        SupervisionLevel.Province => "省级挂牌督办",
        _ => "未挂牌",
    };

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var hazard = await db.Hazards.AsNoTracking().Include(h => h.Plan).Include(h => h.Photos).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (hazard is null || !access.MaySee(hazard))
        {
            return false;
        }

        Hazard = hazard;
        History = await db.HazardHistory.AsNoTracking().Where(h => h.HazardId == id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        Extensions = await db.Extensions.AsNoTracking().Where(e => e.HazardId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        Departments = await steps.DepartmentsThatActAsync(cancellationToken);
        NeedsReassigning = HazardSteps.NeedsReassigning(hazard, Departments);
        ActsForTownship = access.ActsForTownship(hazard.TownshipId);
        ActsForDepartment = access.ActsForDepartment(hazard.DepartmentId);
        IsCountyManager = access.IsCountyManager;
        MayFix = MayFixHazard(hazard);
        Villages = (await units.VillagesAsync(access.County, cancellationToken)).Where(v => v.ParentId == hazard.TownshipId).ToList();
        return true;
    }

    internal sealed class StepInput
    {
        public int? DepartmentId { get; set; }

        /// <summary>整改期限 in China time.</summary>
        public DateTime? Deadline { get; set; }

        public string? Targets { get; set; }

        public string? Measures { get; set; }

        public decimal? Funds { get; set; }

        public string? ResponsiblePerson { get; set; }

        public DateTime? PlanDeadline { get; set; }

        public string? SafetyMeasures { get; set; }

        public SupervisionLevel? Supervision { get; set; }

        public DateTime? ExtensionDeadline { get; set; }

        /// <summary>Reason, response or note of the step.</summary>
        public string? Note { get; set; }

        /// <summary>确认等级.</summary>
        public HazardLevel? Level { get; set; }

        /// <summary>现场整改: what was done.</summary>
        public string? FixNote { get; set; }

        /// <summary>现场整改 by the township: close at once (it is the re-inspector).</summary>
        public bool CloseNow { get; set; }

        /// <summary>交村 or 交业主整改.</summary>
        public HazardRectifier? HandTo { get; set; }

        public int? VillageId { get; set; }

        public string? OwnerName { get; set; }

        public string? OwnerMobile { get; set; }

        /// <summary>交村/业主整改期限 in China time.</summary>
        public DateTime? HandDeadline { get; set; }

        public string? WhistleReason { get; set; }
    }
}
