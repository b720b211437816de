using Emergency.BuildingBlocks.Access;
using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Dispatches;

/// <summary>
/// 调用通知: the competent department (or a county manager) sends experts of the needed field a dispatch
/// notice. The page suggests active experts in term, not unavailable on the start date, fewest recent
/// participations first. Each expert gets an email with a signed link to accept or decline.
/// </summary>
[RequirePermission(ExpertsModule.Dispatch)]
internal sealed class CreateModel(ExpertsDbContext db, ExpertsAccess access, ICountyUnits units, ICountyContext county, Dispatching dispatching, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Field> Fields { get; private set; } = [];

    public IReadOnlyList<Candidate> Suggestions { get; private set; } = [];

    [BindProperty]
    public DispatchInput Input { get; set; } = new();

    /// <summary>执法+专家: the assistance request this dispatch answers, when opened from 我的待办.</summary>
    public AssistanceRequest? Assistance { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? fieldId, DateTime? start, int? request, CancellationToken cancellationToken)
    {
        if (await access.OrganiserAsync(units, county.Required, cancellationToken) is null)
        {
            return Forbid();
        }

        Input.FieldId = fieldId;
        Input.StartsAt = start;
        if (request is { } requestId)
        {
            if (!access.IsCountyManager || await db.AssistanceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken) is not { } asked)
            {
                return NotFound();
            }

            if (asked.DispatchId is { } done)
            {
                return RedirectToPage("Details", new { id = done });
            }

            Input.RequestId = asked.Id;
            Input.Title = $"执法检查专家协助：{asked.TargetName}（{asked.UnitName}）";
            Input.Location = asked.Location;
            Input.Description = $"{asked.UnitName}请求 {asked.Fields} 领域专家 {asked.Count} 名协助现场检查。理由：{asked.Reason}";
            Input.FieldId ??= asked.FieldId;
            Input.StartsAt ??= ChinaTime.FromUtc(asked.StartsAtUtc);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await access.OrganiserAsync(units, county.Required, cancellationToken) is not { } organiser)
        {
            return Forbid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var startsAt = Input.StartsAt is { } s ? ChinaTime.ToUtc(s) : (DateTime?)null;
        var answerBy = Input.AnswerBy is { } a ? ChinaTime.ToUtc(a) : (DateTime?)null;
        if (answerBy is not null && answerBy <= now)
        {
            ModelState.AddModelError("Input.AnswerBy", "答复期限必须晚于当前时间");
        }

        var candidates = startsAt is null || Input.FieldId is null ? [] : await CandidatesAsync(Input.FieldId.Value, startsAt.Value, cancellationToken);
        var chosen = candidates.Where(c => Input.ExpertIds.Contains(c.Id)).Select(c => c.Id).ToList();
        if (Input.ExpertIds.Count == 0)
        {
            ModelState.AddModelError("Input.ExpertIds", "请至少选择一名专家");
        }
        else if (chosen.Count != Input.ExpertIds.Distinct().Count())
        {
            ModelState.AddModelError("Input.ExpertIds", "所选专家不在可调用名单中（须在库、聘期内、该领域、开始日期可出勤）");
        }

        AssistanceRequest? assistance = null;
        if (Input.RequestId is { } requestId)
        {
            assistance = access.IsCountyManager ? await db.AssistanceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken) : null;
            if (assistance is null)
            {
                return NotFound();
            }

            if (assistance.DispatchId is not null)
            {
                ModelState.AddModelError("", "该专家协助请求已发出调用通知，不能重复调用");
            }
            else if (Input.Classified)
            {
                ModelState.AddModelError("Input.Classified", "执法检查专家协助不能设为涉密");
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var experts = await db.Experts.Where(e => chosen.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var dispatch = new Dispatch
        {
            Title = Input.Title!.Trim(),
            Description = Input.Description?.Trim() ?? "",
            Location = Input.Location!.Trim(),
            FieldId = Input.FieldId,
            StartsAtUtc = startsAt!.Value,
            AnswerByUtc = answerBy!.Value,
            DepartmentId = organiser.Id,
            DepartmentName = organiser.Name,
            Classified = Input.Classified,
            CreatedBy = access.UserName,
            CreatedAtUtc = now,
            AssistanceRequestId = assistance?.Id,
        };
        if (!await dispatching.SendAsync(dispatch, experts, assistance?.Id, cancellationToken))
        {
            ModelState.AddModelError("", "该专家协助请求已发出调用通知，不能重复调用");
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Notice"] = $"已发出调用通知，通知专家 {experts.Count} 名";
        return RedirectToPage("Details", new { id = dispatch.Id });
    }

    /// <summary>Active experts of the field, in term and available on the start date, fewest participations in the last year first.</summary>
    private async Task<List<Candidate>> CandidatesAsync(int fieldId, DateTime startsAtUtc, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(ChinaTime.FromUtc(startsAtUtc));
        var today = DateOnly.FromDateTime(ChinaTime.Now(clock));
        var since = clock.GetUtcNow().UtcDateTime.AddYears(-1);
        var query = db.Experts.AsNoTracking()
            .Where(e => e.Status == ExpertStatus.Active && e.TermStart <= today && e.TermEnd >= today)
            .Where(e => e.Fields.Any(f => f.FieldId == fieldId))
            .Where(e => !db.Unavailabilities.Any(u => u.ExpertId == e.Id && u.From <= day && u.To >= day));
        if (!access.SeesWholeCounty)
        {
            var department = access.DepartmentId;
            query = query.Where(e => e.Level == ExpertTeamLevel.County || e.DepartmentId == department);
        }

        var rows = await query
            .Select(e => new { e.Id, e.Name, e.Employer, e.Title, e.Level, e.DepartmentName, Recent = db.Participations.Count(p => p.ExpertId == e.Id && p.AtUtc >= since) })
            .OrderBy(c => c.Recent).ThenBy(c => c.Name)
            .Take(100)
            .ToListAsync(cancellationToken);
        return rows.Select(c => new Candidate(c.Id, c.Name, c.Employer, c.Title, c.Level, c.DepartmentName, c.Recent)).ToList();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Fields = await db.Fields.AsNoTracking().Where(f => f.Active).OrderBy(f => f.Category).ThenBy(f => f.SortOrder).ToListAsync(cancellationToken);
        if (Input.RequestId is { } requestId)
        {
            Assistance = await db.AssistanceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        }

        if (Input.FieldId is { } field)
        {
            var start = Input.StartsAt is { } s ? ChinaTime.ToUtc(s) : clock.GetUtcNow().UtcDateTime;
            Suggestions = await CandidatesAsync(field, start, cancellationToken);
        }
    }

    internal sealed record Candidate(int Id, string Name, string Employer, string Title, ExpertTeamLevel Level, string? DepartmentName, int RecentParticipations);

    internal sealed class DispatchInput
    {
        [Required(ErrorMessage = "请填写调用事项（事件或任务）")]
        [StringLength(200, ErrorMessage = "调用事项不能超过 200 个字")]
        public string? Title { get; set; }

        [StringLength(4000, ErrorMessage = "说明不能超过 4000 个字")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "请填写地点")]
        [StringLength(200, ErrorMessage = "地点不能超过 200 个字")]
        public string? Location { get; set; }

        [Required(ErrorMessage = "请选择所需领域")]
        public int? FieldId { get; set; }

        [Required(ErrorMessage = "请填写开始时间")]
        public DateTime? StartsAt { get; set; }

        [Required(ErrorMessage = "请填写答复期限")]
        public DateTime? AnswerBy { get; set; }

        public bool Classified { get; set; }

        public List<int> ExpertIds { get; set; } = [];

        /// <summary>执法+专家: the assistance request answered by this dispatch.</summary>
        public int? RequestId { get; set; }
    }
}
