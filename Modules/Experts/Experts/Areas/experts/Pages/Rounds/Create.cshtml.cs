using Emergency.BuildingBlocks.Access;
using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Experts.Areas.experts.Pages.Rounds;

/// <summary>The county opens a recommendation round: deadlines in China time and the invited units.</summary>
[RequirePermission(ExpertsModule.Manage)]
internal sealed class CreateModel(ExpertsDbContext db, ExpertsAccess access, ICountyUnits units, ICountyContext county, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UnitInfo> Departments { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    [BindProperty]
    public RoundInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        Input.Units = Departments.Select(d => d.Key).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var deadline = Input.Deadline is { } d ? ChinaTime.ToUtc(d) : (DateTime?)null;
        var filing = Input.FilingDeadline is { } f ? ChinaTime.ToUtc(f) : (DateTime?)null;
        if (deadline is not null && deadline <= now)
        {
            ModelState.AddModelError("Input.Deadline", "推荐截止时间必须晚于当前时间");
        }

        if (deadline is not null && filing is not null && filing < deadline)
        {
            ModelState.AddModelError("Input.FilingDeadline", "备案截止时间不能早于推荐截止时间");
        }

        var all = Departments.Concat(Townships).ToList();
        var invited = all.Where(u => Input.Units.Contains(u.Key)).ToList();
        if (invited.Count == 0)
        {
            ModelState.AddModelError("Input.Units", "请至少选择一个推荐单位");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var round = new RecommendationRound
        {
            Title = Input.Title!.Trim(),
            Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim(),
            DeadlineUtc = deadline!.Value,
            FilingDeadlineUtc = filing!.Value,
            Status = RoundStatus.Open,
            CreatedAtUtc = now,
            CreatedBy = access.UserName,
            Units = invited.Select(u => new RoundUnit { UnitKey = u.Key, UnitName = u.Name }).ToList(),
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已发起推荐：{round.Title}（{invited.Count} 个单位）";
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Departments = await units.DepartmentsUsingAsync(county.Required, ExpertsModule.ModuleName, cancellationToken);
        Townships = await units.TownshipsAsync(county.Required, cancellationToken);
    }

    internal sealed class RoundInput
    {
        [Required(ErrorMessage = "请填写推荐标题")]
        [StringLength(100, ErrorMessage = "标题不能超过 100 个字")]
        public string? Title { get; set; }

        [StringLength(2000, ErrorMessage = "说明不能超过 2000 个字")]
        public string? Notes { get; set; }

        [Required(ErrorMessage = "请填写推荐截止时间")]
        public DateTime? Deadline { get; set; }

        [Required(ErrorMessage = "请填写备案截止时间")]
        public DateTime? FilingDeadline { get; set; }

        public List<string> Units { get; set; } = [];
    }
}
