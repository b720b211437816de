using System.Globalization;
using FluentAssertions;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

/// <summary>The bureau changing an expert's employer publishes ExpertEmployerChanged (once, only when it changed).</summary>
public sealed class ExpertEmployerTests : ExpertsTest
{
    private static List<KeyValuePair<string, string>> Form(string employer, int field) =>
    [
        new("Input.Mobile", "13800000000"),
        new("Input.Email", "xuqing@expert.example.cn"),
        new("Input.Employer", employer),
        new("Input.EmployerEmail", ""),
        new("Input.Title", "高级工程师"),
        new("Input.FieldIds", field.ToString(CultureInfo.InvariantCulture)),
    ];

    [Fact]
    public async Task The_bureau_changing_an_employer_publishes_ExpertEmployerChanged_and_another_edit_does_not()
    {
        await using var app = await StartAsync();
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var expert = await SeedExpertAsync(app, "许晴", "气象灾害", 0, weatherId, "xuqing@expert.example.cn", null, departmentName: "气象局");
        var field = await FieldIdAsync(app, "气象灾害");
        var bureau = await app.AsAsync(Bureau);
        var path = "/experts/Profile/Edit?id=" + expert.ToString(CultureInfo.InvariantCulture);

        Text(await (await RecommendationSteps.PostPairsAsync(bureau, path, Form("青山镇人民政府", field))).Content.ReadAsStringAsync()).Should().Contain("已修改 许晴 的信息");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%.ExpertEmployerChanged'")).Should().Be(1);

        var form = Form("青山镇人民政府", field);
        form[0] = new("Input.Mobile", "13911112222");
        Text(await (await RecommendationSteps.PostPairsAsync(bureau, path, form)).Content.ReadAsStringAsync()).Should().Contain("已修改 许晴 的信息");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%.ExpertEmployerChanged'")).Should().Be(1, "the employer did not change");
    }
}
