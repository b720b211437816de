using Emergency.Host.Access;
using Emergency.Host.Access.Data;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Host.Pages.County.Users;

/// <summary>The accounts of the county admin's own county.</summary>
internal sealed class IndexModel(AccountsDbContext accounts, PlatformDbContext platform, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var county = User.County()!;
        var query = accounts.Users.Where(u => u.CountyCode == county);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        }

        Accounts = await AccountListing.LoadAsync(query.OrderBy(u => u.UserName).Take(500), accounts, platform, clock, cancellationToken);
    }
}
