using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Modules;
using FluentAssertions;
using NetArchTest.Rules;
using Xunit;

namespace Emergency.Architecture.Tests;

/// <summary>
/// A page model binds, calls and renders: it publishes no event, opens no transaction and writes no mail
/// itself (those belong to the entity or a domain class that pages and jobs share); and a module's Domain
/// does not reach back into its pages.
/// </summary>
public sealed partial class SliceShapeTests
{
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Monolith.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Monolith.sln) was not found above " + AppContext.BaseDirectory);
    }

    public static TheoryData<string> Forbidden() => new() { "Publish", "BeginTransaction", "new EmailRequested" };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void No_page_of_any_module_does_this_itself(string what)
    {
        var pattern = what switch
        {
            "Publish" => PublishCall(),
            "BeginTransaction" => TransactionCall(),
            _ => EmailConstruction(),
        };
        var pages = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "Modules"), "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Areas{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        pages.Should().NotBeEmpty();

        var offenders = pages.Where(f => pattern.IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(RepositoryRoot(), f)).ToList();

        offenders.Should().BeEmpty($"pages call a domain class or the entity instead of '{what}'");
    }

    [Theory]
    [MemberData(nameof(ModuleBoundaryTests.ModuleNames), MemberType = typeof(ModuleBoundaryTests))]
    public void A_modules_Domain_does_not_depend_on_its_pages(string name)
    {
        var module = ModuleBoundaryTests.Modules.Single(m => m.Name == name);
        var root = module.GetType().Namespace!;

        var result = Types.InAssembly(module.Assembly).That().ResideInNamespace(root + ".Domain")
            .ShouldNot().HaveDependencyOn(root + ".Areas").GetResult();

        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Every_declared_permission_is_granted_to_a_post_and_never_to_the_read_only_leader()
    {
        var permissions = ModuleBoundaryTests.Modules.SelectMany(m => m.Permissions).ToList();

        permissions.Should().NotBeEmpty();
        permissions.Should().OnlyContain(p => p.GrantedTo.Count > 0 && !p.GrantedTo.Contains(BuildingBlocks.Access.Post.CountyLeader));
        permissions.Select(p => p.Name).Should().OnlyHaveUniqueItems();
    }

    [GeneratedRegex(@"\.Publish(AfterSave)?\(")]
    private static partial Regex PublishCall();

    [GeneratedRegex(@"BeginTransaction")]
    private static partial Regex TransactionCall();

    [GeneratedRegex(@"new\s+EmailRequested\b")]
    private static partial Regex EmailConstruction();
}
