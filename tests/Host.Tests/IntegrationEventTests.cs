using System.Net;
using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

public sealed class IntegrationEventTests : PlatformTest
{
    private static readonly Dictionary<string, string?> NoDispatcher = new() { ["Events:DispatcherEnabled"] = "false" };

    [Fact]
    public async Task A_bulletin_issued_in_one_module_becomes_an_acknowledgement_in_the_other()
    {
        await using var app = await StartAsync();

        var response = await IssueBulletinAsync(app, "防汛值班通知", "duty@qingshan.gov.cn", InChinaTime(TimeSpan.FromDays(1)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("已发布：防汛值班通知");
        var delivered = await Eventually.WaitAsync(() => AcknowledgementsAsync(app, "防汛值班通知"), n => n > 0);
        delivered.Should().Be(1);
        (await (await app.AsAsync(Clerk)).GetStringAsync("/acknowledgements")).Should().Contain("防汛值班通知").And.Contain("待签收");
    }

    [Fact]
    public async Task Bad_input_gets_Chinese_messages_beside_the_fields_and_nothing_is_saved()
    {
        await using var app = await StartAsync();

        var response = await IssueBulletinAsync(app, "", "not-an-email", InChinaTime(TimeSpan.FromHours(-1)));

        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("请填写标题").And.Contain("邮箱格式不正确");
        (await CountAsync(app, "bulletins", "SELECT COUNT(*) AS Value FROM Bulletins")).Should().Be(0);
        (await CountAsync(app, "bulletins", "SELECT COUNT(*) AS Value FROM OutboxMessages")).Should().Be(0);

        var late = await IssueBulletinAsync(app, "过期通知", "a@b.cn", InChinaTime(TimeSpan.FromHours(-1)));
        (await late.Content.ReadAsStringAsync()).Should().Contain("确认期限必须晚于当前时间");
        (await CountAsync(app, "bulletins", "SELECT COUNT(*) AS Value FROM Bulletins")).Should().Be(0);
    }

    [Fact]
    public async Task An_event_committed_just_before_a_crash_is_delivered_once_after_restart()
    {
        // The first run stops between commit and delivery: its dispatcher never runs.
        await using (var crashed = await StartAsync(NoDispatcher))
        {
            await IssueBulletinAsync(crashed, "地震应急演练通知", "a@qingshan.gov.cn", InChinaTime(TimeSpan.FromDays(2)));
            (await CountAsync(crashed, "bulletins", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE DispatchedAtUtc IS NULL")).Should().Be(1);
            (await AcknowledgementsAsync(crashed, "地震应急演练通知")).Should().Be(0);
        }

        await using (var restarted = await StartAsync())
        {
            (await Eventually.WaitAsync(() => AcknowledgementsAsync(restarted, "地震应急演练通知"), n => n > 0)).Should().Be(1);
        }

        await using var again = await StartAsync();
        await Task.Delay(1500);
        (await AcknowledgementsAsync(again, "地震应急演练通知")).Should().Be(1, "a restart does not deliver a delivered event again");
    }

    [Fact]
    public async Task Delivering_the_same_event_twice_has_one_effect()
    {
        await using var app = await StartAsync();
        await IssueBulletinAsync(app, "森林防火通知", "a@qingshan.gov.cn", InChinaTime(TimeSpan.FromDays(2)));
        await Eventually.WaitAsync(() => AcknowledgementsAsync(app, "森林防火通知"), n => n > 0);

        // As if the process died after the handler committed but before the outbox row was marked.
        await using (var bulletins = app.OpenStore("bulletins"))
        {
            await bulletins.OutboxMessages.ExecuteUpdateAsync(u => u.SetProperty(m => m.DispatchedAtUtc, (DateTime?)null));
        }

        await app.Services.GetRequiredService<OutboxDispatcher>()
            .DispatchAsync([StoreKey.ForCounty(TestApp.County, "bulletins")], CancellationToken.None);

        (await AcknowledgementsAsync(app, "森林防火通知")).Should().Be(1);
        await using var again = app.OpenStore("bulletins");
        (await again.OutboxMessages.CountAsync(m => m.DispatchedAtUtc != null)).Should().Be(1, "the second delivery completed");
    }

    [Fact]
    public async Task A_handler_that_keeps_failing_is_retried_with_backoff_then_parked_for_an_admin()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Events:MaxAttempts"] = "3" });

        await IssueBulletinAsync(app, "[故障]测试通知", "a@qingshan.gov.cn", InChinaTime(TimeSpan.FromDays(1)));

        var message = await Eventually.WaitAsync(async () =>
        {
            // Each retry falls due after its backoff: let time pass.
            Clock.Advance(TimeSpan.FromMinutes(5));
            await using var store = app.OpenStore("bulletins");
            return await store.OutboxMessages.AsNoTracking().SingleAsync();
        }, m => m.ParkedAtUtc is not null);
        message.ParkedAtUtc.Should().NotBeNull();
        message.Attempts.Should().Be(3);
        message.DispatchedAtUtc.Should().BeNull();
        message.LastError.Should().Contain("simulated handler failure");
        (await AcknowledgementsAsync(app, "[故障]测试通知")).Should().Be(0);

        var admin = await (await app.AsAsync("admin")).GetStringAsync("/admin/messages");
        admin.Should().Contain("BulletinIssued").And.Contain("simulated handler failure").And.Contain("重新投递");
    }

    [Fact]
    public async Task Events_of_a_county_whose_module_is_switched_off_are_not_handled_there()
    {
        await using var app = await StartAsync();
        await using (var platform = app.OpenPlatform())
        {
            platform.CountyModules.RemoveRange(platform.CountyModules.Where(m => m.Module == "acknowledgements"));
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await IssueBulletinAsync(app, "停用模块测试", "a@qingshan.gov.cn", InChinaTime(TimeSpan.FromDays(1)));

        await Eventually.WaitAsync(async () =>
        {
            await using var store = app.OpenStore("bulletins");
            return await store.OutboxMessages.CountAsync(m => m.DispatchedAtUtc != null);
        }, n => n > 0);
        (await AcknowledgementsAsync(app, "停用模块测试")).Should().Be(0);
    }
}

public sealed class StoreMaintenanceTests : PlatformTest
{
    [Fact]
    public async Task Maintenance_removes_old_delivered_events_keeps_parked_ones_and_truncates_the_WAL()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Events:MaxAttempts"] = "1" });
        // Due after the 31 days the clock moves, so the overdue-reminder job (on its own schedule) has nothing to
        // write into the store after the checkpoint.
        await IssueBulletinAsync(app, "保留期测试", "a@qingshan.gov.cn", InChinaTime(TimeSpan.FromDays(60)));
        await IssueBulletinAsync(app, "[故障]滞留保留", "a@qingshan.gov.cn", InChinaTime(TimeSpan.FromDays(60)));
        await Eventually.WaitAsync(async () =>
        {
            await using var store = app.OpenStore("bulletins");
            return await store.OutboxMessages.CountAsync(m => m.DispatchedAtUtc != null || m.ParkedAtUtc != null);
        }, n => n == 2);

        Clock.Advance(TimeSpan.FromDays(31));
        app.Services.GetRequiredService<Hangfire.IRecurringJobManager>().Trigger("platform:store-maintenance");

        var remaining = await Eventually.WaitAsync(async () =>
        {
            await using var store = app.OpenStore("bulletins");
            return await store.OutboxMessages.AsNoTracking().ToListAsync();
        }, rows => rows.Count == 1);
        remaining.Should().ContainSingle().Which.ParkedAtUtc.Should().NotBeNull("a parked message waits for an admin, however old");
        (await AcknowledgementsAsync(app, "保留期测试")).Should().Be(1);
        var wal = new FileInfo(Path.Combine(DataRoot, "counties", TestApp.County, "acknowledgements.db-wal"));
        (await Eventually.WaitAsync(() => { wal.Refresh(); return Task.FromResult(wal.Exists ? wal.Length : 0); }, n => n == 0))
            .Should().Be(0, "the checkpoint truncates the write-ahead log");
    }
}
