using Autofac;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Files;
using Emergency.BuildingBlocks.Hosting;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Persistence.Data;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Access;
using Emergency.Host.Platform;
using Emergency.Host.Platform.TreeImport;

namespace Emergency.Host;

/// <summary>The Host's services: the platform's building blocks over this deployment's data root, and the Host's own.</summary>
internal sealed class HostAutofacModule(string dataRoot, ModuleCatalog catalog) : Autofac.Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance<IStoreProvider>(new SqliteStoreProvider(dataRoot));
        builder.RegisterType<CountySnapshot>().AsSelf().As<ICountyDirectory>().SingleInstance();
        builder.RegisterModule(new PlatformAutofacModule(catalog));
        builder.RegisterType<DemoCountySeeder>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<Navigation>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<NoticeInbox>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<TodoList>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<PageCaches>().AsSelf().SingleInstance();
        builder.RegisterType<CountyUnits>().As<ICountyUnits>().SingleInstance();
        builder.RegisterInstance<IModuleFiles>(new ModuleFiles(dataRoot));
        builder.RegisterType<HttpCurrentUser>().As<Emergency.BuildingBlocks.Access.ICurrentUser>().SingleInstance();
        builder.RegisterType<AdministrativeTreeImport>().AsSelf().InstancePerLifetimeScope();
        builder.Register(c => new FileImportStaging(dataRoot, c.Resolve<TimeProvider>())).As<IImportStaging>().SingleInstance();
        builder.RegisterType<SettingSecrets>().AsSelf().SingleInstance();
        builder.RegisterModule<Platform.Calendar.CalendarRegistrations>();
        builder.RegisterType<CountySettings>().As<ICountySettings>().InstancePerLifetimeScope();
        // After the platform module: replaces its ConfiguredSmtpSettings (the last registration wins).
        builder.RegisterType<CountySmtpSettings>().AsSelf().As<ISmtpSettingsProvider>().SingleInstance();
        builder.RegisterType<UnitAccounts>().As<Emergency.BuildingBlocks.Access.IUnitAccounts>().InstancePerLifetimeScope();
    }
}
