using Autofac;
using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Todo;
using Emergency.Samples.Acknowledgements.Data;
using Emergency.Samples.Bulletins.Contracts;

namespace Emergency.Samples.Acknowledgements;

/// <summary>
/// A sample module that handles another module's event (each bulletin becomes an acknowledgement
/// due by a deadline) and runs a recurring per-county job that emails a reminder once it is overdue.
/// </summary>
public sealed class AcknowledgementsModule : ModuleDefinition
{
    public override string Name => "acknowledgements";

    public override string DisplayName => "签收确认";

    public override string DisplayNameEn => "Acknowledgements";

    public override ModuleStore Store { get; } = ModuleStore.For<AcknowledgementsDbContext>();

    public override IEnumerable<NavigationEntry> Navigation => [new("签收确认", "Acknowledgements", "/Index", 20)];

    public override void Register(ContainerBuilder builder) =>
        builder.RegisterType<AcknowledgementsTodo>().As<ITodoSource>().InstancePerLifetimeScope();

    public override void RegisterJobs(JobRegistry jobs) => jobs.PerCounty<OverdueReminderJob>("overdue-reminders", "*/5 * * * *");

    public override void Subscribe(SubscriptionRegistry subscriptions) =>
        subscriptions.Add<BulletinIssued, BulletinIssuedHandler>();
}
