using System.Net;
using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Training;

public sealed class SessionTests : TrainingTest
{
    [Fact]
    public async Task The_county_schedules_a_township_session_that_counts_its_days_and_the_township_sees_it()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);

        var id = await ScheduleAsync(app, bureau, "防汛业务培训", TimeSpan.FromDays(10), [qingshan], hours: 12);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Sessions WHERE Id = {id} AND Status = 0 AND Version = 0 AND Days = 1.5 AND TownshipId IS NULL")).Should().Be(1, "12 hours count one and a half days");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM SessionTargets WHERE SessionId = {id} AND UnitKind = 1 AND UnitId = {qingshan}")).Should().Be(1);
        var entered = await ScheduleAsync(app, bureau, "应急指挥能力培训", TimeSpan.FromDays(12), [qingshan], hours: 3, days: 2);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Sessions WHERE Id = {entered} AND Days = 2")).Should().Be(1, "days entered win over the hours");

        var page = Text(await (await app.AsAsync(Township)).GetStringAsync("/training"));
        page.Should().Contain("防汛业务培训").And.Contain("青山镇").And.Contain("已安排");
        Text(await (await app.AsAsync(Township)).GetStringAsync($"/training/Sessions/Details?id={id}")).Should().Contain("计 1.5 天").And.Contain("李建平");
    }

    [Fact]
    public async Task A_session_in_the_past_or_with_bad_input_is_refused_beside_its_field_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);

        var past = Text(await (await TestApp.PostFormAsync(bureau, "/training/Sessions/Create", SessionFields("过去的培训", InChinaTime(TimeSpan.FromHours(-2)), [qingshan]))).Content.ReadAsStringAsync());
        past.Should().Contain("培训开始时间已过，不能安排过去的培训");

        var fields = SessionFields("", InChinaTime(TimeSpan.FromDays(3)), [], days: 0.7);
        fields["Input.EndsAt"] = ChinaLocal(InChinaTime(TimeSpan.FromDays(2)));
        var bad = Text(await (await TestApp.PostFormAsync(bureau, "/training/Sessions/Create", fields)).Content.ReadAsStringAsync());
        bad.Should().Contain("请填写培训主题").And.Contain("结束时间必须晚于开始时间").And.Contain("请至少选择一个培训对象单位").And.Contain("培训天数以半天计");

        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Sessions")).Should().Be(0);
    }

    [Fact]
    public async Task A_township_organises_for_its_own_villages_only_and_sees_no_other_townships_sessions()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var shimen = await TownshipIdAsync(app, "石门乡");
        var hekou = await VillageIdAsync(app, "河口村");
        var east = await VillageIdAsync(app, "东门社区");
        var township = await app.AsAsync(Township);

        foreach (var target in new[] { qingshan, east })
        {
            var refused = Text(await (await TestApp.PostFormAsync(township, "/training/Sessions/Create", SessionFields("越权培训", InChinaTime(TimeSpan.FromDays(5)), [target]))).Content.ReadAsStringAsync());
            refused.Should().Contain("只能选择本单位负责培训的单位");
        }

        var own = await ScheduleAsync(app, township, "网格员业务培训", TimeSpan.FromDays(5), [hekou], hours: 4);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Sessions WHERE Id = {own} AND TownshipId = {qingshan} AND Days = 0.5")).Should().Be(1);
        var other = await ScheduleAsync(app, await app.AsAsync(Bureau), "石门乡专题培训", TimeSpan.FromDays(6), [shimen]);

        (await township.GetAsync($"/training/Sessions/Details?id={other}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await township.GetAsync($"/training/Sessions/Record?id={other}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Text(await township.GetStringAsync("/training")).Should().Contain("网格员业务培训").And.NotContain("石门乡专题培训");
        var grid = await app.AsAsync(GridMember);
        (await grid.GetAsync($"/training/Sessions/Details?id={own}")).StatusCode.Should().Be(HttpStatusCode.OK, "the session is for 河口村");
        (await grid.GetAsync("/training/Sessions/Create")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // The county sees the township's session but does not organise it.
        var bureau = await app.AsAsync(Bureau);
        (await bureau.GetAsync($"/training/Sessions/Details?id={own}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var cancel = await TestApp.PostFormAsync(bureau, $"/training/Sessions/Details?id={own}&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "县里取消" }, "/Account/ChangePassword");
        cancel.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var leader = await TestApp.PostFormAsync(await app.AsAsync(Leader), $"/training/Sessions/Details?id={own}&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "领导取消" }, "/Account/ChangePassword");
        leader.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CountAsync(app, $"SELECT Status AS Value FROM Sessions WHERE Id = {own}")).Should().Be(0);
    }

    [Fact]
    public async Task The_organiser_moves_and_cancels_a_coming_session_with_a_reason_and_nothing_afterwards()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        var id = await ScheduleAsync(app, bureau, "危化品事故处置培训", TimeSpan.FromDays(10), [qingshan]);
        var path = $"/training/Sessions/Details?id={id}";

        var newStart = InChinaTime(TimeSpan.FromDays(12));
        var moved = await TestApp.PostFormAsync(bureau, path + "&handler=Move", new Dictionary<string, string>
        {
            ["Move.StartsAt"] = ChinaLocal(newStart),
            ["Move.EndsAt"] = ChinaLocal(newStart.AddHours(8)),
            ["Move.Place"] = "青山镇政府二楼会议室",
        });
        Text(await moved.Content.ReadAsStringAsync()).Should().Contain("已调整培训时间地点").And.Contain("青山镇政府二楼会议室");
        (await CountAsync(app, $"SELECT Version AS Value FROM Sessions WHERE Id = {id}")).Should().Be(1);

        var pastMove = await TestApp.PostFormAsync(bureau, path + "&handler=Move", new Dictionary<string, string>
        {
            ["Move.StartsAt"] = ChinaLocal(InChinaTime(TimeSpan.FromHours(-1))),
            ["Move.EndsAt"] = ChinaLocal(InChinaTime(TimeSpan.FromHours(3))),
            ["Move.Place"] = "青山镇政府二楼会议室",
        });
        Text(await pastMove.Content.ReadAsStringAsync()).Should().Contain("培训开始时间已过");

        Text(await (await TestApp.PostFormAsync(bureau, path + "&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = " " })).Content.ReadAsStringAsync())
            .Should().Contain("请填写取消原因");
        var cancelled = Text(await (await TestApp.PostFormAsync(bureau, path + "&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "汛期值守，延后举办" })).Content.ReadAsStringAsync());
        cancelled.Should().Contain("已取消培训").And.Contain("汛期值守，延后举办").And.Contain("已取消");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Sessions WHERE Id = {id} AND Status = 2 AND CancelledAtUtc IS NOT NULL")).Should().Be(1);

        var again = await TestApp.PostFormAsync(bureau, path + "&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "再次取消" }, "/Account/ChangePassword");
        Text(await again.Content.ReadAsStringAsync()).Should().Contain("该培训已取消");
        Text(await bureau.GetStringAsync(path)).Should().NotContain("move-form").And.NotContain("cancel-form");
    }

    [Fact]
    public async Task Another_countys_session_is_not_found()
    {
        await using var app = await StartAsync();
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = "450998", Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "training" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        var key = StoreKey.ForCounty("450998", "training");
        await app.Services.GetRequiredService<StoreCatalog>().MigrateAsync(key, CancellationToken.None);
        await using (var other = app.OpenStore("training", "450998"))
        {
            await other.Database.ExecuteSqlRawAsync(
                "INSERT INTO Sessions (Id, Kind, Title, Content, StartsAtUtc, EndsAtUtc, Place, Trainer, Hours, Days, OrganiserName, Status, Version, VersionAtUtc, CreatedBy, CreatedAtUtc) " +
                "VALUES (77, 0, '白石县培训', '内容', '2026-12-01 01:00:00', '2026-12-01 09:00:00', '白石县某地', '某人', 8, 1, '白石县应急管理局', 0, 0, '2026-11-20 00:00:00', 'x', '2026-11-20 00:00:00')");
        }

        foreach (var user in new[] { Bureau, Township, Leader })
        {
            (await (await app.AsAsync(user)).GetAsync("/training/Sessions/Details?id=77")).StatusCode.Should().Be(HttpStatusCode.NotFound, user);
        }

        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/training")).Should().NotContain("白石县培训");
    }
}
