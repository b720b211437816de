using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Training;

public sealed class TrainingDemoTests : TrainingTest
{
    [Fact]
    public async Task The_demo_county_has_a_past_closed_county_session_and_a_township_session_next_week()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Demo:ModuleData"] = "true" });
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Sessions WHERE Status = 1 AND TownshipId IS NULL")).Should().Be(1);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Sessions WHERE Status = 0 AND TownshipId IS NOT NULL")).Should().Be(1);

        var township = await app.AsAsync(Township);
        var list = Text(await township.GetStringAsync("/training"));
        list.Should().Contain("村（社区）应急避险转移现场教学").And.Contain("乡镇应急管理业务培训（防汛与地质灾害）");
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var owed = await township.GetStringAsync("/training/Owed?year=2026");
        var row = Regex.Match(owed, $"<tr data-unit=\"township-{qingshan}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Text(row.Groups[1].Value).Trim().Should().StartWith("青山镇 乡镇（街道） 10 1 1 9");

        // The demo's team members (65) and grid members (one per village, 11) reach Training as known people.
        (await Eventually.WaitAsync(() => CountAsync(app, "SELECT COUNT(*) AS Value FROM KnownPeople WHERE Active = 1"), n => n == 76, TimeSpan.FromSeconds(40))).Should().Be(76);
        Text(await township.GetStringAsync("/training/Skills")).Should().Contain("河口村应急救援分队").And.Contain("网格员");
    }
}
