using Emergency.BuildingBlocks.Auditing;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Access;
using Emergency.Host.Access.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Emergency.Host.Pages.Account;

internal sealed class LoginModel(
    SignInManager<PlatformUser> signIn,
    UserManager<PlatformUser> users,
    ICountyDirectory counties,
    AuditLog audit,
    IOptions<SecurityOptions> security,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            ModelState.AddModelError(nameof(UserName), text["Required", text["UserName"]]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), text["Required", text["Password"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByNameAsync(UserName!.Trim());
        if (user?.CountyCode is { } county && (await counties.FindAsync(county, cancellationToken))?.Active != true)
        {
            await audit.RecordAsync("platform", "账号", user.UserName, "登录", AuditLog.Failure, "所属县区已停用", user.UserName, county, cancellationToken);
            ModelState.AddModelError("", text["CountySuspended"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        var why = result.Succeeded ? "登录成功" : result.IsLockedOut ? "账号已锁定" : "用户名或密码错误";
        await audit.RecordAsync("platform", "账号", UserName.Trim(), "登录", result.Succeeded ? AuditLog.Success : AuditLog.Failure, why,
            UserName.Trim(), user?.CountyCode, cancellationToken);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", text["LockedOut", security.Value.LockoutMinutes]);
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", text["BadCredentials"]);
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
