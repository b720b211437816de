using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Contracts;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Areas.training.Pages.Drills;

/// <summary>
/// 计划演练: the county (for townships, villages and departments) or a township (itself and its villages). The plan is
/// picked from the plans in force Plans issued (Training's <see cref="KnownPlan"/> copy: the county all, a township its
/// own and its villages'), and the drill keeps its id; a plan not listed is named by hand. A plan the organiser may not
/// pick, or neither a plan nor a name, is refused beside the field; a drill in the past beside its time.
/// </summary>
[RequirePermission(TrainingModule.Manage)]
internal sealed class CreateModel(TrainingDbContext db, TrainingAccess access, Domain.Drills drills, ICountyUnits units, TimeProvider clock) : PageModel
{
    public Organiser? Organiser { get; private set; }

    /// <summary>The issued plans the organiser may pick.</summary>
    public IReadOnlyList<KnownPlan> PlanOptions { get; private set; } = [];

    [BindProperty]
    public DrillInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organiser = await access.DrillOrganiserAsync(units, cancellationToken);
        if (Organiser is null)
        {
            return Forbid();
        }

        PlanOptions = await PlansAsync(Organiser, cancellationToken);
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

        PlanOptions = await PlansAsync(Organiser, cancellationToken);
        var problems = Domain.Drills.CheckSchedule(Input.StartsAt, Input.EndsAt, clock.GetUtcNow().UtcDateTime, "Input.");
        var plan = Input.PlanId is { } planId ? PlanOptions.FirstOrDefault(p => p.PlanId == planId) : null;
        if (Input.PlanId is not null && plan is null)
        {
            problems.Add(new("Input.PlanId", "只能选择本单位可见的现行有效预案"));
        }
        else if (plan is null && string.IsNullOrWhiteSpace(Input.PlanName))
        {
            problems.Add(new("Input.PlanName", "请填写演练所依据的预案名称（或从列表中选择预案）"));
        }
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
                PlanName = plan?.Title ?? Input.PlanName!.Trim(),
                PlanId = plan?.PlanId,
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

    private Task<List<KnownPlan>> PlansAsync(Organiser organiser, CancellationToken cancellationToken) =>
        KnownPlansBook.For(organiser, db.KnownPlans.AsNoTracking()).Take(500).ToListAsync(cancellationToken);

    internal sealed class DrillInput
    {
        /// <summary>The picked plan's id in Plans; null: named by hand in <see cref="PlanName"/>.</summary>
        public int? PlanId { get; set; }

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
