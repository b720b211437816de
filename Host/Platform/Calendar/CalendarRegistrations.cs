using Autofac;
using Emergency.BuildingBlocks.Calendar;

namespace Emergency.Host.Platform.Calendar;

/// <summary>The working-day calendar's services: <see cref="IWorkingDays"/> for everyone, the admin's changes for its pages.</summary>
internal sealed class CalendarRegistrations : Autofac.Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<WorkingDays>().AsSelf().As<IWorkingDays>().SingleInstance();
        builder.RegisterType<CalendarAdmin>().AsSelf().InstancePerLifetimeScope();
    }
}
