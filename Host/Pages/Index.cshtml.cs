using Emergency.Host.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Host.Pages;

internal sealed class IndexModel(Navigation navigation, TodoList todo) : PageModel
{
    public IReadOnlyList<NavigationLink> Links { get; private set; } = [];

    public string? CountyName { get; private set; }

    /// <summary>我的待办 of a county user who may act (none for platform posts and read-only posts).</summary>
    public TodoView? Todo { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Links = await navigation.LinksAsync(cancellationToken);
        CountyName = await navigation.CountyNameAsync(cancellationToken);
        if (CountyName is not null)
        {
            Todo = await todo.ViewAsync(cancellationToken);
        }
    }
}
