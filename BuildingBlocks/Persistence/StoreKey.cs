namespace Emergency.BuildingBlocks.Persistence;

/// <summary>Addresses one store: a module's store for a county, or a platform-wide store (County is null).</summary>
public sealed record StoreKey(string? County, string Name)
{
    public static StoreKey ForCounty(string county, string module) => new(county, module);

    public static StoreKey Platform(string name) => new(null, name);

    public override string ToString() => County is null ? Name : $"{County}/{Name}";
}
