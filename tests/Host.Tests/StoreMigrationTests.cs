using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>
/// Start-up checks each store's migrations from the history table alone (issue #16: no EF model is built for a
/// store that is up to date), and still migrates a store that lacks one.
/// </summary>
public sealed class StoreMigrationTests : PlatformTest
{
    private static readonly StoreKey Experts = StoreKey.ForCounty(TestApp.County, "experts");

    [Fact]
    public async Task A_migrated_store_counts_as_current_and_one_missing_a_migration_does_not()
    {
        await using var app = await StartAsync();
        var options = app.Services.GetRequiredService<StoreOptionsFactory>();
        var contextType = ContextType(app, "experts");

        (await options.IsCurrentAsync(contextType, Experts, CancellationToken.None)).Should().BeTrue("start-up migrated the county's experts store");

        string latest;
        await using (var store = app.OpenStore("experts"))
        {
            latest = (await store.Database.SqlQueryRaw<string>("SELECT MigrationId AS Value FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1").ToListAsync()).Single();
            await store.Database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsHistory WHERE MigrationId = {0}", latest);
        }

        (await options.IsCurrentAsync(contextType, Experts, CancellationToken.None)).Should().BeFalse("the store lacks " + latest);
    }

    [Fact]
    public async Task A_store_file_that_does_not_exist_yet_is_not_current_and_is_created_by_migrating()
    {
        await using var app = await StartAsync();
        var options = app.Services.GetRequiredService<StoreOptionsFactory>();
        var catalog = app.Services.GetRequiredService<StoreCatalog>();
        var newCounty = StoreKey.ForCounty("450998", "experts");

        (await options.IsCurrentAsync(ContextType(app, "experts"), newCounty, CancellationToken.None)).Should().BeFalse();
        await catalog.MigrateAsync(newCounty, CancellationToken.None);
        (await options.IsCurrentAsync(ContextType(app, "experts"), newCounty, CancellationToken.None)).Should().BeTrue();
        await using var store = catalog.Open(newCounty);
        (await store.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM Experts").ToListAsync()).Single().Should().Be(0, "the new store has its tables");
    }

    private static Type ContextType(TestApp app, string store) =>
        app.Services.GetRequiredService<StoreCatalog>().Registrations.Single(r => r.Name == store).Store.ContextType;
}
