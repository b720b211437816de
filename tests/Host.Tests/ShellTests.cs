using System.Net;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Emergency.Host.Tests;

public sealed class ShellTests : PlatformTest
{
    [Fact]
    public async Task Home_page_speaks_Chinese_in_UTF8_and_lists_the_county_modules()
    {
        await using var app = await StartAsync();

        var html = await (await app.AsAsync(Clerk)).GetStringAsync("/");

        html.Should().Contain("县级应急管理平台").And.Contain("青山县").And.Contain("通知公告").And.Contain("签收确认");
        html.Should().NotContain("&#x", "Chinese must be written as UTF-8, not as character entities");
        html.Should().Contain("lang=\"zh-CN\"");
    }

    [Fact]
    public async Task English_is_the_second_language_when_the_user_asks_for_it()
    {
        await using var app = await StartAsync();

        var clerk = await app.AsAsync(Clerk);
        var html = await clerk.GetStringAsync("/?culture=en&ui-culture=en");

        html.Should().Contain("County Emergency Management Platform").And.Contain("Bulletins");
        (await clerk.GetStringAsync("/")).Should().Contain("Acknowledgements", "the choice is kept in a cookie");
    }

    [Fact]
    public async Task Assets_are_served_locally_with_no_CDN_and_health_answers()
    {
        await using var app = await StartAsync();

        var html = await (await app.AsAsync(Clerk)).GetStringAsync("/");
        html.Should().NotMatchRegex("(src|href)=\"(https?:)?//", "pages may not load anything from another host");
        (await app.Http.GetAsync("/lib/bootstrap/bootstrap.min.css")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.Http.GetStringAsync("/healthz")).Should().Be("Healthy");
        (await (await app.AsAsync("admin")).GetAsync("/jobs")).StatusCode.Should().Be(HttpStatusCode.OK, "the platform admin sees the Hangfire dashboard");
        (await (await app.AsAsync(Clerk)).GetAsync("/jobs")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "nobody else does");
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        await using var app = await StartAsync();

        var response = await app.Http.GetAsync("/");

        response.Headers.GetValues("X-Content-Type-Options").Should().Contain("nosniff");
        string.Join(' ', response.Headers.GetValues("Content-Security-Policy")).Should().Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline");
    }

    [Fact]
    public async Task Each_module_has_its_own_WAL_database_file_per_county()
    {
        await using (var first = await StartAsync())
        {
            await using var platform = first.OpenPlatform();
            platform.Counties.Add(new Platform.Data.County
            {
                Code = "450998",
                Name = "白石县",
                Modules = [new Platform.Data.CountyModule { Module = "bulletins" }],
            });
            await platform.SaveChangesAsync();
        }

        // Migrations run at start-up for every county and module.
        await using var app = await StartAsync();
        foreach (var county in new[] { "450999", "450998" })
        {
            foreach (var module in new[] { "bulletins", "acknowledgements" })
            {
                var file = Path.Combine(DataRoot, "counties", county, $"{module}.db");
                File.Exists(file).Should().BeTrue($"{file} should exist");
                await using var connection = new SqliteConnection($"Data Source={file}");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                (await command.ExecuteScalarAsync()).Should().Be("wal");
            }
        }

        File.Exists(Path.Combine(DataRoot, "platform.db")).Should().BeTrue();
        File.Exists(Path.Combine(DataRoot, "mail.db")).Should().BeTrue();
    }

    [Fact]
    public async Task A_module_the_county_may_not_use_has_no_entry_and_its_pages_answer_404()
    {
        await using var app = await StartAsync();
        await using (var platform = app.OpenPlatform())
        {
            platform.CountyModules.RemoveRange(platform.CountyModules.Where(m => m.Module == "bulletins"));
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();

        var clerk = await app.AsAsync(Clerk);
        (await clerk.GetAsync("/bulletins")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var home = await clerk.GetStringAsync("/");
        home.Should().NotContain("通知公告").And.Contain("签收确认");
    }
}
