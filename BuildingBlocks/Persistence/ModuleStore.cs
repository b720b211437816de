using Autofac;
using Emergency.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>
/// Describes a module's store: its DbContext type. Contexts come from the store's pool (<see cref="StoreOptionsFactory"/>);
/// the module's DbContext may stay internal, with one public constructor taking its options.
/// </summary>
public abstract class ModuleStore
{
    public abstract Type ContextType { get; }

    internal abstract StoreDbContext Open(StoreOptionsFactory factory, StoreKey key);

    public static ModuleStore For<TContext>()
        where TContext : StoreDbContext => new Typed<TContext>();

    internal abstract void RegisterPerCounty(ContainerBuilder builder, string moduleName);

    internal abstract void RegisterPlatform(ContainerBuilder builder, string storeName);

    private sealed class Typed<TContext> : ModuleStore
        where TContext : StoreDbContext
    {
        public override Type ContextType => typeof(TContext);

        internal override StoreDbContext Open(StoreOptionsFactory factory, StoreKey key) => factory.Open<TContext>(key);

        internal override void RegisterPerCounty(ContainerBuilder builder, string moduleName) =>
            builder.Register(c =>
                {
                    var county = c.Resolve<ICountyContext>().Required;
                    return c.Resolve<StoreOptionsFactory>().Open<TContext>(StoreKey.ForCounty(county, moduleName));
                })
                .AsSelf()
                .As<StoreDbContext>()
                .Keyed<StoreDbContext>(moduleName)
                .InstancePerLifetimeScope();

        internal override void RegisterPlatform(ContainerBuilder builder, string storeName) =>
            builder.Register(c => c.Resolve<StoreOptionsFactory>().Open<TContext>(StoreKey.Platform(storeName)))
                .AsSelf()
                .Keyed<StoreDbContext>(storeName)
                .InstancePerLifetimeScope();
    }
}
