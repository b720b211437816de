using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using Emergency.TestSupport;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Grid;

/// <summary>灾情 续报 and 核报: a figures series per report, casualties alert the county emergency bureau at once, the county summary exports.</summary>
public sealed class DisasterFollowUpTests : GridTest
{
    private static Dictionary<string, string?> Smtp(SmtpTestServer smtp) => new()
    {
        ["Mail:Smtp:Host"] = smtp.Host,
        ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
    };

    private async Task<int> ReportDisasterAsync(TestApp app, string injured = "0")
    {
        var reported = await TestApp.PostFormAsync(await app.AsAsync(GridMember), "/grid/Disasters", new Dictionary<string, string>
        {
            ["Input.DisasterType"] = "山洪",
            ["Input.HappenedAt"] = InChinaTime(TimeSpan.FromHours(-3)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.Place"] = "河口村三组",
            ["Input.AffectedPeople"] = "120",
            ["Input.Injured"] = injured,
            ["Input.Relocated"] = "30",
            ["Input.HousesDamaged"] = "6",
            ["Input.DirectLoss"] = "35.5",
        });
        Text(await reported.Content.ReadAsStringAsync()).Should().Contain("已报送灾情：山洪（河口村三组）");
        return await CountAsync(app, "SELECT MAX(Id) AS Value FROM Disasters");
    }

    private static Task<HttpResponseMessage> StageAsync(HttpClient client, int id, string handler, IDictionary<string, string> figures) =>
        TestApp.PostFormAsync(client, $"/grid/Disasters/Details?id={id}&handler={handler}", figures, tokenFrom: "/Account/ChangePassword");

    private static Dictionary<string, string> Figures(string dead = "0", string missing = "0", string injured = "0", string relocated = "30", string loss = "35.5") => new()
    {
        ["Input.AffectedPeople"] = "150",
        ["Input.Dead"] = dead,
        ["Input.Missing"] = missing,
        ["Input.Injured"] = injured,
        ["Input.Relocated"] = relocated,
        ["Input.HousesDamaged"] = "8",
        ["Input.DirectLoss"] = loss,
        ["Input.Note"] = "水位回落后补充统计",
    };

    [Fact]
    public async Task A_report_is_followed_up_then_confirmed_and_no_follow_up_comes_after_the_confirmation()
    {
        await using var app = await StartAsync();
        var id = await ReportDisasterAsync(app);
        var member = await app.AsAsync(GridMember);
        var township = await app.AsAsync(Township);

        var followed = Text(await (await StageAsync(member, id, "FollowUp", Figures(relocated: "45", loss: "40.25"))).Content.ReadAsStringAsync());
        followed.Should().Contain("已续报：山洪（河口村三组）")
            .And.Contain("初报 2026-11-23 10:00 hekou-grid 120 0 0 0 30 6 35.5")
            .And.Contain("续报 2026-11-23 10:00 hekou-grid 150 0 0 0 45 8 40.25 水位回落后补充统计");

        // Only the township confirms (核报).
        (await StageAsync(member, id, "Confirm", Figures())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Clock.Advance(TimeSpan.FromMinutes(20));
        var confirmed = Text(await (await StageAsync(township, id, "Confirm", Figures(relocated: "48", loss: "41"))).Content.ReadAsStringAsync());
        confirmed.Should().Contain("已核报：山洪（河口村三组）").And.Contain("核报 2026-11-23 10:20 qingshan 150 0 0 0 48 8 41").And.Contain("已核实");
        confirmed.Should().NotContain("续报或核报最新数据", "the series has ended");

        var after = Text(await (await StageAsync(member, id, "FollowUp", Figures(relocated: "60"))).Content.ReadAsStringAsync());
        after.Should().Contain("该灾情已核报，不能再续报或核报");
        var again = Text(await (await StageAsync(township, id, "Confirm", Figures(relocated: "60"))).Content.ReadAsStringAsync());
        again.Should().Contain("该灾情已核报，不能再续报或核报");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM DisasterFigures WHERE ReportId = {id}")).Should().Be(3);
        (await CountAsync(app, $"SELECT Relocated AS Value FROM Disasters WHERE Id = {id}")).Should().Be(48, "the report holds its latest figures");

        // Another township's user would not even find it; a department sees no disaster reports.
        (await (await app.AsAsync(Weather)).GetAsync($"/grid/Disasters/Details?id={id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Figures_must_be_non_negative_whole_numbers_and_the_loss_an_amount()
    {
        await using var app = await StartAsync();
        var member = await app.AsAsync(GridMember);
        var bad = Text(await (await TestApp.PostFormAsync(member, "/grid/Disasters", new Dictionary<string, string>
        {
            ["Input.DisasterType"] = "山洪",
            ["Input.HappenedAt"] = InChinaTime(TimeSpan.FromHours(-3)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.Place"] = "河口村三组",
            ["Input.Dead"] = "-1",
            ["Input.Relocated"] = "1.5",
            ["Input.DirectLoss"] = "很多",
        })).Content.ReadAsStringAsync());
        bad.Should().Contain("死亡人数应为不小于 0 的整数").And.Contain("转移安置人数应为不小于 0 的整数").And.Contain("直接经济损失应为不小于 0 的金额");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Disasters")).Should().Be(0);

        var id = await ReportDisasterAsync(app);
        var followUp = Text(await (await StageAsync(member, id, "FollowUp", Figures(injured: "二", loss: "-3"))).Content.ReadAsStringAsync());
        followUp.Should().Contain("受伤人数应为不小于 0 的整数").And.Contain("直接经济损失应为不小于 0 的金额");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM DisasterFigures WHERE ReportId = {id}")).Should().Be(1, "only the 初报");
    }

    [Fact]
    public async Task Casualties_at_any_stage_alert_the_county_emergency_bureau_at_once()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var id = await ReportDisasterAsync(app);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%NoticeRequested%'")).Should().Be(0, "no casualties yet");

        await StageAsync(await app.AsAsync(GridMember), id, "FollowUp", Figures(injured: "2", missing: "1"));
        await Eventually.WaitAsync(() => app.NoticeCountAsync("grid.disaster-casualties"), n => n == 1);
        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Single();
        mail.To.Mailboxes.Single().Address.Should().Be("yjj@qingshan.example.cn");
        mail.Subject.Should().Be("灾情有人员伤亡：青山镇 山洪（续报）");
        mail.TextBody.Should().Contain("死亡 0 人，失踪 1 人，受伤 2 人，转移安置 30 人").And.Contain("/grid/Disasters/Details?id=" + Invariant(id));

        // The same casualties again (a 续报 of other figures) are not news; changed ones in the 核报 are.
        await StageAsync(await app.AsAsync(GridMember), id, "FollowUp", Figures(injured: "2", missing: "1", relocated: "50"));
        await StageAsync(await app.AsAsync(Township), id, "Confirm", Figures(dead: "1", injured: "2", missing: "0"));
        await Eventually.WaitAsync(() => app.NoticeCountAsync("grid.disaster-casualties"), n => n == 2);
        var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
        mails.Should().HaveCount(2);
        mails.Last().Subject.Should().Be("灾情有人员伤亡：青山镇 山洪（核报）");
        (await app.NoticeCountAsync("grid.disaster-casualties")).Should().Be(2);

        // A 初报 with casualties alerts at once too.
        await ReportDisasterAsync(app, injured: "3");
        await Eventually.WaitAsync(() => app.NoticeCountAsync("grid.disaster-casualties"), n => n == 3);
        (await smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(20))).Last().Subject.Should().Be("灾情有人员伤亡：青山镇 山洪（初报）");
    }

    [Fact]
    public async Task The_county_summary_shows_the_latest_figures_per_township_and_exports_to_excel()
    {
        await using var app = await StartAsync();
        var id = await ReportDisasterAsync(app);
        await StageAsync(await app.AsAsync(GridMember), id, "FollowUp", Figures(injured: "2", relocated: "45", loss: "40.25"));
        await ReportDisasterAsync(app);
        await StageAsync(await app.AsAsync(Township), id, "Confirm", Figures(injured: "2", relocated: "48", loss: "41"));

        var leader = await app.AsAsync(Leader);
        Text(await leader.GetStringAsync("/grid/Disasters")).Should().Contain("青山镇 2 1 1 270 0 0 2 78 14 76.5");

        var export = await leader.GetAsync("/grid/Disasters?handler=Export");
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(await export.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 1).GetString().Should().Be("乡镇（街道）");
        sheet.Cell(1, 9).GetString().Should().Be("转移安置");
        sheet.Cell(2, 1).GetString().Should().Be("青山镇");
        sheet.Cell(2, 2).GetValue<int>().Should().Be(2);
        sheet.Cell(2, 4).GetValue<int>().Should().Be(1, "one report confirmed (核报)");
        sheet.Cell(2, 8).GetValue<int>().Should().Be(2);
        sheet.Cell(2, 9).GetValue<int>().Should().Be(78);
        sheet.Cell(2, 11).GetValue<decimal>().Should().Be(76.5m);

        // The summary is the county's: a township user gets no export.
        (await (await app.AsAsync(Township)).GetAsync("/grid/Disasters?handler=Export")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
