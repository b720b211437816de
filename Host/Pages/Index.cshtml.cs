using Emergency.Host.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Host.Pages;

internal sealed class IndexModel(Navigation navigation) : PageModel
{
    public IReadOnlyList<NavigationLink> Links { get; private set; } = [];

    public string? CountyName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Links = await navigation.LinksAsync(cancellationToken);
        CountyName = await navigation.CountyNameAsync(cancellationToken);
    }
}
