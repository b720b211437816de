using Emergency.BuildingBlocks.Modules;

namespace Emergency.Host;

/// <summary>
/// The modules this deployment is built with. Adding a module: reference its project from
/// Host.csproj and add one line here. A module can be switched off in configuration with
/// "Modules:&lt;name&gt;:Enabled": false.
/// </summary>
public static class ModuleRegistry
{
    public static IReadOnlyList<ModuleDefinition> Modules { get; } =
    [
        new Emergency.Experts.ExpertsModule(),
        new Emergency.Grid.GridModule(),
        new Emergency.Teams.TeamsModule(),
        new Emergency.Training.TrainingModule(),
        new Emergency.Plans.PlansModule(),
        new Emergency.Enforcement.EnforcementModule(),
        new Emergency.Readiness.ReadinessModule(),
    ];
}
