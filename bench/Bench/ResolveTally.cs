using System.Collections.Concurrent;
using Autofac;
using Autofac.Core;
using Autofac.Core.Lifetime;

namespace Emergency.Bench;

/// <summary>
/// Counts the container's resolve operations (each a top-level Resolve or GetService: what ASP.NET Core, the pages
/// and the tag helpers ask of a request's scope) by the service asked for, while it is not disposed.
/// </summary>
internal sealed class ResolveTally : IDisposable
{
    private readonly ConcurrentDictionary<string, int> services = new(StringComparer.Ordinal);
    private readonly ILifetimeScope root;
    private bool listening = true;

    public ResolveTally(IServiceProvider provider)
    {
        root = provider.GetRequiredService<ILifetimeScope>();
        root.ChildLifetimeScopeBeginning += OnScope;
    }

    public int Operations => services.Values.Sum();

    public void Reset() => services.Clear();

    public IEnumerable<(string Service, int Count)> Top(int count) =>
        services.OrderByDescending(s => s.Value).Take(count).Select(s => (s.Key, s.Value));

    public void Dispose()
    {
        listening = false;
        root.ChildLifetimeScopeBeginning -= OnScope;
    }

    private void OnScope(object? sender, LifetimeScopeBeginningEventArgs e)
    {
        e.LifetimeScope.ChildLifetimeScopeBeginning += OnScope;
        e.LifetimeScope.ResolveOperationBeginning += (_, op) =>
        {
            // Only the operation's first request: the service its caller asked for (its dependencies follow).
            var first = true;
            op.ResolveOperation.ResolveRequestBeginning += (_, request) =>
            {
                if (listening && first)
                {
                    services.AddOrUpdate(Describe(request.RequestContext.Service), 1, (_, n) => n + 1);
                }

                first = false;
            };
        };
    }

    private static string Describe(Service service) => service.Description.Length > 120 ? service.Description[..120] : service.Description;
}
