using Autofac;
using Autofac.Extensions.DependencyInjection;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Access;
using Emergency.Host.Platform;
using FluentAssertions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Security.Claims;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>
/// What a request shares with others and what it must not (issue #16 made singletons, store contexts and the sign-in
/// cookie's decrypted value reusable between requests).
/// </summary>
public sealed class RequestServicesTests : PlatformTest
{
    [Fact]
    public async Task Requests_share_the_containers_singletons_but_never_a_service_of_their_own_scope()
    {
        await using var app = await StartAsync();
        var root = app.Services.GetRequiredService<ILifetimeScope>();
        var table = new SingletonTable(root);
        await using var firstScope = root.BeginLifetimeScope();
        await using var secondScope = root.BeginLifetimeScope();
        var first = new SharedServicesProvider(new AutofacServiceProvider(firstScope), table);
        var second = new SharedServicesProvider(new AutofacServiceProvider(secondScope), table);

        first.GetRequiredService<IOptions<SecurityOptions>>().Should().BeSameAs(second.GetRequiredService<IOptions<SecurityOptions>>());
        first.GetRequiredService<StoreWrites>().Should().BeSameAs(root.Resolve<StoreWrites>(), "a singleton is the container's own instance");

        first.GetRequiredService<ICountyContext>().Should().NotBeSameAs(second.GetRequiredService<ICountyContext>(), "each request has its own county");
        first.GetRequiredService<ICountyContext>().Set(TestApp.County);
        second.GetRequiredService<ICountyContext>().Set(TestApp.County);
        first.GetRequiredService<ICountyContext>().Should().BeSameAs(first.GetRequiredService<ICountyContext>(), "within a request it is one");
        first.GetRequiredService<IEnumerable<BuildingBlocks.Todo.ITodoSource>>().Should().NotIntersectWith(
            second.GetRequiredService<IEnumerable<BuildingBlocks.Todo.ITodoSource>>(), "a list of per-request services is made per request");

        first.GetService(typeof(IDisposableUnregistered)).Should().BeNull();
        var missing = () => first.GetRequiredService<IDisposableUnregistered>();
        missing.Should().Throw<Exception>("a service nobody registered is refused as before");
    }

    [Fact]
    public async Task A_store_context_back_from_its_pool_carries_nothing_of_its_last_use()
    {
        await using var app = await StartAsync();
        var key = StoreKey.ForCounty(TestApp.County, "experts");
        int outbox;
        await using (var used = app.OpenStore("experts"))
        {
            outbox = await used.OutboxMessages.CountAsync();
            used.SentReminders.Add(new BuildingBlocks.Reminders.SentReminder { Key = "never-saved", SentAtUtc = DateTime.UtcNow });
            used.PublishAfterSave(() => throw new InvalidOperationException("an event of an earlier use was built"));
        }

        await using var again = app.OpenStore("experts");
        again.ContextId.Lease.Should().BeGreaterThan(0, "contexts come from the store's pool");
        again.Key.Should().Be(key);
        again.ChangeTracker.Entries().Should().BeEmpty("an unsaved change of an earlier use is gone");
        again.SentReminders.Add(new BuildingBlocks.Reminders.SentReminder { Key = "saved", SentAtUtc = DateTime.UtcNow });
        (await again.SaveChangesAsync()).Should().Be(1);
        (await again.SentReminders.Select(r => r.Key).ToListAsync()).Should().Contain("saved").And.NotContain("never-saved");
        (await again.OutboxMessages.CountAsync()).Should().Be(outbox, "no event of an earlier use is published");
    }

    [Fact]
    public void A_remembered_sign_in_cookie_gives_each_request_its_own_copy_of_the_ticket()
    {
        var inner = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("cookie"));
        using var format = new RememberedTicketFormat(inner);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "yjj")], "cookie");
        var cookie = format.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UnixEpoch.AddYears(60) }, "cookie"));

        var first = format.Unprotect(cookie)!;
        first.Properties.ExpiresUtc = DateTimeOffset.UnixEpoch;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("added", "by a page"));
        var second = format.Unprotect(cookie)!;

        second.Should().NotBeSameAs(first);
        second.Principal.Identity!.Name.Should().Be("yjj");
        second.Properties.ExpiresUtc.Should().Be(DateTimeOffset.UnixEpoch.AddYears(60), "a change made while handling one request stays there");
        second.Principal.HasClaim("added", "by a page").Should().BeFalse();
        format.Unprotect(cookie + "x").Should().BeNull("a tampered value is refused");
        format.Unprotect(cookie, "another purpose").Should().BeNull("another purpose is decrypted as it always was");
    }

    private interface IDisposableUnregistered;
}
