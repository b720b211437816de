using Emergency.Host.Access;
using Emergency.Host.Access.Data;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Host.Pages.County.Users;

/// <summary>One account of the county; an account of any other county does not exist here (404).</summary>
internal sealed class DetailsModel(AccountsDbContext accounts, PlatformDbContext platform, TimeProvider clock) : PageModel
{
    public AccountSummary Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var county = User.County()!;
        var found = await AccountListing.LoadAsync(accounts.Users.Where(u => u.Id == id && u.CountyCode == county), accounts, platform, clock, cancellationToken);
        if (found.Count == 0)
        {
            return NotFound();
        }

        Account = found[0];
        return Page();
    }
}
