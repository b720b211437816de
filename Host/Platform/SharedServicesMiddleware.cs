using System.Collections.Concurrent;
using Autofac;
using Autofac.Core;
using Autofac.Core.Lifetime;

namespace Emergency.Host.Platform;

/// <summary>
/// Gives each request a service provider that hands out the container's singletons from a table instead of a resolve
/// operation each time. A list page asked its request scope for about 280 services, nearly all of them singletons
/// (each tag helper's HTML generator and its initializers, options, encoders), and each ask cost the container a
/// resolve operation and about a kilobyte of garbage (issue #16). Everything that is not a singleton of the root
/// container (a store's context, the current county, the user) is still resolved by the request's own scope.
/// </summary>
internal sealed class SharedServicesMiddleware(RequestDelegate next, ILifetimeScope root)
{
    private readonly SingletonTable table = new(root);

    public Task InvokeAsync(HttpContext context)
    {
        context.RequestServices = new SharedServicesProvider(context.RequestServices, table);
        return next(context);
    }
}

/// <summary>Which services are singletons of the root container, and their instances once asked for.</summary>
internal sealed class SingletonTable(ILifetimeScope root)
{
    private readonly ConcurrentDictionary<Type, bool> shared = new();

    private readonly ConcurrentDictionary<Type, object?> instances = new();

    public bool TryGet(Type serviceType, out object? instance) => instances.TryGetValue(serviceType, out instance);

    /// <summary>Keeps the instance the request's scope gave, when the service is a singleton (or a list of singletons only).</summary>
    public void Offer(Type serviceType, object? instance)
    {
        if (instance is not null && shared.GetOrAdd(serviceType, IsShared))
        {
            instances.TryAdd(serviceType, instance);
        }
    }

    private bool IsShared(Type serviceType)
    {
        if (serviceType.IsGenericType && serviceType.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            // A list is made afresh on every resolve; it may be kept when every item in it is a singleton.
            var item = serviceType.GetGenericArguments()[0];
            return root.ComponentRegistry.ServiceRegistrationsFor(new TypedService(item)).All(r => IsSingleton(r.Registration));
        }

        return root.ComponentRegistry.TryGetServiceRegistration(new TypedService(serviceType), out var registration) && IsSingleton(registration.Registration);
    }

    private static bool IsSingleton(IComponentRegistration registration) =>
        registration.Lifetime is RootScopeLifetime && registration.Sharing == InstanceSharing.Shared;
}

/// <summary>The request's service provider with the singletons taken from the table.</summary>
internal sealed class SharedServicesProvider(IServiceProvider scope, SingletonTable table) : IServiceProvider, ISupportRequiredService, IKeyedServiceProvider
{
    public object? GetService(Type serviceType)
    {
        if (table.TryGet(serviceType, out var instance))
        {
            return instance;
        }

        instance = scope.GetService(serviceType);
        table.Offer(serviceType, instance);
        return instance;
    }

    public object GetRequiredService(Type serviceType) =>
        GetService(serviceType) ?? scope.GetRequiredService(serviceType);

    public object? GetKeyedService(Type serviceType, object? serviceKey) => Keyed.GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) => Keyed.GetRequiredKeyedService(serviceType, serviceKey);

    private IKeyedServiceProvider Keyed => scope as IKeyedServiceProvider ?? throw new InvalidOperationException("The request's container does not support keyed services.");
}
