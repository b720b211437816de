using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Contracts;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Training.Areas.training.Pages.Drills;

/// <summary>
/// 计划演练: the county (for townships, villages and departments) or a township (itself and its villages). The plan's
/// name is entered by hand until the Plans module exists; a drill in the past is refused beside its time.
/// </summary>
[RequirePermission(TrainingModule.Manage)]
internal sealed class CreateModel(TrainingAccess access, Domain.Drills drills, ICountyUnits units, TimeProvider clock) : PageModel
{
    public Organiser? Organiser { get; private set; }

    [BindProperty]
    public DrillInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organiser = await access.DrillOrganiserAsync(units, cancellationToken);
        if (Organiser is null)
        {
            return Forbid();
        }

        var start = ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime).Date.AddDays(14).AddHours(9);
        Input.StartsAt = start;
        Input.EndsAt = start.AddHours(3);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Organiser = await access.DrillOrganiserAsync(units, cancellationToken);
        if (Organiser is null)
        {
            return Forbid();
        }

        var problems = Domain.Drills.CheckSchedule(Input.StartsAt, Input.EndsAt, clock.GetUtcNow().UtcDateTime, "Input.");
        var chosen = Organiser.TargetOptions.Where(u => Input.UnitKeys.Contains(u.Key)).ToList();
        if (Input.UnitKeys.Count == 0)
        {
            problems.Add(new("Input.UnitKeys", "请至少选择一个参演单位"));
        }
        else if (chosen.Count != Input.UnitKeys.Distinct().Count())
        {
            problems.Add(new("Input.UnitKeys", "只能选择本单位组织演练可选的单位"));
        }

        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var drill = await drills.PlanAsync(
            new Drill
            {
                PlanName = Input.PlanName!.Trim(),
                Kind = Input.Kind,
                Scenario = Input.Scenario!.Trim(),
                StartsAtUtc = ChinaTime.ToUtc(Input.StartsAt!.Value),
                EndsAtUtc = ChinaTime.ToUtc(Input.EndsAt!.Value),
                Place = Input.Place!.Trim(),
                TownshipId = Organiser.TownshipId,
                DepartmentId = Organiser.DepartmentId,
                OrganiserName = Organiser.Name,
                Teams = string.Join("\n", Domain.Drills.Lines(Input.Teams)),
                Observers = Input.Observers?.Trim() ?? "",
                CreatedBy = access.UserName,
                Units = Domain.Drills.Units(chosen),
            },
            cancellationToken);
        TempData["Notice"] = $"已计划演练：{drill.PlanName}";
        return RedirectToPage("Details", new { id = drill.Id });
    }

    internal sealed class DrillInput
    {
        [Required(ErrorMessage = "请填写演练所依据的预案名称")]
        [StringLength(200, ErrorMessage = "预案名称不能超过 200 个字")]
        public string? PlanName { get; set; }

        [EnumDataType(typeof(DrillKind), ErrorMessage = "请选择演练形式")]
        public DrillKind Kind { get; set; } = DrillKind.Tabletop;

        [Required(ErrorMessage = "请填写演练情景")]
        [StringLength(2000, ErrorMessage = "演练情景不能超过 2000 个字")]
        public string? Scenario { get; set; }

        [Required(ErrorMessage = "请填写开始时间")]
        public DateTime? StartsAt { get; set; }

        [Required(ErrorMessage = "请填写结束时间")]
        public DateTime? EndsAt { get; set; }

        [Required(ErrorMessage = "请填写演练地点")]
        [StringLength(200, ErrorMessage = "演练地点不能超过 200 个字")]
        public string? Place { get; set; }

        [StringLength(1000, ErrorMessage = "参演队伍不能超过 1000 个字")]
        public string? Teams { get; set; }

        [StringLength(500, ErrorMessage = "观摩人员不能超过 500 个字")]
        public string? Observers { get; set; }

        public List<string> UnitKeys { get; set; } = [];
    }
}
