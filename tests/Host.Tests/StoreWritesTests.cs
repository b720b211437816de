using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>
/// The per-page caches (我的待办 counts, unread, units, settings) are invalidated by writes to the stores they read
/// only: a burst of writes in another module or county keeps them, a write to their store or an unknown one drops them.
/// </summary>
public sealed class StoreWritesTests : PlatformTest
{
    private static readonly StoreKey Teams = StoreKey.ForCounty(TestApp.County, "teams");

    private static readonly StoreKey Plans = StoreKey.ForCounty(TestApp.County, "plans");

    [Fact]
    public async Task A_cached_value_is_read_again_after_a_write_to_its_store_but_not_after_one_to_another_store()
    {
        var writes = new StoreWrites();
        var clock = new TestClock(DateTimeOffset.Parse("2026-11-23T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var cache = new WriteVersionedCache<string, int>(_ => writes.VersionOf(Teams), clock, TimeSpan.FromMinutes(1));
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);

        (await cache.GetAsync("qingshan", Load)).Should().Be(1);
        writes.Changed(Plans);
        writes.Changed(StoreKey.Platform("notices"));
        (await cache.GetAsync("qingshan", Load)).Should().Be(1, "writes to other stores leave it cached");

        writes.Changed(Teams);
        (await cache.GetAsync("qingshan", Load)).Should().Be(2, "a write to its own store drops it");
        writes.Changed(null);
        (await cache.GetAsync("qingshan", Load)).Should().Be(3, "a write to a store not known drops everything");
        clock.Advance(TimeSpan.FromMinutes(2));
        (await cache.GetAsync("qingshan", Load)).Should().Be(4, "and nothing is kept past its age");
    }

    [Fact]
    public async Task A_write_through_a_county_store_counts_for_that_store()
    {
        await using var app = await StartAsync();
        var writes = app.Services.GetRequiredService<StoreWrites>();
        var teams = StoreKey.ForCounty(TestApp.County, "teams");
        var before = writes.VersionOf(teams);
        await using (var store = app.OpenStore("teams"))
        {
            await store.Database.ExecuteSqlRawAsync("UPDATE SentReminders SET Key = Key WHERE 1 = 0");
        }

        writes.VersionOf(teams).Should().BeGreaterThan(before);
    }
}
