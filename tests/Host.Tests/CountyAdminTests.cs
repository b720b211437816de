using System.Net;
using Autofac;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Email.Data;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Platform;
using Emergency.TestSupport;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

public sealed class CountyAdminTests : PlatformTest
{
    private const string CountyAdmin = "county-admin";

    private static async Task<int> DepartmentIdAsync(TestApp app, string name)
    {
        await using var platform = app.OpenPlatform();
        return await platform.Departments.Where(d => d.CountyCode == TestApp.County && d.Name == name).Select(d => d.Id).SingleAsync();
    }

    private static async Task<T> InCountyScopeAsync<T>(TestApp app, Func<ILifetimeScope, Task<T>> work)
    {
        await using var scope = app.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope();
        scope.Resolve<ICountyContext>().Set(TestApp.County);
        return await work(scope);
    }

    /// <summary>A setting as its module declares it (modules own their settings).</summary>
    private static IntSetting ModuleSetting(string key) =>
        ModuleRegistry.Modules.SelectMany(m => m.Settings).OfType<IntSetting>().Single(s => s.Key == key);

    private static async Task<Dictionary<string, string>> StoredSettingsAsync(TestApp app)
    {
        await using var platform = app.OpenPlatform();
        return await platform.CountySettings.AsNoTracking().Where(s => s.CountyCode == TestApp.County).ToDictionaryAsync(s => s.Key, s => s.Value);
    }

    [Fact]
    public async Task Enabling_a_module_for_a_department_opens_its_pages_to_the_department_users()
    {
        await using var app = await StartAsync();
        var water = await DepartmentIdAsync(app, "水利局");
        var slj = await app.AsAsync("slj");
        (await slj.GetAsync("/bulletins")).StatusCode.Should().Be(HttpStatusCode.NotFound, "水利局 has not switched the module on yet");

        var admin = await app.AsAsync(CountyAdmin);
        var page = await admin.GetStringAsync("/County/Departments");
        page.Should().Contain("水利局").And.Contain("通知公告").And.Contain("签收确认");

        var saved = await TestApp.PostFormAsync(admin, "/County/Departments", new Dictionary<string, string>
        {
            ["departmentId"] = water.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["modules"] = "bulletins",
        });

        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync()).Should().Contain("已保存“水利局”的模块设置");
        (await slj.GetAsync("/bulletins")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await slj.GetAsync("/acknowledgements")).StatusCode.Should().Be(HttpStatusCode.NotFound, "only the module ticked was switched on");

        // Unticking every box switches it off again.
        await TestApp.PostFormAsync(admin, "/County/Departments", new Dictionary<string, string> { ["departmentId"] = water.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        (await slj.GetAsync("/bulletins")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_module_the_county_may_not_use_cannot_be_switched_on_for_a_department()
    {
        await using var app = await StartAsync();
        await using (var platform = app.OpenPlatform())
        {
            platform.CountyModules.RemoveRange(platform.CountyModules.Where(m => m.Module == "acknowledgements"));
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        var water = await DepartmentIdAsync(app, "水利局");
        var admin = await app.AsAsync(CountyAdmin);

        var page = await admin.GetStringAsync("/County/Departments");
        page.Should().Contain("通知公告").And.NotContain("签收确认", "a module the county may not use is not offered");

        var refused = await TestApp.PostFormAsync(admin, "/County/Departments", new Dictionary<string, string>
        {
            ["departmentId"] = water.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["modules"] = "acknowledgements",
        });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("本县未获授权使用“签收确认”模块");
        await using var check = app.OpenPlatform();
        (await check.DepartmentModules.AnyAsync(m => m.DepartmentId == water)).Should().BeFalse("nothing was saved");
    }

    [Fact]
    public async Task A_department_of_another_county_is_not_found()
    {
        await using var app = await StartAsync();
        int other;
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = "450998", Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "bulletins" }] });
            var department = new Platform.Data.Department { CountyCode = "450998", Name = "白石县水利局", Type = Platform.Data.DepartmentType.Sector };
            platform.Departments.Add(department);
            await platform.SaveChangesAsync();
            other = department.Id;
        }

        var admin = await app.AsAsync(CountyAdmin);
        (await admin.GetStringAsync("/County/Departments")).Should().NotContain("白石县水利局");
        var response = await TestApp.PostFormAsync(admin, "/County/Departments", new Dictionary<string, string>
        {
            ["departmentId"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["modules"] = "bulletins",
        });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var check = app.OpenPlatform();
        (await check.DepartmentModules.AnyAsync(m => m.DepartmentId == other)).Should().BeFalse();
    }

    [Fact]
    public async Task A_changed_setting_is_saved_and_read_by_modules_and_the_default_is_not_stored()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(CountyAdmin);

        var page = await admin.GetStringAsync("/County/Settings");
        page.Should().Contain("每个单位推荐专家上限").And.Contain("默认：3 名").And.Contain("专家库").And.Contain("邮件（SMTP）");
        page.Should().Contain("社区网格最少户数").And.Contain("应急管理网格", "every module's settings are listed, grouped");

        var saved = await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string>
        {
            ["experts.recommendations-per-unit"] = "5",
            ["experts.term-years"] = "3",
        });

        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync()).Should().Contain("已保存 1 项设置");
        (await InCountyScopeAsync(app, s => s.Resolve<ICountySettings>().GetAsync(ModuleSetting("experts.recommendations-per-unit")))).Should().Be(5);
        (await InCountyScopeAsync(app, s => s.Resolve<ICountySettings>().GetAsync(ModuleSetting("experts.term-years")))).Should().Be(3);
        (await InCountyScopeAsync(app, s => s.Resolve<ICountySettings>().GetAsync(ModuleSetting("grid.photo-max-mb"), TestApp.County))).Should().Be(5, "a named county is read the same typed way");
        (await StoredSettingsAsync(app)).Should().Equal(new Dictionary<string, string> { ["experts.recommendations-per-unit"] = "5" }, "only values that differ from the default are stored");

        // Back to the default: the row goes.
        await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string> { ["experts.recommendations-per-unit"] = "3" });
        (await StoredSettingsAsync(app)).Should().BeEmpty();
        (await InCountyScopeAsync(app, s => s.Resolve<ICountySettings>().GetAsync(ModuleSetting("experts.recommendations-per-unit")))).Should().Be(3);
    }

    [Fact]
    public async Task An_out_of_range_value_shows_the_Chinese_message_beside_the_field_and_saves_nothing()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(CountyAdmin);
        await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string> { ["experts.recommendations-per-unit"] = "5" });

        var response = await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string>
        {
            ["experts.recommendations-per-unit"] = "0",
            ["experts.term-years"] = "4",
            ["mail.smtp-security"] = "Carrier pigeon",
        });

        var html = await response.Content.ReadAsStringAsync();
        html.Should().MatchRegex("data-error-for=\"experts.recommendations-per-unit\">每个单位推荐专家上限应在 1 到 50 之间<");
        html.Should().MatchRegex("data-error-for=\"mail.smtp-security\">SMTP 加密方式的取值无效<");
        html.Should().Contain("本次没有保存任何内容").And.Contain("value=\"0\"", "what was typed is shown again");
        (await StoredSettingsAsync(app)).Should().Equal(new Dictionary<string, string> { ["experts.recommendations-per-unit"] = "5" }, "the valid change in the same form is not saved either");
        (await InCountyScopeAsync(app, s => s.Resolve<ICountySettings>().GetAsync(ModuleSetting("experts.recommendations-per-unit")))).Should().Be(5);
    }

    [Fact]
    public async Task The_SMTP_password_is_never_shown_again_nor_stored_or_audited_in_clear()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(CountyAdmin);
        const string secret = "Smtp#Secret-2026";

        await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string> { ["mail.smtp-password"] = secret });

        var page = await admin.GetStringAsync("/County/Settings");
        page.Should().NotContain(secret).And.Contain("已设置");
        var stored = await StoredSettingsAsync(app);
        stored.Should().ContainKey("mail.smtp-password");
        stored["mail.smtp-password"].Should().NotContain(secret);
        (await InCountyScopeAsync(app, s => s.Resolve<ICountySettings>().GetAsync(CountySettingKeys.SmtpPassword))).Should().Be(secret);
        (await (await app.AsAsync("auditor")).GetStringAsync("/Audit?user=county-admin")).Should().Contain("CountySetting").And.NotContain(secret);

        // An empty field keeps the stored password; the "clear" box removes it.
        await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string> { ["mail.smtp-password"] = "", ["experts.recommendations-per-unit"] = "6" });
        (await InCountyScopeAsync(app, s => s.Resolve<ICountySettings>().GetAsync(CountySettingKeys.SmtpPassword))).Should().Be(secret);
        await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string> { ["clear:mail.smtp-password"] = "true" });
        (await StoredSettingsAsync(app)).Should().NotContainKey("mail.smtp-password");
    }

    [Fact]
    public async Task Other_posts_cannot_open_the_county_admin_pages()
    {
        await using var app = await StartAsync();
        foreach (var user in new[] { "admin", "security", "leader", Clerk })
        {
            var client = await app.AsAsync(user);
            foreach (var path in new[] { "/County/Settings", "/County/Departments", "/County/Users" })
            {
                (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{user} on {path}");
            }
        }
    }

    [Fact]
    public async Task The_mail_of_a_county_goes_through_the_SMTP_server_its_admin_set()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync();
        var provider = app.Services.GetRequiredService<ISmtpSettingsProvider>();
        provider.Should().BeOfType<CountySmtpSettings>("the county's settings replace the configured server");
        (await provider.ForCountyAsync(TestApp.County, CancellationToken.None)).IsConfigured.Should().BeFalse("no server is configured and the county set none");

        var admin = await app.AsAsync(CountyAdmin);
        await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string>
        {
            ["mail.smtp-host"] = smtp.Host,
            ["mail.smtp-port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["mail.smtp-security"] = "None",
            ["mail.from-address"] = "yjj@qingshan.gov.cn",
            ["mail.from-name"] = "青山县应急管理局",
        });
        ((CountySmtpSettings)provider).Invalidate(TestApp.County);

        await using (var mail = app.OpenMail())
        {
            mail.Messages.Add(new MailMessage
            {
                Id = Guid.NewGuid(),
                County = TestApp.County,
                Source = "test",
                To = "zhangsan@qingshan.gov.cn",
                Subject = "县级邮件服务器测试",
                TextBody = "测试",
                CreatedAtUtc = Clock.GetUtcNow().UtcDateTime,
                Status = MailStatus.Pending,
            });
            await mail.SaveChangesAsync();
        }

        var received = await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
        received[0].Subject.Should().Be("县级邮件服务器测试");
        received[0].From.Mailboxes.Single().Address.Should().Be("yjj@qingshan.gov.cn");
        received[0].From.Mailboxes.Single().Name.Should().Be("青山县应急管理局");
    }
}
