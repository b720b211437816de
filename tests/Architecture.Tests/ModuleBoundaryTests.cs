using System.Reflection;
using System.Runtime.CompilerServices;
using Emergency.BuildingBlocks.Modules;
using FluentAssertions;
using NetArchTest.Rules;
using Xunit;

namespace Emergency.Architecture.Tests;

/// <summary>
/// Modules see each other only through *.Contracts; the Host names no module internals;
/// BuildingBlocks knows no module. Covers the real modules of the Host's registry and the
/// sample modules the platform tests use.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly BuildingBlocks = typeof(ModuleDefinition).Assembly;
    private static readonly Assembly Host = typeof(Emergency.Host.ModuleRegistry).Assembly;

    public static IReadOnlyList<ModuleDefinition> Modules { get; } =
    [
        .. Emergency.Host.ModuleRegistry.Modules,
        new Emergency.Samples.Bulletins.BulletinsModule(),
        new Emergency.Samples.Acknowledgements.AcknowledgementsModule(),
    ];

    public static TheoryData<string> ModuleNames()
    {
        var data = new TheoryData<string>();
        foreach (var module in Modules)
        {
            data.Add(module.Name);
        }

        return data;
    }

    private static ModuleDefinition Module(string name) => Modules.Single(m => m.Name == name);

    private static bool IsContracts(AssemblyName name) => name.Name!.EndsWith(".Contracts", StringComparison.Ordinal);

    private static IEnumerable<Assembly> ModuleAssemblies => Modules.Select(m => m.Assembly);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_other_modules_only_through_their_contracts(string name)
    {
        var module = Module(name);
        var others = ModuleAssemblies.Where(a => a != module.Assembly).Select(a => a.GetName().Name).ToHashSet();

        var referenced = module.Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        referenced.Should().NotIntersectWith(others, $"{name} may use other modules only through their *.Contracts assemblies");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_exposes_only_its_definition(string name)
    {
        var module = Module(name);

        var exposed = module.Assembly.GetExportedTypes().Where(t => !t.Namespace!.Contains(".Migrations", StringComparison.Ordinal));

        exposed.Should().BeEquivalentTo([module.GetType()], "everything but the plugin definition is internal");
        module.Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Should().BeEmpty("no one may see a module's internals");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_depend_on_nothing_but_BuildingBlocks(string name)
    {
        var module = Module(name);
        foreach (var contracts in module.Assembly.GetReferencedAssemblies().Where(IsContracts))
        {
            var assembly = Assembly.Load(contracts);
            var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
            references.Where(r => r.StartsWith("Emergency", StringComparison.Ordinal) || ModuleAssemblies.Any(m => m.GetName().Name == r) || r == "Host")
                .Should().BeEmpty();
            references.Should().Contain(BuildingBlocks.GetName().Name);
        }
    }

    [Fact]
    public void The_Host_references_no_module_internals()
    {
        // The Host may name a module's definition (one line in ModuleRegistry) and nothing else of it.
        var moduleNamespaces = ModuleAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => !typeof(ModuleDefinition).IsAssignableFrom(t) && t.Namespace?.StartsWith("Emergency.", StringComparison.Ordinal) == true)
            .Select(t => t.Namespace!)
            .Distinct()
            .Where(ns => !ModuleAssemblies.Any(a => a.GetTypes().Any(t => typeof(ModuleDefinition).IsAssignableFrom(t) && t.Namespace == ns)))
            .ToArray();

        var result = Types.InAssembly(Host).ShouldNot().HaveDependencyOnAny(moduleNamespaces).GetResult();

        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
        Host.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).Should().OnlyContain(n => n.EndsWith(".Tests", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildingBlocks_references_no_module_and_not_the_Host()
    {
        var references = BuildingBlocks.GetReferencedAssemblies().Select(a => a.Name).ToList();

        references.Should().NotContain("Host");
        references.Should().NotIntersectWith(ModuleAssemblies.Select(a => a.GetName().Name));
        var result = Types.InAssembly(BuildingBlocks).ShouldNot().HaveDependencyOnAny("Emergency.Host", "Emergency.Modules", "Emergency.Samples").GetResult();
        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Module_classes_are_sealed()
    {
        foreach (var assembly in ModuleAssemblies)
        {
            var result = Types.InAssembly(assembly).That().AreClasses().And().AreNotAbstract()
                .And().DoNotHaveNameStartingWith("<").And().DoNotResideInNamespaceContaining("Migrations")
                .And().DoNotHaveNameStartingWith("AspNetCoreGeneratedDocument")
                .Should().BeSealed().GetResult();
            result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
        }
    }
}
