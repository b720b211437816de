using Emergency.BuildingBlocks.Access;

namespace Emergency.BuildingBlocks.Todo;

/// <summary>
/// One thing the signed-in user must act on (我的待办): a hazard to assign, a round to submit to, an exit
/// to decide. <paramref name="Link"/> is a site path to the page where the user acts
/// (e.g. <c>/grid/Hazards/Details?id=5</c>); <paramref name="DueUtc"/> is when it must be done, if there is
/// such a time; <paramref name="Overdue"/> marks an item the module itself knows to be late (an item past
/// its due time is late as well).
/// </summary>
public sealed record TodoItem(string Module, string Kind, string Title, DateTime? DueUtc, string Link, bool Overdue = false)
{
    /// <summary>Late: flagged by its module, or past its due time.</summary>
    public bool IsOverdueAt(DateTime nowUtc) => Overdue || (DueUtc is { } due && due < nowUtc);
}

/// <summary>
/// A module's part of 我的待办: the items the user must act on in that module, from the module's own
/// store for the current county. Each module registers one in <c>ModuleDefinition.Register</c>
/// (<c>builder.RegisterType&lt;GridTodo&gt;().As&lt;ITodoSource&gt;().InstancePerLifetimeScope()</c>); the
/// platform asks only the sources of the modules the user may use, one after another in the request's scope.
/// </summary>
public interface ITodoSource
{
    /// <summary>The module's name (<c>ModuleDefinition.Name</c>).</summary>
    string Module { get; }

    /// <summary>
    /// At most <paramref name="limit"/> of the user's items, the most urgent first (late, then by due time);
    /// empty for a user with nothing to do here (a read-only post, a user outside the module's units).
    /// </summary>
    Task<IReadOnlyList<TodoItem>> ForUserAsync(UnitScope scope, int limit, CancellationToken cancellationToken);

    /// <summary>How many items the user has in all; cheap (it is shown beside the module in the navigation on every page).</summary>
    Task<int> CountAsync(UnitScope scope, CancellationToken cancellationToken);
}

/// <summary>The one order of 我的待办, used by the sources and the home page alike: late first, then by due time, undated last.</summary>
public static class TodoOrder
{
    public static IEnumerable<TodoItem> MostUrgentFirst(this IEnumerable<TodoItem> items, DateTime nowUtc) =>
        items.OrderBy(i => i.IsOverdueAt(nowUtc) ? 0 : 1)
            .ThenBy(i => i.DueUtc is null ? 1 : 0)
            .ThenBy(i => i.DueUtc);
}
