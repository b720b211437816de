using System.Net;
using Autofac;
using Emergency.BuildingBlocks.Auditing.Data;
using Emergency.BuildingBlocks.Persistence;
using Emergency.Host.Access;
using Emergency.Host.Access.Data;
using FluentAssertions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

public sealed class AccessTests : PlatformTest
{
    private static Task<HttpResponseMessage> SignInAsync(TestApp app, HttpClient client, string user, string password) =>
        TestApp.PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = password });

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_except_for_health()
    {
        await using var app = await StartAsync();
        var client = app.NewClient();

        var home = await client.GetAsync("/bulletins");

        home.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/Account/Login");
        (await home.Content.ReadAsStringAsync()).Should().Contain("登录");
        (await client.GetStringAsync("/healthz")).Should().Be("Healthy");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_thirty_minutes()
    {
        await using var app = await StartAsync();
        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await SignInAsync(app, client, "slj", "Wrong#Pass1");
            (await wrong.Content.ReadAsStringAsync()).Should().Contain(i < 4 ? "用户名或密码错误" : "账号已锁定");
        }

        var right = await SignInAsync(app, client, "slj", TestApp.Password);
        (await right.Content.ReadAsStringAsync()).Should().Contain("账号已锁定，请 30 分钟后再试");
        right.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/Account/Login");
    }

    [Theory]
    [InlineData("short1A", "密码至少 8 位")]
    [InlineData("alllowercase1", "至少三类")]
    [InlineData("Xslj#2026abc", "密码不能包含用户名")]
    public async Task A_weak_password_is_refused_with_a_Chinese_message(string password, string message)
    {
        await using var app = await StartAsync();
        var client = await app.AsAsync("slj");

        var response = await TestApp.PostFormAsync(client, "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestApp.Password,
            ["NewPassword"] = password,
            ["ConfirmPassword"] = password,
        });

        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
        var again = app.NewClient();
        (await SignInAsync(app, again, "slj", TestApp.Password)).RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/", "the old password still works");
    }

    [Fact]
    public async Task An_idle_session_ends_after_thirty_minutes_and_a_busy_one_after_twelve_hours()
    {
        await using var app = await StartAsync();
        var idle = await app.AsAsync("slj");
        Clock.Advance(TimeSpan.FromMinutes(31));
        (await idle.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/Account/Login");

        var busy = app.NewClient();
        await SignInAsync(app, busy, "yjj", TestApp.Password);
        for (var hour = 0; hour < 11; hour++)
        {
            for (var step = 0; step < 3; step++)
            {
                Clock.Advance(TimeSpan.FromMinutes(20));
                (await busy.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/", $"still active after {hour}h");
            }
        }

        for (var step = 0; step < 3; step++)
        {
            Clock.Advance(TimeSpan.FromMinutes(20));
            await busy.GetAsync("/");
        }

        // 12 hours and 20 minutes after signing in, however busy.
        Clock.Advance(TimeSpan.FromMinutes(20));
        (await busy.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/Account/Login", "a session lasts 12 hours at most");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var client = await app.AsAsync(Clerk);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Title"] = "伪造请求",
            ["Input.ContactEmail"] = "a@b.cn",
            ["Input.AcknowledgeBy"] = InChinaTime(TimeSpan.FromDays(1)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        var response = await client.PostAsync("/bulletins", form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CountAsync(app, "bulletins", "SELECT COUNT(*) AS Value FROM Bulletins")).Should().Be(0);
    }

    [Fact]
    public async Task No_account_may_hold_two_of_the_three_separated_powers()
    {
        await using var app = await StartAsync();
        await using var scope = app.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope();
        var users = scope.Resolve<UserManager<PlatformUser>>();
        var accounts = scope.Resolve<AccountService>();
        var admin = (await users.FindByNameAsync("admin"))!;

        (await accounts.AddRoleAsync(admin, Roles.AuditAdmin)).Should().Contain("三权分立");
        (await accounts.AddRoleAsync((await users.FindByNameAsync("security"))!, Roles.PlatformAdmin)).Should().Contain("三权分立");
        (await users.GetRolesAsync(admin)).Should().BeEquivalentTo([Roles.PlatformAdmin]);
    }

    [Fact]
    public async Task The_first_admin_without_a_configured_password_gets_a_one_time_password_to_change()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Bootstrap:AdminPassword"] = "" });
        await using var scope = app.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope();

        var admin = await scope.Resolve<UserManager<PlatformUser>>().FindByNameAsync("admin");

        admin!.MustChangePassword.Should().BeTrue();
        (await scope.Resolve<UserManager<PlatformUser>>().CheckPasswordAsync(admin, TestApp.Password)).Should().BeFalse("there is no default password");
    }

    [Fact]
    public async Task Users_of_a_suspended_county_cannot_sign_in_and_are_signed_out()
    {
        await using var app = await StartAsync();
        var signedIn = await app.AsAsync("yjj");
        await using (var platform = app.OpenPlatform())
        {
            (await platform.Counties.SingleAsync(c => c.Code == TestApp.County)).Active = false;
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();

        (await signedIn.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/Account/Login");
        var response = await SignInAsync(app, app.NewClient(), "slj", TestApp.Password);
        (await response.Content.ReadAsStringAsync()).Should().Contain("所属县区已停用");
    }

    [Fact]
    public async Task Every_write_and_every_sign_in_is_audited()
    {
        await using var app = await StartAsync();
        await SignInAsync(app, app.NewClient(), "slj", "Wrong#Pass1");
        await IssueBulletinAsync(app, "审计测试通知", "a@qingshan.gov.cn", InChinaTime(TimeSpan.FromDays(1)));
        await Eventually.WaitAsync(() => AcknowledgementsAsync(app, "审计测试通知"), n => n > 0);

        await using var audit = (AuditDbContext)app.Services.GetRequiredService<StoreCatalog>().Open(StoreKey.Platform(AuditDbContext.StoreName));
        var entries = await audit.Entries.AsNoTracking().ToListAsync();

        entries.Should().Contain(e => e.UserName == "slj" && e.Action == "登录" && e.Outcome == "失败");
        entries.Should().Contain(e => e.UserName == Clerk && e.Action == "登录" && e.Outcome == "成功");
        var write = entries.Should().Contain(e => e.Module == "bulletins" && e.Entity == "Bulletin" && e.Action == "新增").Which;
        write.UserName.Should().Be(Clerk);
        write.County.Should().Be(TestApp.County);
        write.Summary.Should().Contain("审计测试通知");
        entries.Should().Contain(e => e.Module == "acknowledgements" && e.Entity == "Acknowledgement" && e.UserName == "系统", "handlers write as the system");
        entries.Should().NotContain(e => e.Summary.Contains("PasswordHash=A", StringComparison.Ordinal), "secrets never reach the log");
    }
}

public sealed class AuditSummaryTests : PlatformTest
{
    [Fact]
    public async Task The_audit_summary_hides_password_hashes_but_shows_account_flags()
    {
        await using var app = await StartAsync();
        await using var scope = app.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope();
        var created = await scope.Resolve<AccountService>().CreateAsync(
            new NewAccount("audit-probe", "审计探针", Roles.CountyLeader, TestApp.County, null, null, null, null, null), CancellationToken.None);
        created.Succeeded.Should().BeTrue();

        await using var audit = (AuditDbContext)app.Services.GetRequiredService<StoreCatalog>().Open(StoreKey.Platform(AuditDbContext.StoreName));
        var entry = await audit.Entries.AsNoTracking().FirstAsync(e => e.Entity == "PlatformUser" && e.Action == "新增" && e.EntityId == created.User!.Id);

        entry.Summary.Should().Contain("PasswordHash=***").And.Contain("SecurityStamp=***").And.Contain("MustChangePassword=True");
        entry.Summary.Should().NotContain(created.User!.PasswordHash!);
    }
}
