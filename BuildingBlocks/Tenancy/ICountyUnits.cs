namespace Emergency.BuildingBlocks.Tenancy;

/// <summary>
/// The county's administrative tree and departments as modules need them (names for pages,
/// contacts for reminder emails). Implemented by the Host over the platform and account stores.
/// </summary>
public interface ICountyUnits
{
    Task<IReadOnlyList<UnitInfo>> DepartmentsAsync(string county, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UnitInfo>> TownshipsAsync(string county, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UnitInfo>> VillagesAsync(string county, CancellationToken cancellationToken = default);

    /// <summary>The departments of the county that have switched a module on.</summary>
    Task<IReadOnlyList<UnitInfo>> DepartmentsUsingAsync(string county, string module, CancellationToken cancellationToken = default);

    /// <summary>Email addresses of the unit's active accounts (the people a unit's reminders go to).</summary>
    Task<IReadOnlyList<string>> ContactEmailsAsync(string county, UnitKind kind, int id, CancellationToken cancellationToken = default);

    /// <summary>The email address of an active account of the county (a notice addressed to a person), or null.</summary>
    Task<string?> AccountEmailAsync(string county, string userName, CancellationToken cancellationToken = default);
}
