using System.Net;
using System.Reflection;
using Emergency.BuildingBlocks.Auditing.Data;
using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>
/// The platform enforces what modules declare: a read-only post writes nothing anywhere, a page or handler
/// that names a permission refuses a post the module does not grant it to, and the module tabs show only
/// what the user may open.
/// </summary>
public sealed class PermissionsTests : PlatformTest
{
    /// <summary>Every POST handler of every module page: (path, handler or "" for OnPost).</summary>
    private static IEnumerable<(string Path, string Handler)> PostHandlers()
    {
        foreach (var module in ModuleRegistry.Modules)
        {
            var pages = module.Assembly.GetTypes()
                .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<AllowAnonymousAttribute>() is null);
            foreach (var page in pages)
            {
                var marker = $".Areas.{module.Name}.Pages";
                var ns = page.Namespace!;
                var folder = ns[(ns.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Replace('.', '/');
                var name = page.Name[..^"Model".Length];
                var path = $"/{module.Name}{folder}/{name}";
                foreach (var method in page.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                             .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
                {
                    var handler = method.Name["OnPost".Length..];
                    handler = handler.EndsWith("Async", StringComparison.Ordinal) ? handler[..^"Async".Length] : handler;
                    yield return (path, handler);
                }
            }
        }
    }

    [Fact]
    public async Task The_county_leader_is_refused_every_POST_handler_of_every_module_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var leader = await app.AsAsync("leader");
        var handlers = PostHandlers().ToList();
        handlers.Should().Contain(h => h.Path == "/grid/Hazards/Details" && h.Handler == "Assign").And.Contain(h => h.Path == "/experts/Rounds/Create");
        var before = await AuditCountAsync(app);

        foreach (var (path, handler) in handlers)
        {
            var target = $"{path}?id=1&handler={handler}";
            var response = await TestApp.PostFormAsync(leader, target, new Dictionary<string, string> { ["Input.Note"] = "县领导不能写" }, tokenFrom: "/Account/ChangePassword");
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"县领导 POST {target}");
        }

        (await AuditCountAsync(app)).Should().Be(before, "a refused write changes no store");
    }

    [Theory]
    [InlineData("qxj", "/experts/Import")] // 气象局: recommends, does not manage the county pool
    [InlineData("qxj", "/experts/Rounds/Create")]
    [InlineData("qingshan", "/experts/Dispatches/Create")] // a township recommends but does not dispatch
    [InlineData("hekou-grid", "/grid/Import")] // a grid member reports, does not manage grids
    [InlineData("yjj", "/grid/Hazards/Report")] // a department rectifies, does not report
    public async Task A_page_needing_a_permission_refuses_a_post_without_it(string user, string path)
    {
        await using var app = await StartAsync();

        var response = await (await app.AsAsync(user)).GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{user} GET {path}");
    }

    [Fact]
    public async Task A_handler_needing_a_permission_refuses_a_post_without_it_before_the_page_runs()
    {
        await using var app = await StartAsync();

        // 报到 is a department's step; a township user may open the hazard page but not report in.
        var response = await TestApp.PostFormAsync(await app.AsAsync("qingshan"), "/grid/Hazards/Details?id=1&handler=ReportIn",
            new Dictionary<string, string> { ["Input.Note"] = "乡镇不能报到" }, tokenFrom: "/Account/ChangePassword");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("leader", "/experts", "导入推荐", false)]
    [InlineData("leader", "/experts", "推荐专家", false)]
    [InlineData("yjj", "/experts", "导入推荐", true)]
    [InlineData("qxj", "/experts", "导入推荐", false)]
    [InlineData("qxj", "/experts", "推荐专家", true)]
    [InlineData("hekou-grid", "/grid", "上报隐患", true)]
    [InlineData("yjj", "/grid", "上报隐患", false)]
    [InlineData("leader", "/grid", "上报隐患", false)]
    public async Task Module_tabs_show_only_the_pages_the_user_may_open(string user, string path, string tab, bool shown)
    {
        await using var app = await StartAsync();

        var html = await (await app.AsAsync(user)).GetStringAsync(path);

        var tabs = html[html.IndexOf("nav-tabs", StringComparison.Ordinal)..];
        tabs = tabs[..tabs.IndexOf("</ul>", StringComparison.Ordinal)];
        (tabs.Contains(tab, StringComparison.Ordinal)).Should().Be(shown, $"{user} on {path}: tab {tab}");
    }

    private static async Task<int> AuditCountAsync(TestApp app)
    {
        await using var audit = (AuditDbContext)app.Services.GetRequiredService<StoreCatalog>().Open(StoreKey.Platform(AuditDbContext.StoreName));
        // What people wrote: the system's own writes (event handlers and jobs finishing the demo county's start in the
        // background) are not the leader's and may land at any moment of the test.
        return await audit.Entries.AsNoTracking().CountAsync(e => e.Action != "登录" && e.UserName != "系统");
    }
}
