using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;

namespace Emergency.BuildingBlocks.Hosting;

/// <summary>
/// The modules of this deployment and what they contribute: stores, jobs and subscriptions.
/// Built once at start-up from the Host's module list.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly List<StoreRegistration> stores = [];

    public ModuleCatalog(IEnumerable<ModuleDefinition> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        Modules = modules.ToList();
        foreach (var module in Modules)
        {
            if (!IsValidName(module.Name) || Modules.Count(m => m.Name == module.Name) > 1)
            {
                throw new InvalidOperationException($"Module name '{module.Name}' must be unique and lower-case letters or digits.");
            }

            stores.Add(new StoreRegistration(module.Name, module.Store, PerCounty: true));
            Jobs.Owner = module.Name;
            module.RegisterJobs(Jobs);
            Subscriptions.Owner = module.Name;
            Subscriptions.PerCounty = true;
            module.Subscribe(Subscriptions);
        }

        Jobs.Owner = "platform";
    }

    public IReadOnlyList<ModuleDefinition> Modules { get; }

    public JobRegistry Jobs { get; } = new();

    public SubscriptionRegistry Subscriptions { get; } = new();

    public IReadOnlyList<StoreRegistration> Stores => stores;

    public ModuleDefinition? Find(string name) => Modules.FirstOrDefault(m => m.Name == name);

    /// <summary>The permission of that name, declared by one of the modules, or null.</summary>
    public Permission? Permission(string name) => Modules.SelectMany(m => m.Permissions).FirstOrDefault(p => p.Name == name);

    /// <summary>A platform-wide store (not per county), such as the platform's own or the mail queue.</summary>
    public void AddPlatformStore(string name, ModuleStore store, Action<SubscriptionRegistry>? subscribe = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (stores.Any(s => s.Name == name))
        {
            throw new InvalidOperationException($"Store '{name}' registered twice.");
        }

        stores.Add(new StoreRegistration(name, store, PerCounty: false));
        if (subscribe is not null)
        {
            Subscriptions.Owner = name;
            Subscriptions.PerCounty = false;
            subscribe(Subscriptions);
        }
    }

    private static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));
}
