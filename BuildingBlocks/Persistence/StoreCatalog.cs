using Emergency.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>A store the platform knows: a module's (one per county) or a platform-wide one.</summary>
public sealed record StoreRegistration(string Name, ModuleStore Store, bool PerCounty);

/// <summary>
/// Every store of the deployment. Opens a store's DbContext outside of any request (migration,
/// dispatch, checkpoints) and enumerates the stores of all counties.
/// </summary>
public sealed class StoreCatalog(IEnumerable<StoreRegistration> registrations, StoreOptionsFactory options, ICountyDirectory counties)
{
    public IReadOnlyList<StoreRegistration> Registrations { get; } = registrations.ToList();

    public StoreDbContext Open(StoreKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Registrations.Single(r => r.Name == key.Name).Store.Open(options, key);
    }

    public IEnumerable<StoreKey> PlatformKeys() =>
        Registrations.Where(r => !r.PerCounty).Select(r => StoreKey.Platform(r.Name));

    /// <summary>Platform stores first, then every module store of every county.</summary>
    public async Task<IReadOnlyList<StoreKey>> AllKeysAsync(CancellationToken cancellationToken)
    {
        var keys = PlatformKeys().ToList();
        foreach (var county in await counties.ListAsync(cancellationToken))
        {
            keys.AddRange(Registrations.Where(r => r.PerCounty).Select(r => StoreKey.ForCounty(county.Code, r.Name)));
        }

        return keys;
    }

    /// <summary>Applies pending migrations to one store (creating its database when new).</summary>
    public async Task MigrateAsync(StoreKey key, CancellationToken cancellationToken)
    {
        await using var context = Open(key);
        await options.MigrateIfPendingAsync(context, key, cancellationToken);
    }

    /// <summary>Migrates the given stores side by side (each is its own database file).</summary>
    public Task MigrateAllAsync(IEnumerable<StoreKey> keys, CancellationToken cancellationToken) =>
        Task.WhenAll(keys.Select(key => MigrateAsync(key, cancellationToken)));
}
