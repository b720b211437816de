using System.Net;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Experts;

public sealed class FieldsTests : ExpertsTest
{
    [Fact]
    public async Task A_new_county_store_has_the_four_categories_and_fields_of_seed_000_with_their_recommending_units()
    {
        await using var app = await StartAsync();
        var page = Text(await (await app.AsAsync(Weather)).GetStringAsync("/experts/Fields"));

        page.Should().Contain("自然灾害类").And.Contain("事故灾难类").And.Contain("公共卫生类").And.Contain("社会安全类");
        page.Should().Contain("水旱灾害 水利局").And.Contain("群体性事件 县委政法委（维稳办）");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Fields")).Should().Be(24);
    }

    [Fact]
    public async Task The_emergency_bureau_adds_and_retires_a_field_and_other_departments_may_not()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var added = await TestApp.PostFormAsync(bureau, "/experts/Fields?handler=Save", new Dictionary<string, string>
        {
            ["Input.Category"] = "AccidentDisaster",
            ["Input.Name"] = "尾矿库安全",
            ["Input.RecommendingUnits"] = "应急管理局",
        }, tokenFrom: "/experts/Fields");
        Text(await added.Content.ReadAsStringAsync()).Should().Contain("已添加领域：尾矿库安全");

        var duplicate = await TestApp.PostFormAsync(bureau, "/experts/Fields?handler=Save", new Dictionary<string, string>
        {
            ["Input.Category"] = "AccidentDisaster",
            ["Input.Name"] = "尾矿库安全",
        }, tokenFrom: "/experts/Fields");
        Text(await duplicate.Content.ReadAsStringAsync()).Should().Contain("已有同名领域");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Fields WHERE Name = '尾矿库安全'")).Should().Be(1);

        var weather = await app.AsAsync(Weather);
        (await weather.GetStringAsync("/experts/Fields")).Should().NotContain("field-form", "only the county manages the field list");
        var refused = await TestApp.PostFormAsync(weather, "/experts/Fields?handler=Save", new Dictionary<string, string>
        {
            ["Input.Category"] = "AccidentDisaster",
            ["Input.Name"] = "气象局自加领域",
        }, tokenFrom: "/Account/ChangePassword");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Fields WHERE Name = '气象局自加领域'")).Should().Be(0);
    }

    [Fact]
    public async Task A_department_that_has_not_switched_the_module_on_gets_404()
    {
        await using var app = await StartAsync();
        (await (await app.AsAsync(Water)).GetAsync("/experts/Fields")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await app.AsAsync(Weather)).GetAsync("/experts/Fields")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
