using Autofac;
using Emergency.BuildingBlocks.Auditing;
using Emergency.BuildingBlocks.Auditing.Data;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Email.Data;
using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Notices.Data;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Microsoft.Extensions.Hosting;

namespace Emergency.BuildingBlocks.Hosting;

/// <summary>
/// Registers the platform mechanisms (tenancy, stores, events, jobs, mail) and every module's
/// own services. The Host adds its store provider, county directory and pages.
/// </summary>
public sealed class PlatformAutofacModule(ModuleCatalog catalog) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        catalog.AddPlatformStore(MailDbContext.StoreName, ModuleStore.For<MailDbContext>(),
            s => s.Add<EmailRequested, EmailRequestedHandler>());
        catalog.AddPlatformStore(NoticesDbContext.StoreName, ModuleStore.For<NoticesDbContext>(),
            s => s.Add<NoticeRequested, NoticeRequestedHandler>());
        catalog.AddPlatformStore(AuditDbContext.StoreName, ModuleStore.For<AuditDbContext>());
        catalog.Jobs.Platform<StoreMaintenanceJob>("store-maintenance", "17 */1 * * *");
        catalog.Jobs.Platform<AuditRetentionJob>("audit-retention", "43 3 * * *");
        catalog.Jobs.Platform<NoticeDigestJob>("notice-digest", "30 7 * * *");

        builder.RegisterInstance(catalog);
        builder.RegisterInstance(catalog.Jobs);
        builder.RegisterInstance(catalog.Subscriptions);
        builder.RegisterType<CountyContext>().As<ICountyContext>().InstancePerLifetimeScope();
        builder.RegisterType<Access.UserScopeResolver>().As<Access.IUserScope>().InstancePerLifetimeScope();
        builder.RegisterType<Access.PostPermissions>().As<Access.IPermissions>().InstancePerLifetimeScope();

        builder.RegisterType<OutboxSignal>().SingleInstance();
        builder.RegisterType<StoreWrites>().SingleInstance();
        builder.RegisterType<StoreWriteInterceptor>().SingleInstance();
        builder.RegisterType<OutboxWakeInterceptor>().SingleInstance();
        builder.RegisterType<AuditInterceptor>().SingleInstance();
        builder.RegisterType<AuditLog>().SingleInstance();
        builder.RegisterType<SystemAuditActor>().As<IAuditActor>().SingleInstance().IfNotRegistered(typeof(IAuditActor));
        builder.RegisterType<StoreOptionsFactory>().SingleInstance();
        builder.Register(c => new StoreCatalog(catalog.Stores, c.Resolve<StoreOptionsFactory>(), c.Resolve<ICountyDirectory>()))
            .SingleInstance();
        foreach (var store in catalog.Stores)
        {
            if (store.PerCounty)
            {
                store.Store.RegisterPerCounty(builder, store.Name);
            }
            else
            {
                store.Store.RegisterPlatform(builder, store.Name);
            }
        }

        builder.RegisterType<OutboxDispatcher>().AsSelf().As<IHostedService>().SingleInstance();
        foreach (var subscription in catalog.Subscriptions.All)
        {
            builder.RegisterType(subscription.HandlerType).AsSelf().InstancePerLifetimeScope();
        }

        builder.RegisterType<RecurringJobRunner>().AsSelf().InstancePerDependency();
        foreach (var job in catalog.Jobs.All)
        {
            builder.RegisterType(job.JobType).AsSelf().InstancePerLifetimeScope();
        }

        builder.RegisterType<MailSignal>().SingleInstance();
        builder.RegisterType<MailSender>().AsSelf().As<IHostedService>().SingleInstance();
        builder.RegisterType<ConfiguredSmtpSettings>().As<ISmtpSettingsProvider>().SingleInstance();
        builder.RegisterType<PublicAddress>().As<IPublicAddress>().SingleInstance();
        builder.RegisterType<NoticeMail>().AsSelf().InstancePerLifetimeScope();

        foreach (var module in catalog.Modules)
        {
            module.Register(builder);
        }
    }
}
