using System.Globalization;
using System.Net;
using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

public sealed class InspectionTests : EnforcementTest
{
    private sealed record Setup(HttpClient Bureau, int Target, int Officer1, int Officer2, int Expired, int Auxiliary);

    private static async Task<Setup> SetupAsync(TestApp app)
    {
        var bureau = await app.AsAsync(Bureau);
        var shimen = await TownshipIdAsync(app, "石门乡");
        var target = await AddTargetAsync(app, bureau, "青山县石门石料厂", CodeNo(1), shimen, industry: "非煤矿山", kind: "key");
        var o1 = await AddOfficerAsync(app, bureau, "李建平", "45099920001", new DateOnly(2025, 1, 1), Today.AddYears(2));
        var o2 = await AddOfficerAsync(app, bureau, "黄志强", "45099920002", new DateOnly(2025, 1, 1), Today.AddYears(2));
        var expired = await AddOfficerAsync(app, bureau, "潘国栋", "45099920005", new DateOnly(2021, 1, 1), Today.AddDays(-1));
        var auxiliary = await AddOfficerAsync(app, bureau, "陆小梅", "", null, null, auxiliary: true);
        return new Setup(bureau, target, o1, o2, expired, auxiliary);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Records an inspection through the page (form-encoded, officers as repeated fields); returns the page's HTML.</summary>
    internal static async Task<string> InspectAsync(HttpClient client, int target, int[] officers, DateOnly date, string findings = "", DateOnly? deadline = null, bool signed = true)
    {
        var page = await client.GetStringAsync("/enforcement/Inspections/Create");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token.Groups[1].Value),
            new("Input.TargetId", Invariant(target)),
            new("Input.Date", Day(date)),
            new("Input.ItemsChecked", "安全生产责任制；爆破作业；边坡稳定"),
            new("Input.Findings", findings),
            new("Input.Deadline", deadline is { } d ? Day(d) : ""),
            new("Input.PrincipalName", "周某"),
            new("Input.SafetyManagerName", "韦某"),
            new("Input.OperatorName", "黄某"),
            new("Input.Signed", signed ? "true" : "false"),
        };
        fields.AddRange(officers.Select(o => new KeyValuePair<string, string>("Input.OfficerIds", Invariant(o))));
        using var content = new FormUrlEncodedContent(fields);
        return await (await client.PostAsync("/enforcement/Inspections/Create", content)).Content.ReadAsStringAsync();
    }

    private static Task<HttpResponseMessage> RecheckAsync(HttpClient client, int id, bool passed, DateOnly date) =>
        TestApp.PostFormAsync(client, $"/enforcement/Inspections/Details?id={id}&handler=Recheck", new Dictionary<string, string>
        {
            ["Recheck.Date"] = Day(date),
            ["Recheck.Passed"] = passed ? "true" : "false",
            ["Recheck.Notes"] = passed ? "已整改完毕" : "报警器仍未更换",
        }, tokenFrom: "/enforcement/Inspections/Create");

    [Fact]
    public async Task An_inspection_needs_two_certified_officers_and_a_refusal_writes_nothing()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);

        (await InspectAsync(s.Bureau, s.Target, [s.Officer1], Today)).Should()
            .MatchRegex("data-valmsg-for=\"Input.OfficerIds\"[^>]*>现场检查须有不少于 2 名持有效执法证的执法人员（协管人员不计入），本次只有 1 名<");
        (await InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Auxiliary], Today)).Should()
            .MatchRegex("data-valmsg-for=\"Input.OfficerIds\"[^>]*>现场检查须有不少于 2 名持有效执法证的执法人员（协管人员不计入），本次只有 1 名<", "a 协管 never counts");
        (await InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Expired], Today, "问题", Today.AddDays(7))).Should()
            .MatchRegex("data-valmsg-for=\"Input.OfficerIds\"[^>]*>潘国栋 的执法证在 2026-11-23 不在有效期内，不能参加执法检查<");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Inspections")).Should().Be(0);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM DocumentCounters")).Should().Be(0, "a refused order takes no number");

        // The same expired officer was valid on an earlier day: an inspection recorded for that day counts him.
        var earlier = Text(await InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Expired, s.Auxiliary], new DateOnly(2026, 6, 1)));
        earlier.Should().Contain("已记录现场检查：青山县石门石料厂，未发现问题，已办结");
        (await ScalarAsync(app, "SELECT OfficerNames AS Value FROM Inspections")).Should().Be("李建平、潘国栋");
        (await ScalarAsync(app, "SELECT AuxiliaryNames AS Value FROM Inspections")).Should().Be("陆小梅");
    }

    [Fact]
    public async Task The_recheck_is_due_ten_working_days_after_the_deadline_on_the_2026_calendar_and_a_failed_recheck_stays_open()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);

        // Deadline Wed 2026-09-30. 10-1…10-7 National Day off; 10-8 Thu (1), 10-9 Fri (2), 10-10 Sat make-up day (3),
        // 10-11 Sun off, 10-12…10-16 (4–8), 10-19 Mon (9), 10-20 Tue (10): due 2026-10-20.
        var text = Text(await InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Officer2], new DateOnly(2026, 9, 20), "边坡未设置防护", new DateOnly(2026, 9, 30)));
        text.Should().Contain("已记录现场检查并责令限期整改：青山县石门石料厂（青山县应急责改〔2026〕1号），复查应于 2026-10-20 前完成");
        var id = await CountAsync(app, "SELECT Id AS Value FROM Inspections");
        (await ScalarAsync(app, "SELECT RecheckDue AS Value FROM Inspections")).Should().Be("2026-10-20");
        Text(await s.Bureau.GetStringAsync($"/enforcement/Inspections/Details?id={id}")).Should().Contain("已逾期 34 天");

        var failed = Text(await (await RecheckAsync(s.Bureau, id, false, Today)).Content.ReadAsStringAsync());
        failed.Should().Contain("复查不合格，保持未办结（青山县应急复查〔2026〕1号）");
        (await CountAsync(app, "SELECT State AS Value FROM Inspections")).Should().Be(2, "复查不合格 stays open");
        (await ScalarAsync(app, "SELECT RecheckMissedOn AS Value FROM Inspections")).Should().Be("2026-10-20", "the missed clock is recorded, not moved");
        Text(await s.Bureau.GetStringAsync("/enforcement/Inspections")).Should().Contain("复查不合格");
        Text(await s.Bureau.GetStringAsync($"/enforcement/Inspections/Details?id={id}&print=recheck")).Should().Contain("整改复查意见书").And.Contain("不合格").And.Contain("青山县应急复查〔2026〕1号");
        Text(await s.Bureau.GetStringAsync($"/enforcement/Inspections/Details?id={id}&print=order")).Should().Contain("责令限期整改指令书").And.Contain("2026-09-30");
        (await RecheckAsync(s.Bureau, id, true, Today)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "no second 复查 on a closed clock");
    }

    [Fact]
    public async Task Document_numbers_run_on_without_gaps()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);
        for (var i = 1; i <= 3; i++)
        {
            if (i == 2)
            {
                // A refused order in between takes no number.
                (await InspectAsync(s.Bureau, s.Target, [s.Officer1], Today, "问题", Today.AddDays(5))).Should().Contain("本次只有 1 名");
            }

            Text(await InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Officer2], Today, $"问题{i}", Today.AddDays(5))).Should().Contain($"青山县应急责改〔2026〕{i}号");
        }

        // Without a finding: closed, no order number.
        Text(await InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Officer2], Today)).Should().Contain("未发现问题，已办结");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Inspections WHERE OrderNumber IS NOT NULL")).Should().Be(3);
        (await CountAsync(app, "SELECT Last AS Value FROM DocumentCounters WHERE Kind = '责改' AND Year = 2026")).Should().Be(3);
    }

    [Fact]
    public async Task The_recheck_reminder_goes_once_and_an_overdue_recheck_lands_on_the_units_to_do_list()
    {
        await using var smtp = await Emergency.TestSupport.SmtpTestServer.StartAsync();
        await using var app = await StartAsync(new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });
        var s = await SetupAsync(app);

        // Deadline Wed 11-25; ten working days after: 11-26, 27, 30, 12-1, 2, 3, 4, 7, 8, 9 → due 2026-12-09.
        Text(await InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Officer2], Today, "边坡未设置防护", new DateOnly(2026, 11, 25))).Should().Contain("复查应于 2026-12-09 前完成");
        var id = await CountAsync(app, "SELECT Id AS Value FROM Inspections");

        Trigger(app);
        await Task.Delay(1500);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE 'recheck:%'")).Should().Be(0, "12-09 is beyond the 3-day lead");

        Clock.Advance(TimeSpan.FromDays(14)); // 12-07
        Trigger(app);
        var mails = await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        mails.Should().ContainSingle(m => m.Subject == "复查即将到期：青山县石门石料厂（2026-12-09）");
        mails.Single(m => (m.Subject ?? "").StartsWith("复查", StringComparison.Ordinal)).TextBody.Should().Contain("李建平、黄志强").And.Contain("青山县应急责改〔2026〕1号");

        Clock.Advance(TimeSpan.FromDays(1)); // 12-08
        Trigger(app);
        await Task.Delay(2500);
        smtp.Messages().Count(m => (m.Subject ?? "").StartsWith("复查", StringComparison.Ordinal)).Should().Be(1, "once per inspection and due date");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE 'recheck:{id}:%'")).Should().Be(1);

        Clock.Advance(TimeSpan.FromDays(2)); // 12-10: overdue
        Trigger(app);
        await Eventually.WaitAsync(() => ScalarOrNullAsync(app, "SELECT RecheckMissedOn AS Value FROM Inspections"), v => v == "2026-12-09");
        Text(await (await app.SignInAsync(Bureau)).GetStringAsync("/")).Should().Contain("青山县石门石料厂 复查已逾期：应于 2026-12-09 前复查");
        Text(await (await app.SignInAsync(Township)).GetStringAsync("/")).Should().NotContain("复查已逾期");
    }

    [Fact]
    public async Task A_township_sees_only_its_own_inspections_and_another_countys_is_not_found()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var entrusted = await AddTargetAsync(app, s.Bureau, "青山镇河口竹木加工厂", CodeNo(2), qingshan, jurisdiction: "township");
        var township = await app.AsAsync(Township);
        var w1 = await AddOfficerAsync(app, township, "韦志刚", "45099930101", Today.AddYears(-1), Today.AddYears(2), unit: Invariant(qingshan));
        var w2 = await AddOfficerAsync(app, township, "蒙秀英", "45099930102", Today.AddYears(-1), Today.AddYears(2), unit: Invariant(qingshan));

        Text(await InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Officer2], Today)).Should().Contain("已记录现场检查");
        var county = await CountAsync(app, "SELECT MAX(Id) AS Value FROM Inspections");
        (await InspectAsync(township, s.Target, [w1, w2], Today)).Should().Contain("请选择本单位管辖的检查对象", "the county's target is outside the township's jurisdiction");
        (await InspectAsync(township, entrusted, [w1, s.Officer1], Today)).Should().Contain("只能选择本单位登记的执法人员");
        Text(await InspectAsync(township, entrusted, [w1, w2], Today)).Should().Contain("已记录现场检查：青山镇河口竹木加工厂");
        var own = await CountAsync(app, "SELECT MAX(Id) AS Value FROM Inspections");

        var list = Text(await township.GetStringAsync("/enforcement/Inspections"));
        list.Should().Contain("青山镇河口竹木加工厂").And.NotContain("青山县石门石料厂");
        (await township.GetAsync($"/enforcement/Inspections/Details?id={own}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await township.GetAsync($"/enforcement/Inspections/Details?id={county}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await township.GetAsync($"/enforcement/Inspections/Details?id={county}&print=record")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = "450998", Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "enforcement" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await app.Services.GetRequiredService<StoreCatalog>().MigrateAsync(StoreKey.ForCounty("450998", "enforcement"), CancellationToken.None);
        await using (var db = app.OpenStore("enforcement", "450998"))
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO Inspections (Id, UnitName, TargetId, TargetName, TargetTownshipId, InspectedOn, OfficerIds, OfficerNames, AuxiliaryNames, ItemsChecked, Findings, PrincipalName, SafetyManagerName, OperatorName, Signatures, State, RecheckDueFallback, CreatedBy, CreatedAtUtc) VALUES (9001, '白石县应急管理局', 1, '白石县某化工厂', 1, '2026-11-01', '1,2', '甲、乙', '', 'x', '', 'a', 'b', 'c', '', 0, 0, 'x', '2026-11-01 00:00:00')");
        }

        (await s.Bureau.GetAsync("/enforcement/Inspections/Details?id=9001")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the inspection is in another county's store");
        Text(await s.Bureau.GetStringAsync("/enforcement/Inspections")).Should().NotContain("白石县某化工厂");
    }

    [Fact]
    public async Task A_photo_is_checked_by_its_content_and_served_only_through_the_inspection()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);

        async Task<string> PostAsync(byte[] photo, string fileName)
        {
            var page = await s.Bureau.GetStringAsync("/enforcement/Inspections/Create");
            var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            using var form = new MultipartFormDataContent();
            foreach (var (name, value) in new[]
            {
                ("__RequestVerificationToken", token), ("Input.TargetId", Invariant(s.Target)), ("Input.Date", Day(Today)), ("Input.ItemsChecked", "边坡"),
                ("Input.PrincipalName", "周某"), ("Input.SafetyManagerName", "韦某"), ("Input.OperatorName", "黄某"), ("Input.Signed", "true"),
                ("Input.OfficerIds", Invariant(s.Officer1)), ("Input.OfficerIds", Invariant(s.Officer2)),
            })
            {
                form.Add(new StringContent(value), name);
            }

            form.Add(new ByteArrayContent(photo), "Photos", fileName);
            return await (await s.Bureau.PostAsync("/enforcement/Inspections/Create", form)).Content.ReadAsStringAsync();
        }

        var fake = await PostAsync("not an image at all"u8.ToArray(), "现场.jpg");
        fake.Should().Contain("照片“现场.jpg”不是 JPEG、PNG 或 WebP 图片");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Inspections")).Should().Be(0);

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        Text(await PostAsync(png, "现场.jpg")).Should().Contain("已记录现场检查");
        var id = await CountAsync(app, "SELECT Id AS Value FROM Inspections");
        var photo = await CountAsync(app, "SELECT Id AS Value FROM InspectionPhotos");
        (await ScalarAsync(app, "SELECT ContentType AS Value FROM InspectionPhotos")).Should().Be("image/png", "recognised by content, not by the .jpg name");
        var served = await s.Bureau.GetAsync($"/enforcement/Inspections/Details?id={id}&handler=Photo&photoId={photo}");
        served.StatusCode.Should().Be(HttpStatusCode.OK);
        (await served.Content.ReadAsByteArrayAsync()).Should().Equal(png);
        (await (await app.AsAsync(Township)).GetAsync($"/enforcement/Inspections/Details?id={id}&handler=Photo&photoId={photo}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static void Trigger(TestApp app) =>
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("enforcement:recheck");

    private static async Task<string?> ScalarOrNullAsync(TestApp app, string sql)
    {
        await using var db = app.OpenStore("enforcement");
        return await db.Database.SqlQueryRaw<string?>(sql).SingleAsync();
    }
}
