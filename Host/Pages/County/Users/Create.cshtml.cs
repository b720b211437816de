using Emergency.Host.Access;
using Emergency.Host.Access.Data;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.County.Users;

/// <summary>What the county admin fills in; the county is always the admin's own.</summary>
internal sealed class AccountInput
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; }

    public int? DepartmentId { get; set; }

    public int? TownshipId { get; set; }

    public int? VillageId { get; set; }

    public string? Email { get; set; }

    public string? Password { get; set; }
}

/// <summary>The account just opened, shown once with its one-time password.</summary>
internal sealed record CreatedAccount(string Id, string UserName, string DisplayName, string Role, string? OneTimePassword);

internal sealed record UnitOption(int Id, string Name, string? Group = null);

/// <summary>
/// Opens an account of the county. Only the county's posts can be given (never the platform,
/// security or audit admin); departments, townships and villages come from the admin's county.
/// Without a password typed, a one-time password is made and shown once on the result.
/// </summary>
internal sealed class CreateModel(
    AccountService accounts,
    UserManager<PlatformUser> users,
    PlatformDbContext platform,
    IStringLocalizer<CountyText> text) : PageModel
{
    /// <summary>The posts a county admin may give.</summary>
    public static IReadOnlyList<string> CountyRoles { get; } = [Roles.CountyLeader, Roles.DepartmentUser, Roles.TownshipUser, Roles.VillageUser, Roles.CountyAdmin];

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public CreatedAccount? Created { get; private set; }

    public IReadOnlyList<UnitOption> Departments { get; private set; } = [];

    public IReadOnlyList<UnitOption> Townships { get; private set; } = [];

    public IReadOnlyList<UnitOption> Villages { get; private set; } = [];

    private string County => User.County()!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadOptionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A value that is not even a number (a tampered select) gets the field's Chinese message below.
        foreach (var entry in ModelState.Values)
        {
            entry.Errors.Clear();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!CountyRoles.Contains(Input.Role ?? ""))
        {
            errors[nameof(AccountInput.Role)] = text["ChooseRole"];
        }

        if (!string.IsNullOrWhiteSpace(Input.Email) && !System.Net.Mail.MailAddress.TryCreate(Input.Email.Trim(), out _))
        {
            errors[nameof(AccountInput.Email)] = text["BadEmail"];
        }

        foreach (var field in new[] { nameof(AccountInput.DepartmentId), nameof(AccountInput.TownshipId), nameof(AccountInput.VillageId) })
        {
            if (Request.Form.TryGetValue($"{nameof(Input)}.{field}", out var raw) && raw.ToString().Length > 0 && !int.TryParse(raw, out _))
            {
                errors[field] = text["ChooseFromList"];
            }
        }

        // With a problem found here already, the service is asked with no role: it then only checks
        // the other fields (an account without a valid role is never created), so every message shows at once.
        var role = errors.Count == 0 ? Input.Role! : "";
        var result = await accounts.CreateAsync(
            new NewAccount(Input.UserName?.Trim() ?? "", Input.DisplayName?.Trim() ?? "", role, County,
                Input.DepartmentId, Input.TownshipId, Input.VillageId, Input.Email, string.IsNullOrEmpty(Input.Password) ? null : Input.Password),
            cancellationToken);
        if (result.Succeeded)
        {
            var user = result.User!;
            if (result.OneTimePassword is null)
            {
                // A password the admin typed is known to the admin: the user replaces it at the first sign-in too.
                user.MustChangePassword = true;
                await users.UpdateAsync(user);
            }

            Created = new CreatedAccount(user.Id, user.UserName!, user.DisplayName, role, result.OneTimePassword);
            Input = new AccountInput();
            ModelState.Clear();
            // The one-time password is on this response only: no cache may keep it.
            Response.Headers.CacheControl = "no-store";
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        foreach (var (key, message) in result.Errors)
        {
            if (key != nameof(AccountInput.Role) || role.Length > 0 || !CountyRoles.Contains(Input.Role ?? ""))
            {
                errors.TryAdd(key, message);
            }
        }

        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(key == "CountyCode" ? "" : $"{nameof(Input)}.{key}", message);
        }

        Input.Password = null;
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        Departments = await platform.Departments.AsNoTracking().Where(d => d.CountyCode == County)
            .OrderBy(d => d.Type).ThenBy(d => d.Id).Select(d => new UnitOption(d.Id, d.Name, null)).ToListAsync(cancellationToken);
        Townships = await platform.Townships.AsNoTracking().Where(t => t.CountyCode == County)
            .OrderBy(t => t.Code).Select(t => new UnitOption(t.Id, t.Name, null)).ToListAsync(cancellationToken);
        Villages = await platform.Villages.AsNoTracking().Where(v => v.CountyCode == County)
            .OrderBy(v => v.Code).Select(v => new UnitOption(v.Id, v.Name, v.Township!.Name)).ToListAsync(cancellationToken);
    }
}
