using Emergency.BuildingBlocks.Access;
using System.ComponentModel.DataAnnotations;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Recommend;

/// <summary>The 推荐表: a unit invited to an open round recommends one candidate.</summary>
[RequirePermission(ExpertsModule.Recommend)]
internal sealed class CreateModel(ExpertsDbContext db, ExpertsAccess access, RecommendationRules rules) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Round { get; set; }

    public RecommendationRound? RoundInfo { get; private set; }

    public bool IsDepartment { get; private set; }

    public IReadOnlyList<Field> Fields { get; private set; } = [];

    public string? ClosedMessage { get; private set; }

    [BindProperty]
    public RecommendationInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!access.CanWrite)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var unit = access.Unit!;
        var candidate = new Candidate(
            unit.Key, unit.Name, Input.Level, Input.Name!, Input.Gender, Input.BirthDate!.Value, Input.IdCardNumber!, Input.Employer!, Input.Title!,
            Input.Specialty!, Input.FieldId ?? 0, Input.Mobile!, Input.Email, Input.Experience!, Input.UnitOpinion!);

        var (recommendation, problems) = await rules.RecommendAsync(RoundInfo!, candidate, access.UserName, cancellationToken);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field.Length == 0 ? "" : "Input." + problem.Field, problem.Message);
        }

        if (recommendation is null)
        {
            return Page();
        }

        Notice = $"已推荐：{recommendation.Name}";
        return RedirectToPage("Index");
    }

    /// <summary>Null when the user's unit is invited to the round; otherwise the answer to give.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var unit = access.Unit;
        if (unit is null)
        {
            return Forbid();
        }

        RoundInfo = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Round, cancellationToken);
        if (RoundInfo is null || !await db.RoundUnits.AnyAsync(u => u.RoundId == Round && u.UnitKey == unit.Key, cancellationToken))
        {
            return NotFound();
        }

        ClosedMessage = rules.ClosedMessage(RoundInfo);
        IsDepartment = unit.Kind == BuildingBlocks.Tenancy.UnitKind.Department;
        Fields = await db.Fields.AsNoTracking().Where(f => f.Active).OrderBy(f => f.Category).ThenBy(f => f.SortOrder).ToListAsync(cancellationToken);
        return null;
    }

    internal sealed class RecommendationInput
    {
        [Required(ErrorMessage = "请填写姓名")]
        [StringLength(50, ErrorMessage = "姓名不能超过 50 个字")]
        public string? Name { get; set; }

        [EnumDataType(typeof(Gender), ErrorMessage = "请选择性别")]
        public Gender Gender { get; set; }

        [Required(ErrorMessage = "请填写出生日期")]
        public DateOnly? BirthDate { get; set; }

        [Required(ErrorMessage = "请填写身份证号码")]
        [StringLength(18, ErrorMessage = "身份证号码应为 18 位")]
        public string? IdCardNumber { get; set; }

        [Required(ErrorMessage = "请填写工作单位")]
        [StringLength(100, ErrorMessage = "工作单位不能超过 100 个字")]
        public string? Employer { get; set; }

        [Required(ErrorMessage = "请填写职称")]
        [StringLength(50, ErrorMessage = "职称不能超过 50 个字")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "请填写专业")]
        [StringLength(100, ErrorMessage = "专业不能超过 100 个字")]
        public string? Specialty { get; set; }

        [Required(ErrorMessage = "请选择领域")]
        public int? FieldId { get; set; }

        [Required(ErrorMessage = "请填写手机号码")]
        public string? Mobile { get; set; }

        [StringLength(254, ErrorMessage = "邮箱过长")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "请填写工作经历及主要业绩")]
        [StringLength(4000, ErrorMessage = "工作经历不能超过 4000 个字")]
        public string? Experience { get; set; }

        [Required(ErrorMessage = "请填写推荐单位意见")]
        [StringLength(1000, ErrorMessage = "推荐单位意见不能超过 1000 个字")]
        public string? UnitOpinion { get; set; }

        [EnumDataType(typeof(ExpertTeamLevel), ErrorMessage = "请选择队伍")]
        public ExpertTeamLevel Level { get; set; }
    }
}
