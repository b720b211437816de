using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Hosting;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.BuildingBlocks.Todo;
using Emergency.Host.Access;

namespace Emergency.Host.Platform;

/// <summary>One line of 我的待办 on the home page: the module's item with the module's display name.</summary>
internal sealed record TodoRow(TodoItem Item, string ModuleTitle, bool Overdue);

/// <summary>How many items the user has in one module.</summary>
internal sealed record TodoCount(string Module, string ModuleTitle, int Count);

/// <summary>The home page's list: the most urgent <see cref="TodoList.Limit"/> items, and the counts per module.</summary>
internal sealed record TodoView(IReadOnlyList<TodoRow> Items, IReadOnlyList<TodoCount> Counts)
{
    public int Total => Counts.Sum(c => c.Count);
}

/// <summary>
/// 我的待办 across modules: asks the <see cref="ITodoSource"/> of every module the signed-in user may use
/// (as <see cref="Navigation"/> decides), one after another in the request's scope (each against its own
/// store of the current county). The counts are asked once per request, for the home page and the
/// navigation badges alike.
/// </summary>
internal sealed class TodoList(
    ModuleCatalog catalog,
    ModuleAccess access,
    ICountyContext county,
    IUserScope scopes,
    IHttpContextAccessor http,
    Lazy<IEnumerable<ITodoSource>> sources,
    PageCaches caches,
    TimeProvider clock)
{
    /// <summary>The home page shows at most this many items (the most urgent); the counts cover them all.</summary>
    public const int Limit = 50;

    private IReadOnlyList<TodoCount>? counts;

    /// <summary>The count per module name (only modules with something to do).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsByModuleAsync(CancellationToken cancellationToken) =>
        (await CountsAsync(cancellationToken)).Where(c => c.Count > 0).ToDictionary(c => c.Module, c => c.Count);

    public async Task<IReadOnlyList<TodoCount>> CountsAsync(CancellationToken cancellationToken)
    {
        if (counts is not null)
        {
            return counts;
        }

        var (scope, asked) = await SourcesAsync(cancellationToken);
        if (asked.Count == 0)
        {
            return counts = [];
        }

        // Asked on every page for the navigation badges: each module's count kept until its store is written (PageCaches).
        var byModule = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (module, source) in asked)
        {
            byModule[module.Name] = await caches.TodoCounts.GetAsync((county.Current!, scope.UserName, module.Name), ct => source.CountAsync(scope, ct), cancellationToken);
        }

        return counts = asked.Select(a => new TodoCount(a.Module.Name, Title(a.Module), byModule.GetValueOrDefault(a.Module.Name))).ToList();
    }

    public async Task<TodoView> ViewAsync(CancellationToken cancellationToken)
    {
        var (scope, asked) = await SourcesAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = new List<TodoItem>();
        var culture = CultureInfo.CurrentUICulture.Name;
        foreach (var (module, source) in asked)
        {
            // Kept until the module's store is written, as its count (PageCaches); whether an item is late is judged now.
            items.AddRange(await caches.TodoItems.GetAsync((county.Current!, scope.UserName, module.Name, culture), ct => source.ForUserAsync(scope, Limit, ct), cancellationToken));
        }

        var titles = asked.ToDictionary(a => a.Module.Name, a => Title(a.Module));
        var rows = items.MostUrgentFirst(now).Take(Limit)
            .Select(i => new TodoRow(i, titles.GetValueOrDefault(i.Module, i.Module), i.IsOverdueAt(now)))
            .ToList();
        return new TodoView(rows, await CountsAsync(cancellationToken));
    }

    private static string Title(ModuleDefinition module) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? module.DisplayNameEn : module.DisplayName;

    /// <summary>The user's scope and the sources of the modules they may use; none outside a county or for a read-only post.</summary>
    private async Task<(UnitScope Scope, List<(ModuleDefinition Module, ITodoSource Source)> Sources)> SourcesAsync(CancellationToken cancellationToken)
    {
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true || county.Current is null)
        {
            return (UnitScope.Nothing, []);
        }

        var scope = await scopes.GetAsync(cancellationToken);
        if (!scope.CanWrite)
        {
            return (scope, []);
        }

        var byModule = sources.Value.ToDictionary(s => s.Module, StringComparer.Ordinal);
        var asked = new List<(ModuleDefinition, ITodoSource)>();
        foreach (var module in catalog.Modules)
        {
            if (byModule.TryGetValue(module.Name, out var source) && await access.AllowsAsync(user, module.Name, cancellationToken))
            {
                asked.Add((module, source));
            }
        }

        return (scope, asked);
    }
}
