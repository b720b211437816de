using System.Net;
using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>应急值守 rosters: entry a week at a time, editing a day, the refusals, who keeps and who sees which roster.</summary>
public sealed class DutyRosterTests : DutyTest
{
    [Fact]
    public async Task The_bureau_enters_a_week_of_the_county_roster_and_edits_a_day()
    {
        await using var app = await StartAsync();
        var week = Enumerable.Range(0, 7).Select(i => new Day($"2026-11-{23 + i}", "王局长|13907710001|", "张值班|13907710002|", "")).ToArray();
        Ok(await EnterAsync(app, Bureau, 0, week), "已保存 7 天的值班安排");
        (await ShiftsAsync(app)).Should().Be(14);

        Ok(await EnterAsync(app, Bureau, 0, new Day("2026-11-25", "李副局长|13907710003|", "张值班|13907710002|", "赵值班|13907710004|")), "已保存 1 天的值班安排");
        (await ShiftsAsync(app)).Should().Be(15);
        var page = Text(await (await app.AsAsync(Bureau)).GetStringAsync("/teams/Duty?Roster=0&Month=2026-11"));
        page.Should().Contain("2026-11-25 周三 李副局长 13907710003 张值班 13907710002 赵值班 13907710004").And.Contain("2026-11-24 周二 王局长");

        // Everyone of the county reads the county roster; the township and the village read it too.
        Text(await (await app.AsAsync(Village)).GetStringAsync("/teams/Duty?Roster=0&Month=2026-11")).Should().Contain("李副局长");
    }

    [Fact]
    public async Task A_day_without_a_leader_a_past_day_and_a_person_twice_are_refused_beside_the_fields_and_nothing_is_saved()
    {
        await using var app = await StartAsync();
        var (response, text) = await EnterAsync(app, Bureau, 0,
            new Day("2026-11-22", "王局长|13907710001|", "张值班|13907710002|"),
            new Day("2026-11-24", null, "张值班|13907710002|"),
            new Day("2026-11-25", "王局长|13907710001|", "王局长|13907710001|"),
            new Day("2026-11-26", "王局长|13907710001|", "张值班|1390771|"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        text.Should().Contain("2026-11-22 已过去，不能再排班")
            .And.Contain("2026-11-24 请填写带班领导")
            .And.Contain("王局长 在 2026-11-25 已排班，同一人一天只排一次")
            .And.Contain("手机号码应为以 1 开头的 11 位数字");
        (await ShiftsAsync(app)).Should().Be(0, "one refused day refuses the whole form");

        (await EnterAsync(app, Bureau, 0, new Day("2026-11-24", "王局长|13907710001|"))).Text.Should().Contain("2026-11-24 请至少填写一名值班员");
        (await ShiftsAsync(app)).Should().Be(0);
    }

    [Fact]
    public async Task The_county_roster_is_the_bureaus_a_township_roster_its_townships_and_a_leader_only_reads()
    {
        await using var app = await StartAsync();
        await AccountAsync(app, Shimen, "石门乡");
        var qingshan = await TownshipIdAsync(app);
        var day = new Day("2026-11-24", "韦镇长|13907710011|", "蓝干事|13907710012|");

        Ok(await EnterAsync(app, Township, qingshan, day), "已保存 1 天的值班安排");
        (await EnterAsync(app, Township, 0, day)).Response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the county roster is the bureau's");
        (await EnterAsync(app, Bureau, qingshan, day)).Response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a township's roster is its own");
        (await EnterAsync(app, Leader, 0, day)).Response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "county leaders read only");
        (await EnterAsync(app, Shimen, qingshan, day)).Response.StatusCode.Should().Be(HttpStatusCode.NotFound, "another township's roster is not in its view");
        (await ShiftsAsync(app)).Should().Be(2);

        Text(await (await app.AsAsync(Leader)).GetStringAsync($"/teams/Duty?Roster={qingshan}&Month=2026-11")).Should().Contain("韦镇长").And.NotContain("录入一周");
        Text(await (await app.AsAsync(Village)).GetStringAsync($"/teams/Duty?Roster={qingshan}&Month=2026-11")).Should().Contain("韦镇长");
        (await (await app.AsAsync(Shimen)).GetAsync($"/teams/Duty?Roster={qingshan}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await app.AsAsync(Bureau)).GetAsync("/teams/Duty?Roster=99999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_countys_shift_is_not_found()
    {
        await using var app = await StartAsync();
        const string other = "450998";
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = other, Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "teams" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await app.Services.GetRequiredService<StoreCatalog>().MigrateAsync(StoreKey.ForCounty(other, "teams"), CancellationToken.None);
        await using (var db = app.OpenStore("teams", other))
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO DutyShifts (Id, TownshipId, Date, Slot, Name, Mobile, UserName, UpdatedAtUtc, UpdatedBy) VALUES (9001, 0, '2026-11-25', 0, '白局长', '13900000000', 'yjj', '2026-01-01 00:00:00', 'x')");
        }

        var bureau = await app.AsAsync(Bureau);
        (await bureau.GetAsync("/teams/Duty/Swap?shift=9001")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the shift is in another county's store");
        var post = await TestApp.PostFormAsync(bureau, "/teams/Duty/Swap?shift=9001", new Dictionary<string, string> { ["OtherShiftId"] = "1", ["Reason"] = "x" }, tokenFrom: "/Account/ChangePassword");
        post.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM DutySwaps")).Should().Be(0);
    }
}
