namespace Emergency.BuildingBlocks.Access;

/// <summary>A sign-in account of a village (村（社区）用户/网格员), as a module may list it.</summary>
public sealed record UnitAccount(string UserName, string DisplayName, int VillageId);

/// <summary>An account just opened for a village, with its one-time password (to be shown once, never stored).</summary>
public sealed record OpenedAccount(string UserName, string DisplayName, string OneTimePassword);

/// <summary>
/// The accounts of a county's villages, as modules need them (ADR 0003: modules never read the accounts store):
/// the accounts a grid member may sign in with, and accounts opened in bulk for a village's members. The caller
/// decides who may ask (e.g. the village's township); the Host opens accounts under the platform's own rules.
/// </summary>
public interface IUnitAccounts
{
    /// <summary>The village-post accounts of the given villages of the county, by user name.</summary>
    Task<IReadOnlyList<UnitAccount>> VillageAccountsAsync(string county, IReadOnlyCollection<int> villageIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens one 村（社区）用户/网格员 account of the village per display name, named "&lt;village code&gt;-&lt;n&gt;" with the next free
    /// numbers, each with a one-time password that must be changed at the first sign-in. Returns them in the order given.
    /// </summary>
    Task<IReadOnlyList<OpenedAccount>> OpenVillageAccountsAsync(string county, int villageId, IReadOnlyList<string> displayNames, CancellationToken cancellationToken = default);
}
