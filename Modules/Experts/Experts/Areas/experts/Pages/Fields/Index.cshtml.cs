using Emergency.BuildingBlocks.Access;
using System.ComponentModel.DataAnnotations;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Fields;

/// <summary>
/// Categories and fields with their recommending units (推荐分工), seeded from seed 000. The county
/// (emergency bureau or county admin) adds, renames and retires fields; everyone else reads.
/// </summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access) : PageModel
{
    public IReadOnlyList<Field> Fields { get; private set; } = [];

    public bool CanManage { get; private set; }

    [BindProperty]
    public FieldInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Adds a field, or renames one when <see cref="FieldInput.Id"/> is given.</summary>
    [RequirePermission(ExpertsModule.Manage)]
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        var name = Input.Name?.Trim() ?? "";
        if (ModelState.IsValid && await db.Fields.AnyAsync(f => f.Name == name && f.Id != (Input.Id ?? 0), cancellationToken))
        {
            ModelState.AddModelError("Input.Name", "已有同名领域");
        }

        var field = Input.Id is { } id ? await db.Fields.FindAsync([id], cancellationToken) : new Field();
        if (field is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        field.Category = Input.Category;
        field.Name = name;
        field.RecommendingUnits = Input.RecommendingUnits?.Trim() ?? "";
        if (Input.Id is null)
        {
            field.SortOrder = (await db.Fields.MaxAsync(f => (int?)f.SortOrder, cancellationToken) ?? 0) + 10;
            db.Fields.Add(field);
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = Input.Id is null ? $"已添加领域：{field.Name}" : $"已保存领域：{field.Name}";
        return RedirectToPage();
    }

    /// <summary>Retires a field (kept for the experts who hold it) or brings it back.</summary>
    [RequirePermission(ExpertsModule.Manage)]
    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        var field = await db.Fields.FindAsync([id], cancellationToken);
        if (field is null)
        {
            return NotFound();
        }

        field.Active = !field.Active;
        await db.SaveChangesAsync(cancellationToken);
        Notice = field.Active ? $"已启用领域：{field.Name}" : $"已停用领域：{field.Name}（已在库专家保留该领域）";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanManage = access.IsCountyManager;
        Fields = await db.Fields.AsNoTracking().OrderBy(f => f.Category).ThenBy(f => f.SortOrder).ToListAsync(cancellationToken);
    }

    internal sealed class FieldInput
    {
        public int? Id { get; set; }

        [EnumDataType(typeof(ExpertCategory), ErrorMessage = "请选择类别")]
        public ExpertCategory Category { get; set; }

        [Required(ErrorMessage = "请填写领域名称")]
        [StringLength(50, ErrorMessage = "领域名称不能超过 50 个字")]
        public string? Name { get; set; }

        [StringLength(200, ErrorMessage = "推荐单位不能超过 200 个字")]
        public string? RecommendingUnits { get; set; }
    }
}
