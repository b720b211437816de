using Microsoft.EntityFrameworkCore;

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

/// <summary>Creates (and caches) the options for a store's DbContext.</summary>
public sealed class StoreOptionsFactory(IStoreProvider provider, OutboxWakeInterceptor wakeInterceptor, Auditing.AuditInterceptor auditInterceptor, StoreWriteInterceptor writeInterceptor)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, StoreKey), DbContextOptions> cache = new();

    public DbContextOptions<TContext> Create<TContext>(StoreKey key)
        where TContext : DbContext =>
        (DbContextOptions<TContext>)Create(typeof(TContext), key);

    /// <summary>A context of the store that knows its key, so its writes count for that store (<see cref="StoreWrites"/>).</summary>
    public TContext Open<TContext>(StoreKey key, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : StoreDbContext
    {
        ArgumentNullException.ThrowIfNull(create);
        var context = create(Create<TContext>(key));
        context.Key = key;
        return context;
    }

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
