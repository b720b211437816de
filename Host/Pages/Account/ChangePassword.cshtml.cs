using Emergency.Host.Access;
using Emergency.Host.Access.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.Account;

internal sealed class ChangePasswordModel(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Forced => User.HasClaim(PlatformClaims.MustChangePassword, "true") || ReturnUrl is not null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), text["Required", text["CurrentPassword"]]);
        }

        if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), text["PasswordsDiffer"]);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        foreach (var problem in PasswordPolicy.Check(user.UserName, NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(NewPassword), error.Description);
            }

            return Page();
        }

        user.MustChangePassword = false;
        user.PasswordChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = text["PasswordChanged"].Value;
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
