using Autofac;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>
/// What a module's pages read from the county's store of that module on every request and keep between requests
/// until that store is written, or for a minute (ADR 0006): a search's counts, a county's short lists. One per module
/// and kind of value, registered as a singleton (<see cref="Register{TKey, TValue}"/>).
/// </summary>
public sealed class CountyStoreCache<TKey, TValue>(string module, StoreWrites writes, TimeProvider clock)
    where TKey : notnull
{
    private readonly WriteVersionedCache<(string County, TKey Key), TValue> entries =
        new(k => writes.VersionOf(StoreKey.ForCounty(k.County, module)), clock, TimeSpan.FromMinutes(1));

    /// <summary>The value kept for the key in the county, or what <paramref name="load"/> reads (and is kept).</summary>
    public ValueTask<TValue> GetAsync(string county, TKey key, Func<CancellationToken, Task<TValue>> load, CancellationToken cancellationToken = default) =>
        entries.GetAsync((county, key), load, cancellationToken);
}

/// <summary>Registration and keys of <see cref="CountyStoreCache{TKey, TValue}"/>.</summary>
public static class CountyStoreCache
{
    /// <summary>Registers a cache of the module's county stores as a singleton.</summary>
    public static void Register<TKey, TValue>(ContainerBuilder builder, string module)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Register(c => new CountyStoreCache<TKey, TValue>(module, c.Resolve<StoreWrites>(), c.Resolve<TimeProvider>())).SingleInstance();
    }

    /// <summary>
    /// A search's filters as one key: the query-string pairs in a fixed order with their values escaped, so two
    /// different filters never share a key (a text typed as "a&amp;b=c" stays one value).
    /// </summary>
    public static string FilterKey(IEnumerable<KeyValuePair<string, string>> values) =>
        string.Join('&', values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value)));
}
