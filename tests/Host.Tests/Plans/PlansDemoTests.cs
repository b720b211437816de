using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Plans;

public sealed class PlansDemoTests : PlansTest
{
    [Fact]
    public async Task The_demo_county_has_county_and_township_plans_one_filed_and_one_awaiting_filing()
    {
        await using var app = await StartAsync(WithDemo);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Plans WHERE OwnerLevel = 0 AND Status = 1")).Should().Be(2);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Filings WHERE State = 3")).Should().Be(1);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Filings WHERE State = 0")).Should().Be(1);

        var township = await app.AsAsync(Township);
        var list = Text(await township.GetStringAsync("/plans"));
        list.Should().Contain("青山镇突发事件综合应急预案 乡镇综合应急预案 青山镇 现行有效 已登记备案");
        list.Should().Contain("青山镇防汛抗旱专项应急预案 乡镇专项应急预案 （水旱灾害） 青山镇 现行有效 待报送备案");
        Text(await township.GetStringAsync("/")).Should().Contain("青山镇防汛抗旱专项应急预案：请于");
    }

    [Fact]
    public async Task The_demo_plans_in_force_are_told_to_Training_so_a_township_can_pick_them_for_a_drill()
    {
        await using var app = await StartAsync(WithDemo);
        var township = await app.AsAsync(Township);
        var form = "";
        await Eventually.WaitAsync(async () => form = Text(await township.GetStringAsync("/training/Drills/Create")), f => f.Contains("青山镇防汛抗旱专项应急预案"));
        form.Should().Contain("青山镇突发事件综合应急预案").And.NotContain("多合一处置方案", "a plan in draft is not issued");
    }
}
