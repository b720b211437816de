using System.Reflection;
using Autofac;
using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Settings;

namespace Emergency.BuildingBlocks.Modules;

/// <summary>
/// The plugin contract. A module is one public class deriving from this, and it is the only
/// public type of a module's assembly that the Host names. Everything else stays internal.
/// </summary>
public abstract class ModuleDefinition
{
    /// <summary>Stable lower-case key: area name, store file name, configuration key.</summary>
    public abstract string Name { get; }

    /// <summary>Chinese display name shown in navigation (the UI is Chinese first).</summary>
    public abstract string DisplayName { get; }

    /// <summary>English display name, shown when the user chose English.</summary>
    public abstract string DisplayNameEn { get; }

    /// <summary>The module's own store. One database file per county on SQLite.</summary>
    public abstract ModuleStore Store { get; }

    /// <summary>The assembly holding the module's Razor pages (an area named after <see cref="Name"/>).</summary>
    public Assembly Assembly => GetType().Assembly;

    /// <summary>Registers the module's services in the container.</summary>
    public virtual void Register(ContainerBuilder builder)
    {
    }

    /// <summary>
    /// True for a module most departments take part in (every unit recommends experts). The demo
    /// county switches such a module on for its departments; others only for the emergency bureau.
    /// </summary>
    public virtual bool UsedByMostDepartments => false;

    public virtual IEnumerable<NavigationEntry> Navigation => [];

    public virtual IEnumerable<Permission> Permissions => [];

    /// <summary>The module's own per-county settings; they appear on the county settings page.</summary>
    public virtual IEnumerable<SettingDefinition> Settings => [];

    /// <summary>Recurring jobs, each run once per county that may use the module.</summary>
    public virtual void RegisterJobs(JobRegistry jobs)
    {
    }

    /// <summary>
    /// Fills the module's store of the demo county so each demo account sees real work on its first
    /// sign-in. Called once, when the demo county is created, after its accounts and the module
    /// stores exist. Nothing by default.
    /// </summary>
    public virtual Task SeedDemoAsync(DemoSeedContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Integration events this module handles; each is delivered into this module's store.</summary>
    public virtual void Subscribe(SubscriptionRegistry subscriptions)
    {
    }
}

/// <summary>A link in the shared navigation bar. <paramref name="Page"/> is a Razor page inside the module's area.</summary>
public sealed record NavigationEntry(string Title, string TitleEn, string Page, int Order = 100);

/// <summary>
/// A named right within a module, e.g. "experts.dispatch", and the posts it is granted to. Pages and
/// handlers that need it carry <see cref="Access.RequirePermissionAttribute"/>; the platform checks it.
/// </summary>
public sealed record Permission(string Name, string DisplayName, IReadOnlyList<Access.Post> GrantedTo);
