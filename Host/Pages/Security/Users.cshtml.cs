using Emergency.Host.Access;
using Emergency.Host.Access.Data;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.Security;

internal sealed record CountyOption(string Code, string Name);

/// <summary>A one-time password just set, shown on this response only.</summary>
internal sealed record PasswordReset(string UserName, string DisplayName, string Password);

/// <summary>
/// Every account of the deployment, for the security admin: lock and unlock, reset a password
/// to a one-time password, and add a post, never breaking 三权分立 (the separation of the
/// platform, security and audit admin).
/// </summary>
internal sealed class UsersModel(
    AccountsDbContext accounts,
    PlatformDbContext platform,
    UserManager<PlatformUser> users,
    AccountService accountService,
    TimeProvider clock,
    IStringLocalizer<CountyText> text) : PageModel
{
    /// <summary>The value of the county filter that lists the platform-wide accounts.</summary>
    public const string PlatformWide = "-";

    private const int PageSize = 50;

    /// <summary>County code, <see cref="PlatformWide"/>, or empty for all accounts.</summary>
    [BindProperty(SupportsGet = true)]
    public string? County { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool HasNext { get; private set; }

    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public IReadOnlyList<CountyOption> Counties { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>A refused action: the account and the message shown in its row.</summary>
    public (string UserId, string Message)? Problem { get; private set; }

    public PasswordReset? Reset { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            return await RefuseAsync(user.Id, text["CannotLockSelf"], cancellationToken);
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, clock.GetUtcNow().AddYears(100));
        // Ends the account's open sessions at their next check.
        await users.UpdateSecurityStampAsync(user);
        Notice = text["AccountLocked", user.UserName!];
        return Back();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Notice = text["AccountUnlocked", user.UserName!];
        return Back();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        IdentityResult result = IdentityResult.Failed();
        string password = "";
        // A random password could, very rarely, contain the user name; another one is drawn then.
        for (var attempt = 0; attempt < 5 && !result.Succeeded; attempt++)
        {
            password = OneTimePassword.Create();
            result = await users.ResetPasswordAsync(user, token, password);
        }

        if (!result.Succeeded)
        {
            return await RefuseAsync(user.Id, string.Join("；", result.Errors.Select(e => e.Description)), cancellationToken);
        }

        user.MustChangePassword = true;
        user.PasswordChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        Reset = new PasswordReset(user.UserName!, user.DisplayName, password);
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddRoleAsync(string id, string? role, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (Roles.All.FirstOrDefault(r => r.Name == role) is not { } info)
        {
            return await RefuseAsync(user.Id, text["ChooseRole"], cancellationToken);
        }

        if (await users.IsInRoleAsync(user, info.Name))
        {
            return await RefuseAsync(user.Id, text["AlreadyHasRole", info.DisplayName], cancellationToken);
        }

        // 三权分立 first: its message is the one that matters when both rules are broken.
        var held = await users.GetRolesAsync(user);
        var error = AccountService.SeparationError(held.Append(info.Name)) ?? ScopeError(user, info)
            ?? await accountService.AddRoleAsync(user, info.Name);

        if (error is not null)
        {
            return await RefuseAsync(user.Id, error, cancellationToken);
        }

        await users.UpdateSecurityStampAsync(user);
        Notice = text["RoleAdded", info.DisplayName, user.UserName!];
        return Back();
    }

    /// <summary>A post needs the unit it works in: a county for county posts, a department, township or village for those posts, none for platform posts.</summary>
    private string? ScopeError(PlatformUser user, RoleInfo role) => role.Scope switch
    {
        RoleScope.Platform when user.CountyCode is not null => text["PlatformRoleForCountyAccount"].Value,
        RoleScope.County when user.CountyCode is null => text["CountyRoleNeedsCounty"].Value,
        RoleScope.Department when user.DepartmentId is null => text["RoleNeedsDepartment"].Value,
        RoleScope.Township when user.TownshipId is null => text["RoleNeedsTownship"].Value,
        RoleScope.Village when user.VillageId is null => text["RoleNeedsVillage"].Value,
        _ => null,
    };

    private async Task<IActionResult> RefuseAsync(string userId, string message, CancellationToken cancellationToken)
    {
        Problem = (userId, message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private RedirectToPageResult Back() => RedirectToPage(new { county = County, q = Q, p = PageNumber > 1 ? PageNumber : (int?)null });

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Counties = await platform.Counties.AsNoTracking().OrderBy(c => c.Code).Select(c => new CountyOption(c.Code, c.Name)).ToListAsync(cancellationToken);
        var query = accounts.Users.AsQueryable();
        if (County == PlatformWide)
        {
            query = query.Where(u => u.CountyCode == null);
        }
        else if (!string.IsNullOrEmpty(County))
        {
            query = query.Where(u => u.CountyCode == County);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        }

        var page = await AccountListing.LoadAsync(
            query.OrderBy(u => u.CountyCode).ThenBy(u => u.UserName).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1),
            accounts, platform, clock, cancellationToken);
        HasNext = page.Count > PageSize;
        Accounts = page.Take(PageSize).ToList();
    }
}
