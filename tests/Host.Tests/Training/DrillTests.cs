using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Emergency.TestSupport;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace Emergency.Host.Tests.Training;

/// <summary>
/// Drills (演练): planned not in the past, recorded after the start with photos checked by content, closed only with
/// the evaluation report (publishing DrillCompleted), cancelled with a reason, seen by the county and participants
/// only, and reminded through the same reminder job as sessions, with an .ics.
/// </summary>
public sealed partial class DrillTests : TrainingTest
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static Dictionary<string, string> DrillFields(string plan, DateTime startsChina, IReadOnlyList<string> units, string kind = "FullScale")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.PlanName"] = plan,
            ["Input.Kind"] = kind,
            ["Input.Scenario"] = "连续强降雨引发山洪，河口村低洼处群众需紧急转移",
            ["Input.StartsAt"] = ChinaLocal(startsChina),
            ["Input.EndsAt"] = ChinaLocal(startsChina.AddHours(3)),
            ["Input.Place"] = "河口村村委会广场",
            ["Input.Teams"] = "县综合应急救援大队\n青山镇应急救援队",
            ["Input.Observers"] = "县应急管理局分管领导",
        };
        for (var i = 0; i < units.Count; i++)
        {
            fields[$"Input.UnitKeys[{i}]"] = units[i];
        }

        return fields;
    }

    private async Task<int> PlanAsync(TestApp app, HttpClient client, string plan, TimeSpan startsIn, IReadOnlyList<string> units)
    {
        var response = await TestApp.PostFormAsync(client, "/training/Drills/Create", DrillFields(plan, InChinaTime(startsIn), units));
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已计划演练：" + plan);
        return await CountAsync(app, $"SELECT MAX(Id) AS Value FROM Drills WHERE PlanName = '{plan}'");
    }

    private static async Task<HttpResponseMessage> RecordAsync(HttpClient client, int id, string handler, string report, string problems = "", params (string Name, byte[] Bytes, string Type)[] photos)
    {
        var path = $"/training/Drills/Details?id={id}";
        var page = await client.GetStringAsync(path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("22 时发布预警，23 时完成 86 名群众转移"), "Record.Account" },
            { new StringContent(problems), "Record.Problems" },
            { new StringContent("补充应急照明；完善转移路线标识"), "Record.Improvements" },
            { new StringContent(report), "Record.EvaluationReport" },
        };
        foreach (var (name, bytes, type) in photos)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "Photos", name);
        }

        return await client.PostAsync(path + "&handler=" + handler, form);
    }

    [Fact]
    public async Task The_county_plans_a_drill_participants_read_it_and_only_the_organiser_writes()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var hekou = await VillageIdAsync(app, "河口村");
        var bureau = await app.AsAsync(Bureau);
        var id = await PlanAsync(app, bureau, "青山县山洪灾害应急预案", TimeSpan.FromDays(10), [$"township:{qingshan}", $"village:{hekou}"]);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Drills WHERE Id = {id} AND Status = 0 AND Kind = 1 AND TownshipId IS NULL")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM DrillUnits WHERE DrillId = {id}")).Should().Be(2);

        foreach (var user in new[] { Township, GridMember, Leader })
        {
            var client = await app.AsAsync(user);
            Text(await client.GetStringAsync("/training/Drills")).Should().Contain("青山县山洪灾害应急预案").And.Contain("实战演练").And.Contain("已计划");
            Text(await client.GetStringAsync($"/training/Drills/Details?id={id}")).Should().Contain("河口村村委会广场").And.Contain("县综合应急救援大队、青山镇应急救援队");
        }

        var refused = await TestApp.PostFormAsync(await app.AsAsync(Township), $"/training/Drills/Details?id={id}&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "不想参加" }, "/Account/ChangePassword");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a participant reads, the organiser writes");
        (await CountAsync(app, $"SELECT Status AS Value FROM Drills WHERE Id = {id}")).Should().Be(0);
    }

    [Fact]
    public async Task A_drill_in_the_past_or_without_units_is_refused_beside_its_field_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        var past = Text(await (await TestApp.PostFormAsync(bureau, "/training/Drills/Create", DrillFields("过去的预案", InChinaTime(TimeSpan.FromHours(-1)), [$"township:{qingshan}"]))).Content.ReadAsStringAsync());
        past.Should().Contain("演练时间已过，不能计划过去的演练");
        var bad = Text(await (await TestApp.PostFormAsync(bureau, "/training/Drills/Create", DrillFields("", InChinaTime(TimeSpan.FromDays(3)), []))).Content.ReadAsStringAsync());
        bad.Should().Contain("请填写演练所依据的预案名称").And.Contain("请至少选择一个参演单位");
        var township = await app.AsAsync(Township);
        var shimen = await TownshipIdAsync(app, "石门乡");
        var foreign = Text(await (await TestApp.PostFormAsync(township, "/training/Drills/Create", DrillFields("越权演练", InChinaTime(TimeSpan.FromDays(3)), [$"township:{shimen}"]))).Content.ReadAsStringAsync());
        foreign.Should().Contain("只能选择本单位组织演练可选的单位");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Drills")).Should().Be(0);
    }

    [Fact]
    public async Task A_drill_is_not_closed_without_its_evaluation_report_and_closing_publishes_drill_completed_with_a_printable_report()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        var id = await PlanAsync(app, bureau, "青山县防汛应急预案", TimeSpan.FromDays(2), [$"township:{qingshan}"]);
        var date = InChinaTime(TimeSpan.FromDays(2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var early = Text(await (await RecordAsync(bureau, id, "Record", "", "")).Content.ReadAsStringAsync());
        early.Should().Contain("演练开始后才能登记演练情况");

        Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(4));
        bureau = await SignInAsync(app, Bureau);
        var html = await (await RecordAsync(bureau, id, "Close", "  ", "转移路线指示牌缺失\n夜间照明不足")).Content.ReadAsStringAsync();
        Regex.IsMatch(html, "data-testid=\"report-error\"[^>]*>请填写演练评估报告，没有评估报告的演练不能结束<").Should().BeTrue("the message stands beside the report field");
        (await CountAsync(app, $"SELECT Status AS Value FROM Drills WHERE Id = {id}")).Should().Be(0);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM DrillProblems WHERE DrillId = {id}")).Should().Be(0, "nothing is half-written");

        var closed = Text(await (await RecordAsync(bureau, id, "Close", "演练达到预期目标，转移组织有序。", "转移路线指示牌缺失\n\n夜间照明不足", ("scene.png", Png, "image/png"))).Content.ReadAsStringAsync());
        closed.Should().Contain("演练已结束，发现问题 2 条").And.Contain("已结束").And.Contain("夜间照明不足");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM DrillPhotos WHERE DrillId = {id} AND ContentType = 'image/png'")).Should().Be(1);

        await using var store = app.OpenStore("training");
        var payloads = await store.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains("DrillCompleted")).Select(m => m.Payload).ToListAsync();
        payloads.Should().ContainSingle();
        var e = JsonDocument.Parse(payloads[0]).RootElement;
        e.GetProperty("drillId").GetInt32().Should().Be(id);
        e.GetProperty("planName").GetString().Should().Be("青山县防汛应急预案");
        e.GetProperty("date").GetString().Should().Be(date);
        e.GetProperty("kind").GetInt32().Should().Be(1, "实战演练");
        e.GetProperty("problemsFound").GetInt32().Should().Be(2);
        e.GetProperty("townshipIds").EnumerateArray().Select(t => t.GetInt32()).Should().Equal([qingshan], "the townships taking part, for readiness");

        var print = await bureau.GetStringAsync($"/training/Drills/Evaluation?id={id}");
        print.Should().Contain("data-print").And.Contain("/_content/Training/print.js");
        Text(print).Should().Contain("演练评估报告").And.Contain("演练达到预期目标，转移组织有序。").And.Contain("1. 转移路线指示牌缺失").And.Contain("补充应急照明");
        var photo = await CountAsync(app, $"SELECT Id AS Value FROM DrillPhotos WHERE DrillId = {id}");
        var served = await (await app.AsAsync(Township)).GetAsync($"/training/Drills/File?id={id}&photo={photo}");
        served.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await served.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
    }

    [Fact]
    public async Task A_photo_that_is_not_an_image_is_refused_beside_the_field()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        var id = await PlanAsync(app, bureau, "青山县森林火灾应急预案", TimeSpan.FromDays(1), [$"township:{qingshan}"]);
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        bureau = await SignInAsync(app, Bureau);
        var html = await (await RecordAsync(bureau, id, "Record", "", "", ("scene.jpg", "<html>not a photo</html>"u8.ToArray(), "image/jpeg"))).Content.ReadAsStringAsync();
        Regex.IsMatch(html, "data-testid=\"photos-error\"[^>]*>照片“scene.jpg”不是 JPEG、PNG 或 WebP 图片<").Should().BeTrue();
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM DrillPhotos")).Should().Be(0);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Drills WHERE Id = {id} AND Account = ''")).Should().Be(1, "the record is not kept with a refused photo");
    }

    [Fact]
    public async Task An_evaluation_report_file_is_kept_as_Word_or_PDF_and_anything_else_is_refused_beside_the_field()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        var id = await PlanAsync(app, bureau, "青山县地质灾害应急预案", TimeSpan.FromDays(1), [$"township:{qingshan}"]);
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        bureau = await SignInAsync(app, Bureau);

        async Task<string> WithReportAsync(string name, byte[] bytes, string type)
        {
            var path = $"/training/Drills/Details?id={id}";
            var page = await bureau.GetStringAsync(path);
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            using var form = new MultipartFormDataContent
            {
                { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
                { new StringContent("按预案完成转移"), "Record.Account" },
                { new StringContent(""), "Record.Problems" },
                { new StringContent(""), "Record.Improvements" },
                { new StringContent("演练达到预期目标。"), "Record.EvaluationReport" },
                { file, "ReportFile", name },
            };
            return await (await bureau.PostAsync(path + "&handler=Record", form)).Content.ReadAsStringAsync();
        }

        var refused = await WithReportAsync("评估报告.docx", "这不是 Word 文件"u8.ToArray(), Docx.ContentType);
        Text(refused).Should().Contain("评估报告文件应为 PDF、Word（.docx）或 JPEG、PNG、WebP 图片");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Drills WHERE Id = {id} AND EvaluationFileName IS NULL AND Account = ''")).Should().Be(1, "nothing is kept with a refused file");

        Text(await WithReportAsync("评估报告.docx", Docx.Bytes, Docx.ContentType)).Should().Contain("评估报告.docx");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Drills WHERE Id = {id} AND EvaluationFileName LIKE '%.docx'")).Should().Be(1);
    }

    /// <summary>The smallest Word package the document check accepts: a ZIP holding word/document.xml.</summary>
    private static (byte[] Bytes, string ContentType) Docx
    {
        get
        {
            using var buffer = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            {
                using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
                writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
            }

            return (buffer.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
    }

    [Fact]
    public async Task A_drill_is_cancelled_with_a_reason_before_it_starts_and_not_after()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        var id = await PlanAsync(app, bureau, "青山县地震应急预案", TimeSpan.FromDays(5), [$"township:{qingshan}"]);
        var path = $"/training/Drills/Details?id={id}&handler=Cancel";
        Text(await (await TestApp.PostFormAsync(bureau, path, new Dictionary<string, string> { ["Cancel.Reason"] = " " })).Content.ReadAsStringAsync()).Should().Contain("请填写取消原因");
        Text(await (await TestApp.PostFormAsync(bureau, path, new Dictionary<string, string> { ["Cancel.Reason"] = "汛情紧张，队伍执行任务" })).Content.ReadAsStringAsync())
            .Should().Contain("已取消演练").And.Contain("汛情紧张，队伍执行任务").And.Contain("已取消");
        (await CountAsync(app, $"SELECT Status AS Value FROM Drills WHERE Id = {id}")).Should().Be(2);

        var started = await PlanAsync(app, bureau, "青山县危化品应急预案", TimeSpan.FromDays(1), [$"township:{qingshan}"]);
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        bureau = await SignInAsync(app, Bureau);
        var late = await TestApp.PostFormAsync(bureau, $"/training/Drills/Details?id={started}&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "临时取消" }, "/Account/ChangePassword");
        Text(await late.Content.ReadAsStringAsync()).Should().Contain("演练已开始，不能取消");
        (await CountAsync(app, $"SELECT Status AS Value FROM Drills WHERE Id = {started}")).Should().Be(0);
    }

    [Fact]
    public async Task A_drill_of_another_township_or_county_is_not_found()
    {
        const string other = "450998";
        await using var app = await StartAsync();
        var shimen = await TownshipIdAsync(app, "石门乡");
        var id = await PlanAsync(app, await app.AsAsync(Bureau), "石门乡山洪灾害应急预案", TimeSpan.FromDays(4), [$"township:{shimen}"]);
        var township = await app.AsAsync(Township);
        (await township.GetAsync($"/training/Drills/Details?id={id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "青山镇 takes no part in it");
        Text(await township.GetStringAsync("/training/Drills")).Should().NotContain("石门乡山洪灾害应急预案");

        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = other, Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "training" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await app.Services.GetRequiredService<Emergency.BuildingBlocks.Persistence.StoreCatalog>()
            .MigrateAsync(Emergency.BuildingBlocks.Persistence.StoreKey.ForCounty(other, "training"), CancellationToken.None);
        await using (var db = app.OpenStore("training", other))
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Drills (Id, PlanName, Kind, Scenario, StartsAtUtc, EndsAtUtc, Place, OrganiserName, Teams, Observers, Status, Version, VersionAtUtc, Account, Improvements, EvaluationReport, CreatedBy, CreatedAtUtc) " +
                "VALUES (9001, '白石县预案', 0, '情景', '2027-01-01 01:00:00', '2027-01-01 04:00:00', '白石县', '白石县应急局', '', '', 0, 0, '2026-01-01 00:00:00', '', '', '', 'x', '2026-01-01 00:00:00')");
        }

        var bureau = await app.AsAsync(Bureau);
        (await bureau.GetAsync("/training/Drills/Details?id=9001")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the drill is in another county's store");
        (await bureau.GetAsync("/training/Drills/Evaluation?id=9001")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await TestApp.PostFormAsync(bureau, "/training/Drills/Details?id=9001&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "x" }, "/Account/ChangePassword")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Participating_units_are_reminded_once_per_lead_time_with_an_ics_by_the_shared_reminder_job()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var id = await PlanAsync(app, await app.AsAsync(Bureau), "青山县防汛应急预案", TimeSpan.FromDays(10), [$"township:{qingshan}"]);
        Trigger(app, "reminders");
        await Task.Delay(2000);
        smtp.Messages().Should().BeEmpty("no lead time is due ten days ahead");

        Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        Trigger(app, "reminders");
        var mails = await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        mails[0].To.Mailboxes.Single().Address.Should().Be("qingshan@qingshan.example.cn");
        mails[0].Subject.Should().Be("演练提醒（7 天后）：青山县防汛应急预案");
        mails[0].TextBody.Should().Contain("河口村村委会广场").And.Contain("实战演练");
        var part = mails[0].Attachments.OfType<MimePart>().Single(a => (a.FileName ?? "").EndsWith(".ics", StringComparison.Ordinal));
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        System.Text.Encoding.UTF8.GetString(stream.ToArray()).Should().Contain("METHOD:REQUEST").And.Contain($"UID:training-drill-{id}@").And.Contain("SUMMARY:演练：青山县防汛应急预案");

        Trigger(app, "reminders");
        await Task.Delay(2500);
        smtp.Messages().Should().HaveCount(1, "each lead time once");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE 'drill:{id}:v:0:lead:7:%'")).Should().Be(1);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
