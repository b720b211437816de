using Emergency.BuildingBlocks.Auditing;
using Emergency.Host.Access.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Host.Pages.Account;

internal sealed class LogoutModel(SignInManager<PlatformUser> signIn, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.RecordAsync("platform", "账号", User.Identity?.Name, "退出", AuditLog.Success, "退出登录", cancellationToken: cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
