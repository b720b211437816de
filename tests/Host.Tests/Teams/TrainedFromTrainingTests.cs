using System.Globalization;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>
/// Teams marks members trained from Training's CourseCompleted: a passed attendee whose ID card matches an active
/// member is shown 已培训 on the team page, counted, with TeamStrengthChanged; a failed attendee is not.
/// </summary>
public sealed class TrainedFromTrainingTests : TeamsTest
{
    [Fact]
    public async Task Closing_a_session_with_a_passed_attendee_marks_the_matching_team_member_trained()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        await AddMembersAsync(app, Township, team, 2, 1);
        (await StrengthEventsAsync(app, team)).Should().Be(2);

        var bureau = await app.AsAsync(Bureau);
        var qingshan = (await TownshipKeyAsync(app))["township:".Length..];
        var start = InChinaTime(TimeSpan.FromDays(1));
        var created = await TestApp.PostFormAsync(bureau, "/training/Sessions/Create", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Lecture",
            ["Input.Title"] = "山洪灾害避险转移培训",
            ["Input.Content"] = "转移路线与避险点",
            ["Input.StartsAt"] = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.EndsAt"] = start.AddHours(8).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.Place"] = "青山镇政府会议室",
            ["Input.Trainer"] = "李建平",
            ["Input.Hours"] = "8",
            ["Input.Days"] = "",
            ["Input.TargetIds[0]"] = qingshan,
        });
        Text(await created.Content.ReadAsStringAsync()).Should().Contain("已安排培训：山洪灾害避险转移培训");
        var session = await CountAsync(app, "training", "SELECT MAX(Id) AS Value FROM Sessions");
        var path = $"/training/Sessions/Details?id={session}";
        foreach (var (name, idCard) in new[] { ("队员1", IdCardNumber(1)), ("队员2", IdCardNumber(2)) })
        {
            var invited = await TestApp.PostFormAsync(bureau, path + "&handler=Invite", new Dictionary<string, string>
            {
                ["Person.Name"] = name,
                ["Person.UnitName"] = "青山镇",
                ["Person.IdCard"] = idCard,
            });
            Text(await invited.Content.ReadAsStringAsync()).Should().Contain("已添加受邀人员：" + name);
        }

        var first = await CountAsync(app, "training", $"SELECT Id AS Value FROM Invitees WHERE SessionId = {session} AND Name = '队员1'");
        var second = await CountAsync(app, "training", $"SELECT Id AS Value FROM Invitees WHERE SessionId = {session} AND Name = '队员2'");
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(2));
        bureau = app.NewClient();
        await TestApp.PostFormAsync(bureau, "/Account/Login", new Dictionary<string, string> { ["UserName"] = Bureau, ["Password"] = TestApp.Password });
        (await TestApp.PostFormAsync(bureau, path + "&handler=Sheet", new Dictionary<string, string>
        {
            ["Sheet[0].InviteeId"] = Invariant(first),
            ["Sheet[0].Attendance"] = "Present",
            ["Sheet[0].Score"] = "90",
            ["Sheet[0].Passed"] = "true",
            ["Sheet[1].InviteeId"] = Invariant(second),
            ["Sheet[1].Attendance"] = "Present",
            ["Sheet[1].Score"] = "50",
        })).EnsureSuccessStatusCode();
        Text(await (await TestApp.PostFormAsync(bureau, path + "&handler=Close", new Dictionary<string, string>())).Content.ReadAsStringAsync()).Should().Contain("培训已结束，出席 2 人");

        (await Eventually.WaitAsync(() => CountAsync(app, "teams", $"SELECT TrainedMembers AS Value FROM Teams WHERE Id = {team}"), n => n == 1)).Should().Be(1);
        var township = app.NewClient();
        await TestApp.PostFormAsync(township, "/Account/Login", new Dictionary<string, string> { ["UserName"] = Township, ["Password"] = TestApp.Password });
        var page = Text(await township.GetStringAsync($"/teams/Teams/Details?id={team}"));
        page.Should().Contain("在队 2 人，已培训 1 人").And.Contain("已培训 " + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 培训：山洪灾害避险转移培训");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Members WHERE Name = '队员2' AND Trained = 0")).Should().Be(1, "a failed assessment does not train");
        (await StrengthEventsAsync(app, team)).Should().Be(3, "the trained count changed once");
    }
}
