using Emergency.BuildingBlocks.Hosting;
using Emergency.Host.Access.Data;
using Emergency.Host.Platform;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.Platform.Counties;

/// <summary>A department of the list, with its modules and how many accounts belong to it.</summary>
internal sealed record DepartmentRow(int Id, string Name, DepartmentType Type, IReadOnlyList<string> Modules, int Accounts);

/// <summary>The add form and the rename/retype form of one row.</summary>
internal sealed class DepartmentInput
{
    public int? Id { get; set; }

    public string? Name { get; set; }

    public DepartmentType? Type { get; set; }
}

/// <summary>
/// A county's departments (应急管理局, 水利局 …): add, rename, change type, delete. A department
/// that accounts still belong to is not deleted.
/// </summary>
internal sealed class DepartmentsModel(
    PlatformDbContext db,
    AccountsDbContext accounts,
    CountySnapshot snapshot,
    ModuleCatalog catalog,
    IStringLocalizer<PlatformText> text) : PageModel
{
    public const int MaxName = 50;

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>The add form.</summary>
    [BindProperty]
    public DepartmentInput Input { get; set; } = new();

    /// <summary>The row being renamed or retyped (its errors show in that row).</summary>
    [BindProperty]
    public DepartmentInput Edit { get; set; } = new();

    public string CountyName { get; private set; } = "";

    public IReadOnlyList<DepartmentRow> Departments { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Most departments a county adds are sector authorities (水利, 气象, 自然资源 …).
        Input.Type = DepartmentType.Sector;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var name = await CheckAsync(Input, "Input", null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Departments.Add(new Department { CountyCode = Code!, Name = name, Type = Input.Type!.Value });
        if (!await SaveAsync("Input.Name", name, cancellationToken))
        {
            return await PageAsync(cancellationToken);
        }

        Message = text["DepartmentAdded", name].Value;
        return RedirectToPage(new { code = Code });
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var department = Edit.Id is { } id ? await db.Departments.FirstOrDefaultAsync(d => d.Id == id && d.CountyCode == Code, cancellationToken) : null;
        if (department is null)
        {
            return NotFound();
        }

        var name = await CheckAsync(Edit, "Edit", department.Id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        department.Name = name;
        department.Type = Edit.Type!.Value;
        if (!await SaveAsync("Edit.Name", name, cancellationToken))
        {
            return await PageAsync(cancellationToken);
        }

        Message = text["DepartmentSaved", name].Value;
        return RedirectToPage(new { code = Code });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var department = await db.Departments.Include(d => d.Modules).FirstOrDefaultAsync(d => d.Id == id && d.CountyCode == Code, cancellationToken);
        if (department is null)
        {
            return NotFound();
        }

        var users = await accounts.Users.CountAsync(u => u.DepartmentId == id, cancellationToken);
        if (users > 0)
        {
            ModelState.AddModelError("", text["DepartmentHasAccounts", department.Name, users]);
            return Page();
        }

        db.DepartmentModules.RemoveRange(department.Modules);
        db.Departments.Remove(department);
        await db.SaveChangesAsync(cancellationToken);
        snapshot.Invalidate();
        Message = text["DepartmentDeleted", department.Name].Value;
        return RedirectToPage(new { code = Code });
    }

    public string TypeName(DepartmentType type) => text[$"DepartmentType_{type}"];

    /// <summary>Name required, at most 50 characters, unique in the county; type one of the list. Returns the trimmed name.</summary>
    private async Task<string> CheckAsync(DepartmentInput input, string prefix, int? self, CancellationToken cancellationToken)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError($"{prefix}.Name", text["DepartmentNameRequired"]);
        }
        else if (name.Length > MaxName)
        {
            ModelState.AddModelError($"{prefix}.Name", text["TooLong", MaxName]);
        }
        else if (await db.Departments.AnyAsync(d => d.CountyCode == Code && d.Name == name && d.Id != self, cancellationToken))
        {
            ModelState.AddModelError($"{prefix}.Name", text["DepartmentNameTaken", name]);
        }

        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            ModelState.Remove($"{prefix}.Type");
            ModelState.AddModelError($"{prefix}.Type", text["DepartmentTypeRequired"]);
        }

        return name;
    }

    /// <summary>Saves; false (with the message beside the name) when the unique name was taken meanwhile.</summary>
    private async Task<bool> SaveAsync(string field, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(field, text["DepartmentNameTaken", name]);
            return false;
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var county = Code is null ? null : await db.Counties.AsNoTracking().FirstOrDefaultAsync(c => c.Code == Code, cancellationToken);
        if (county is null)
        {
            return false;
        }

        CountyName = county.Name;
        var departments = await db.Departments.AsNoTracking().Include(d => d.Modules)
            .Where(d => d.CountyCode == county.Code).OrderBy(d => d.Type).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        var ids = departments.Select(d => (int?)d.Id).ToList();
        var users = await accounts.Users.AsNoTracking().Where(u => ids.Contains(u.DepartmentId))
            .GroupBy(u => u.DepartmentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key!.Value, x => x.Count, cancellationToken);
        Departments = departments
            .Select(d => new DepartmentRow(d.Id, d.Name, d.Type,
                catalog.Modules.Where(m => d.Modules.Any(x => x.Module == m.Name)).Select(PlatformPages.ModuleName).ToList(),
                users.GetValueOrDefault(d.Id)))
            .ToList();
        return true;
    }
}
