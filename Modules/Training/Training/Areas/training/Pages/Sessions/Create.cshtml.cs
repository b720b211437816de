using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Training.Areas.training.Pages.Sessions;

/// <summary>
/// 安排培训: the county for townships, a township for its villages. A session in the past is refused beside the
/// start; the days it counts are entered or computed from the hours (hours / 8, to the nearest half day).
/// </summary>
[RequirePermission(TrainingModule.Manage)]
internal sealed class CreateModel(TrainingAccess access, Domain.Sessions sessions, ICountyUnits units, TimeProvider clock) : PageModel
{
    public Organiser? Organiser { get; private set; }

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organiser = await access.OrganiserAsync(units, cancellationToken);
        if (Organiser is null)
        {
            return Forbid();
        }

        var start = ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime).Date.AddDays(7).AddHours(9);
        Input.StartsAt = start;
        Input.EndsAt = start.AddHours(8);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Organiser = await access.OrganiserAsync(units, cancellationToken);
        if (Organiser is null)
        {
            return Forbid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var problems = Domain.Sessions.CheckSchedule(Input.StartsAt, Input.EndsAt, now, "Input.");
        problems.AddRange(Domain.Sessions.CheckLength(Input.Hours, Input.Days, "Input."));
        var chosen = Organiser.TargetOptions.Where(u => Input.TargetIds.Contains(u.Id)).ToList();
        if (Input.TargetIds.Count == 0)
        {
            problems.Add(new("Input.TargetIds", "请至少选择一个培训对象单位"));
        }
        else if (chosen.Count != Input.TargetIds.Distinct().Count())
        {
            problems.Add(new("Input.TargetIds", "只能选择本单位负责培训的单位"));
        }

        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var session = await sessions.ScheduleAsync(
            new TrainingSession
            {
                Kind = Input.Kind,
                Title = Input.Title!.Trim(),
                Content = Input.Content!.Trim(),
                StartsAtUtc = ChinaTime.ToUtc(Input.StartsAt!.Value),
                EndsAtUtc = ChinaTime.ToUtc(Input.EndsAt!.Value),
                Place = Input.Place!.Trim(),
                Trainer = Input.Trainer!.Trim(),
                Hours = Input.Hours!.Value,
                Days = Domain.Sessions.DaysFor(Input.Hours!.Value, Input.Days),
                TownshipId = Organiser.TownshipId,
                DepartmentId = Organiser.DepartmentId,
                OrganiserName = Organiser.Name,
                CreatedBy = access.UserName,
                Targets = Domain.Sessions.Targets(chosen),
            },
            cancellationToken);
        TempData["Notice"] = $"已安排培训：{session.Title}（计 {TrainingNotices.Days(session.Days)} 天）";
        return RedirectToPage("Details", new { id = session.Id });
    }

    internal sealed class SessionInput
    {
        [EnumDataType(typeof(SessionKind), ErrorMessage = "请选择培训方式")]
        public SessionKind Kind { get; set; } = SessionKind.Lecture;

        [Required(ErrorMessage = "请填写培训主题")]
        [StringLength(200, ErrorMessage = "培训主题不能超过 200 个字")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "请填写培训内容")]
        [StringLength(2000, ErrorMessage = "培训内容不能超过 2000 个字")]
        public string? Content { get; set; }

        [Required(ErrorMessage = "请填写开始时间")]
        public DateTime? StartsAt { get; set; }

        [Required(ErrorMessage = "请填写结束时间")]
        public DateTime? EndsAt { get; set; }

        [Required(ErrorMessage = "请填写培训地点")]
        [StringLength(200, ErrorMessage = "培训地点不能超过 200 个字")]
        public string? Place { get; set; }

        [Required(ErrorMessage = "请填写授课人")]
        [StringLength(100, ErrorMessage = "授课人不能超过 100 个字")]
        public string? Trainer { get; set; }

        [Required(ErrorMessage = "请填写学时")]
        public double? Hours { get; set; }

        /// <summary>Empty: computed from the hours.</summary>
        public double? Days { get; set; }

        public List<int> TargetIds { get; set; } = [];
    }
}
