using Autofac;
using Emergency.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>
/// Describes a module's store: its DbContext type and how to create one from options.
/// The factory lambda lets a module keep its DbContext internal.
/// </summary>
public abstract class ModuleStore
{
    public abstract Type ContextType { get; }

    internal abstract StoreDbContext Create(DbContextOptions options);

    public static ModuleStore For<TContext>(Func<DbContextOptions<TContext>, TContext> create)
        where TContext : StoreDbContext => new Typed<TContext>(create);

    internal abstract void RegisterPerCounty(ContainerBuilder builder, string moduleName);

    internal abstract void RegisterPlatform(ContainerBuilder builder, string storeName);

    private sealed class Typed<TContext>(Func<DbContextOptions<TContext>, TContext> create) : ModuleStore
        where TContext : StoreDbContext
    {
        public override Type ContextType => typeof(TContext);

        internal override StoreDbContext Create(DbContextOptions options) => create((DbContextOptions<TContext>)options);

        internal override void RegisterPerCounty(ContainerBuilder builder, string moduleName) =>
            builder.Register(c =>
                {
                    var county = c.Resolve<ICountyContext>().Required;
                    var key = StoreKey.ForCounty(county, moduleName);
                    var context = create(c.Resolve<StoreOptionsFactory>().Create<TContext>(key));
                    context.Key = key;
                    context.Clock = c.ResolveOptional<TimeProvider>() ?? TimeProvider.System;
                    return context;
                })
                .AsSelf()
                .As<StoreDbContext>()
                .Keyed<StoreDbContext>(moduleName)
                .InstancePerLifetimeScope();

        internal override void RegisterPlatform(ContainerBuilder builder, string storeName) =>
            builder.Register(c =>
                {
                    var key = StoreKey.Platform(storeName);
                    var context = create(c.Resolve<StoreOptionsFactory>().Create<TContext>(key));
                    context.Key = key;
                    context.Clock = c.ResolveOptional<TimeProvider>() ?? TimeProvider.System;
                    return context;
                })
                .AsSelf()
                .Keyed<StoreDbContext>(storeName)
                .InstancePerLifetimeScope();
    }
}
