using System.Net;
using Autofac;
using Emergency.Host.Access;
using Emergency.Host.Access.Data;
using Emergency.Host.Platform.Data;
using FluentAssertions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>Every page, tried by people of another county with this county's ids; and each post against each area.</summary>
public sealed class ScopeTests : PlatformTest
{
    private const string OtherCounty = "450998";

    /// <summary>Words only the demo county's pages contain.</summary>
    private static readonly string[] DemoCountyMarkers = ["青山", "河口村", "石门乡", "城关街道", TestApp.County];

    private static async Task SeedOtherCountyAsync(TestApp app)
    {
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new County
            {
                Code = OtherCounty,
                Name = "白石县",
                Modules = [new CountyModule { Module = "bulletins" }, new CountyModule { Module = "acknowledgements" }],
            });
            platform.Departments.Add(new Department { CountyCode = OtherCounty, Name = "白石县应急局", Type = DepartmentType.Emergency, Modules = [new DepartmentModule { Module = "bulletins" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await using var scope = app.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope();
        var platformDb = scope.Resolve<PlatformDbContext>();
        var department = await platformDb.Departments.SingleAsync(d => d.CountyCode == OtherCounty);
        var accounts = scope.Resolve<AccountService>();
        (await accounts.CreateAsync(new NewAccount("baishi-admin", "白石县管理员", Roles.CountyAdmin, OtherCounty, null, null, null, null, TestApp.Password), CancellationToken.None)).Succeeded.Should().BeTrue();
        (await accounts.CreateAsync(new NewAccount("baishi-user", "白石县应急局值班员", Roles.DepartmentUser, OtherCounty, department.Id, null, null, null, TestApp.Password), CancellationToken.None)).Succeeded.Should().BeTrue();
        foreach (var module in new[] { "bulletins", "acknowledgements" })
        {
            await app.Services.GetRequiredService<Emergency.BuildingBlocks.Persistence.StoreCatalog>()
                .MigrateAsync(Emergency.BuildingBlocks.Persistence.StoreKey.ForCounty(OtherCounty, module), CancellationToken.None);
        }
    }

    /// <summary>
    /// Pages the law makes public (一公开: the 双随机 results are published for anyone, without sign-in): another
    /// county's user sees them as everyone does. Their own tests check they show names and nothing else.
    /// </summary>
    private static readonly string[] PublicByLaw = ["enforcement/Public/{county}", "enforcement/Public/Index/{county}"];

    private static IReadOnlyList<string> PageRoutes(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(r => !r.StartsWith("Account", StringComparison.Ordinal) && r is not "Status" and not "Error" && !PublicByLaw.Contains(r))
            .Distinct()
            .OrderBy(r => r)
            .ToList();

    [Fact]
    public async Task Every_page_refuses_a_user_of_another_county_the_records_of_this_county()
    {
        await using var app = await StartAsync();
        await IssueBulletinAsync(app, "青山县防汛通知", "a@qingshan.gov.cn", InChinaTime(TimeSpan.FromDays(1)));
        await Eventually.WaitAsync(() => AcknowledgementsAsync(app, "青山县防汛通知"), n => n > 0);
        await SeedOtherCountyAsync(app);

        await using var scope = app.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope();
        var platform = scope.Resolve<PlatformDbContext>();
        var ids = new Dictionary<string, string>
        {
            ["department"] = (await platform.Departments.FirstAsync(d => d.CountyCode == TestApp.County)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["township"] = (await platform.Townships.FirstAsync(t => t.CountyCode == TestApp.County)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["village"] = (await platform.Villages.FirstAsync(v => v.CountyCode == TestApp.County)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["user"] = (await scope.Resolve<UserManager<PlatformUser>>().FindByNameAsync(Clerk))!.Id,
            ["record"] = "1",
        };
        var routes = PageRoutes(app);
        routes.Should().Contain(["bulletins", "acknowledgements"], "module pages are enumerated with the platform's");

        foreach (var userName in new[] { "baishi-admin", "baishi-user" })
        {
            var client = await app.AsAsync(userName);
            foreach (var route in routes)
            {
                foreach (var (kind, id) in ids)
                {
                    var path = "/" + System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)[^}]*\}", m =>
                        m.Groups[1].Value.Contains("code", StringComparison.OrdinalIgnoreCase) || m.Groups[1].Value.Contains("county", StringComparison.OrdinalIgnoreCase) ? TestApp.County : id);
                    var query = $"?id={Uri.EscapeDataString(id)}&code={TestApp.County}&county={TestApp.County}&departmentId={id}&townshipId={id}&villageId={id}&userId={Uri.EscapeDataString(id)}";
                    var response = await client.GetAsync(path + query);
                    var body = await response.Content.ReadAsStringAsync();
                    var because = $"{userName} GET {path} with the {kind} id of {TestApp.County}";

                    if (route.Contains('{', StringComparison.Ordinal))
                    {
                        response.StatusCode.Should().BeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], because);
                    }
                    else
                    {
                        response.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Forbidden], because);
                    }

                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        body.Should().NotContainAny(DemoCountyMarkers, because);
                    }
                }
            }
        }
    }

    public static TheoryData<string, string[], HttpStatusCode> Matrix() => new()
    {
        { "/", ["admin", "security", "auditor", "county-admin", "leader", "yjj", "slj", "qingshan", "hekou-grid"], HttpStatusCode.OK },
        { "/Platform/Counties", ["admin"], HttpStatusCode.Forbidden },
        { "/Admin/Mail", ["admin"], HttpStatusCode.Forbidden },
        { "/Admin/Messages", ["admin"], HttpStatusCode.Forbidden },
        { "/jobs", ["admin"], HttpStatusCode.Forbidden },
        { "/Security/Users", ["security"], HttpStatusCode.Forbidden },
        { "/Audit", ["auditor"], HttpStatusCode.Forbidden },
        { "/County/Settings", ["county-admin"], HttpStatusCode.Forbidden },
        { "/County/Departments", ["county-admin"], HttpStatusCode.Forbidden },
        { "/County/Users", ["county-admin"], HttpStatusCode.Forbidden },
        // A module: county-wide posts, townships, villages, and departments that enabled it (水利局 has not).
        { "/bulletins", ["county-admin", "leader", "yjj", "qingshan", "hekou-grid"], HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_post_reaches_exactly_the_areas_of_its_role(string path, string[] allowed, HttpStatusCode refusal)
    {
        await using var app = await StartAsync();
        foreach (var user in new[] { "admin", "security", "auditor", "county-admin", "leader", "yjj", "slj", "qingshan", "hekou-grid" })
        {
            var response = await (await app.AsAsync(user)).GetAsync(path);
            response.StatusCode.Should().Be(allowed.Contains(user) ? HttpStatusCode.OK : refusal, $"{user} GET {path}");
        }
    }
}
