using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>
/// The database provider behind every store. The embedded default is SQLite with a file per
/// store; a PostgreSQL provider (a schema per module) is the scale-out path. Nothing outside a
/// provider's implementation may depend on which one is in use.
/// </summary>
public interface IStoreProvider
{
    /// <summary>Points the options at the store's database and applies the provider's connection settings.</summary>
    void Configure(DbContextOptionsBuilder builder, StoreKey key);

    /// <summary>Bounds the store's write-ahead log (SQLite) or does nothing where the server manages it.</summary>
    Task CheckpointAsync(StoreDbContext context, CancellationToken cancellationToken);

    /// <summary>
    /// A plain connection to the store's database (not opened; opening fails while the database does not exist),
    /// for the little start-up does before any EF model is built: reading the migration history.
    /// </summary>
    System.Data.Common.DbConnection CreateConnection(StoreKey key);

    /// <summary>Where a store's data lives, for an admin's eyes and for backups.</summary>
    string Describe(StoreKey key);
}

/// <summary>
/// Creates (and caches) the options for a store's DbContext, and hands out its contexts from a pool per store:
/// a context made fresh costs EF Core a service scope and some forty services (measured at 15% of a list page's
/// server time, issue #16), a leased one is reset and reused. A context goes back to its pool when disposed, so it
/// must not be used after that.
/// </summary>
public sealed class StoreOptionsFactory(IStoreProvider provider, OutboxWakeInterceptor wakeInterceptor, Auditing.AuditInterceptor auditInterceptor, StoreWriteInterceptor writeInterceptor, TimeProvider? clock = null)
{
    /// <summary>How many idle contexts a store's pool keeps: about the requests that use a store at once.</summary>
    public const int PoolSize = 16;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, StoreKey), DbContextOptions> cache = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, StoreKey), object> pools = new();

    public DbContextOptions<TContext> Create<TContext>(StoreKey key)
        where TContext : DbContext =>
        (DbContextOptions<TContext>)Create(typeof(TContext), key);

    /// <summary>A context of the store, from its pool, that knows its key (so its writes count for that store, <see cref="StoreWrites"/>).</summary>
    public TContext Open<TContext>(StoreKey key)
        where TContext : StoreDbContext
    {
        ArgumentNullException.ThrowIfNull(key);
        var context = Lease<TContext>(key);
        context.BeginLease(key, clock ?? TimeProvider.System);
        return context;
    }

    /// <summary>A context of the store from its pool, as is (a platform store whose context is not a <see cref="StoreDbContext"/>).</summary>
    public TContext Lease<TContext>(StoreKey key)
        where TContext : DbContext =>
        ((PooledDbContextFactory<TContext>)pools.GetOrAdd((typeof(TContext), key), k => new PooledDbContextFactory<TContext>(Create<TContext>(k.Item2), PoolSize)))
            .CreateDbContext();

    /// <summary>Whether the store's database has every migration of its context type, read without building the model.</summary>
    public Task<bool> IsCurrentAsync(Type contextType, StoreKey key, CancellationToken cancellationToken) =>
        MigrateIfPending.IsCurrentAsync(contextType, provider.CreateConnection(key), cancellationToken);

    internal DbContextOptions Create(Type contextType, StoreKey key) =>
        cache.GetOrAdd((contextType, key), k =>
        {
            var builderType = typeof(DbContextOptionsBuilder<>).MakeGenericType(k.Item1);
            var builder = (DbContextOptionsBuilder)Activator.CreateInstance(builderType)!;
            provider.Configure(builder, k.Item2);
            builder.AddInterceptors(wakeInterceptor, auditInterceptor, writeInterceptor);
            return builder.Options;
        });
}
