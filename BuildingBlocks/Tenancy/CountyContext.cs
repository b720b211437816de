namespace Emergency.BuildingBlocks.Tenancy;

/// <summary>
/// The county a unit of work acts for: set from the signed-in user for a request,
/// from the argument of a job, or from the county of an integration event.
/// </summary>
public interface ICountyContext
{
    /// <summary>The county code (6-digit 行政区划代码), or null when none is set (platform-level work).</summary>
    string? Current { get; }

    /// <summary>The current county; throws when none is set, so county data is never read without one.</summary>
    string Required { get; }

    void Set(string county);
}

internal sealed class CountyContext : ICountyContext
{
    public string? Current { get; private set; }

    public string Required => Current ?? throw new InvalidOperationException("No county is set for this unit of work.");

    public void Set(string county)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(county);
        if (Current is not null && Current != county)
        {
            throw new InvalidOperationException($"County already set to {Current}; a scope acts for one county.");
        }

        Current = county;
    }
}

/// <summary>A county of the deployment, as the platform knows it.</summary>
public sealed record CountyInfo(string Code, string Name, bool Active, IReadOnlySet<string> Modules)
{
    public bool MayUse(string module) => Active && Modules.Contains(module);
}

/// <summary>Which counties exist and which modules each may use. Implemented by the Host over the platform store.</summary>
public interface ICountyDirectory
{
    Task<IReadOnlyList<CountyInfo>> ListAsync(CancellationToken cancellationToken = default);

    Task<CountyInfo?> FindAsync(string code, CancellationToken cancellationToken = default);
}
