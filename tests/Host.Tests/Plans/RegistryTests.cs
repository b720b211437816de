using System.Net;
using Autofac;
using Emergency.Host.Access;
using Emergency.Host.Access.Data;
using Emergency.Host.Platform.Data;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Plans;

/// <summary>
/// The registry (预案目录): every plan but the county 总体预案 links to a higher plan, plans are seen by their own unit
/// and the county only (another township's or another county's plan is 404), the hierarchy and the plans a
/// township still lacks.
/// </summary>
public sealed class RegistryTests : PlansTest
{
    [Fact]
    public async Task A_lower_plan_without_a_higher_plan_is_refused_beside_the_field_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var township = await app.AsAsync(Township);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var before = await CountAsync(app, "SELECT COUNT(*) AS Value FROM Plans");

        var html = await (await TestApp.PostFormAsync(township, "/plans/Create", PlanFields("青山镇地震应急预案", "TownshipSpecial", $"township:{qingshan}", null, "EarthquakeGeology"))).Content.ReadAsStringAsync();
        System.Text.RegularExpressions.Regex.IsMatch(html, "data-testid=\"higher-error\"[^>]*>请选择上位预案：除县总体应急预案外，每个预案都必须衔接上位预案<")
            .Should().BeTrue("the message stands beside the higher-plan field");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Plans")).Should().Be(before, "nothing is written");

        // With its higher plan the same plan is registered, linked under it.
        var general = await GeneralAsync(app);
        var id = await RegisterAsync(app, township, "青山镇地震应急预案", "TownshipSpecial", $"township:{qingshan}", general, "EarthquakeGeology");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Plans WHERE Id = {id} AND HigherPlanId = {general} AND TownshipId = {qingshan} AND Category = 2")).Should().Be(1);
    }

    [Fact]
    public async Task A_township_user_cannot_open_another_townships_plan()
    {
        await using var app = await StartAsync();
        var shimen = await TownshipIdAsync(app, "石门乡");
        var general = await GeneralAsync(app);
        var bureau = await app.AsAsync(Bureau);
        var id = await RegisterAsync(app, bureau, "石门乡突发事件综合应急预案", "TownshipGeneral", $"township:{shimen}", general);
        (await UploadAsync(bureau, id, Pdf, "石门乡综合预案.pdf", "application/pdf")).EnsureSuccessStatusCode();
        var version = await NewestVersionAsync(app, id);

        var township = await app.AsAsync(Township);
        (await township.GetAsync($"/plans/Details?id={id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await township.GetAsync($"/plans/File?id={version}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the file is checked like the plan");
        Text(await township.GetStringAsync("/plans")).Should().NotContain("石门乡突发事件综合应急预案").And.Contain("青山县突发事件总体应急预案");
        var refused = await TestApp.PostFormAsync(township, $"/plans/Details?id={id}&handler=Submit", new Dictionary<string, string>(), "/plans/Create");
        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await bureau.GetAsync($"/plans/File?id={version}")).StatusCode.Should().Be(HttpStatusCode.OK, "the county sees every township's plans");
    }

    [Fact]
    public async Task Another_countys_plan_is_not_found()
    {
        const string other = "450997";
        await using var app = await StartAsync();
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new County { Code = other, Name = "白石县", Modules = [new CountyModule { Module = "plans" }] });
            platform.Departments.Add(new Department { CountyCode = other, Name = "白石县应急管理局", Type = DepartmentType.Emergency, Modules = [new DepartmentModule { Module = "plans" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await using (var scope = app.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope())
        {
            var department = await scope.Resolve<PlatformDbContext>().Departments.SingleAsync(d => d.CountyCode == other);
            (await scope.Resolve<AccountService>().CreateAsync(new NewAccount("baishi-yjj", "白石县应急局", Roles.DepartmentUser, other, department.Id, null, null, null, TestApp.Password), CancellationToken.None)).Succeeded.Should().BeTrue();
            await app.Services.GetRequiredService<Emergency.BuildingBlocks.Persistence.StoreCatalog>()
                .MigrateAsync(Emergency.BuildingBlocks.Persistence.StoreKey.ForCounty(other, "plans"), CancellationToken.None);
        }

        await using (var store = app.OpenStore("plans", other))
        {
            await store.Database.ExecuteSqlRawAsync(
                "INSERT INTO Plans (Id, Title, Type, OwnerLevel, OwnerName, EnterpriseName, Risks, Status, CreatedBy, CreatedAtUtc) " +
                "VALUES (9001, '白石县突发事件总体应急预案', 0, 0, '县人民政府', '', '', 1, 'baishi-yjj', '2026-01-01 00:00:00')");
        }

        Text(await (await app.AsAsync("baishi-yjj")).GetStringAsync("/plans/Details?id=9001")).Should().Contain("白石县突发事件总体应急预案");
        foreach (var user in new[] { Bureau, Township, "county-admin" })
        {
            (await (await app.AsAsync(user)).GetAsync("/plans/Details?id=9001")).StatusCode.Should().Be(HttpStatusCode.NotFound, $"{user} is of another county");
        }
    }

    [Fact]
    public async Task The_registry_filters_by_township_type_and_status_twenty_a_page_and_the_tree_puts_each_plan_under_its_higher_plan()
    {
        await using var app = await StartAsync(WithDemo);
        var bureau = await app.AsAsync(Bureau);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var general = await GeneralAsync(app);
        for (var i = 1; i <= 21; i++)
        {
            await RegisterAsync(app, bureau, $"青山镇企业现场处置方案{i:D2}", "EnterpriseOnSite", $"township:{qingshan}", general, enterprise: $"青山建材有限公司{i:D2}");
        }

        var first = Text(await bureau.GetStringAsync($"/plans?Township={qingshan}&Type=EnterpriseOnSite&Status=Drafting"));
        first.Should().Contain("第 1/2 页，共 21 个预案").And.Contain("青山镇企业现场处置方案20").And.NotContain("青山镇企业现场处置方案21").And.NotContain("青山镇突发事件综合应急预案");
        Text(await bureau.GetStringAsync($"/plans?Township={qingshan}&Type=EnterpriseOnSite&Status=Drafting&p=2")).Should().Contain("青山镇企业现场处置方案21");

        var tree = await bureau.GetStringAsync($"/plans/Tree?Township={qingshan}");
        tree.Should().MatchRegex("data-depth=\"0\">[^<]*<a[^>]*>青山县突发事件总体应急预案<");
        tree.Should().MatchRegex("data-depth=\"1\">[^<]*<a[^>]*>青山镇突发事件综合应急预案<");
        tree.Should().MatchRegex("data-depth=\"2\">[^<]*<a[^>]*>河口村突发事件“多合一”处置方案<");
    }

    [Fact]
    public async Task The_plans_a_township_still_lacks_are_listed_and_on_its_to_do_after_the_countys_date()
    {
        await using var app = await StartAsync(WithDemo);
        var lacks = Text(await (await app.AsAsync(Bureau)).GetStringAsync("/plans/Lacks"));
        // 青山镇 holds its 综合 and 防汛 (水旱) plans in the demo; 石门乡 holds none.
        lacks.Should().Contain("青山镇 生产安全事故专项应急预案、地震和地质灾害专项应急预案、气象灾害专项应急预案、消防火灾专项应急预案、森林草原火灾专项应急预案、自然灾害救助专项应急预案");
        lacks.Should().Contain("石门乡 综合应急预案、生产安全事故专项应急预案");

        // 2026-11-23 is past the default date 03-31: the township's 我的待办 lists what it lacks.
        var township = await app.AsAsync(Township);
        Text(await township.GetStringAsync("/")).Should().Contain("青山镇尚缺：生产安全事故专项应急预案、地震和地质灾害专项应急预案");

        // A 生产安全事故 special plan in force leaves the list.
        await IssuedTownshipPlanAsync(app, "青山镇生产安全事故专项应急预案", new DateOnly(2026, 11, 20), "TownshipSpecial", "Production");
        Text(await township.GetStringAsync("/plans/Lacks")).Should().Contain("青山镇 地震和地质灾害专项应急预案").And.NotContain("青山镇 生产安全事故");
        Text(await township.GetStringAsync("/plans/Lacks")).Should().NotContain("石门乡", "a township sees its own gaps");
    }
}
