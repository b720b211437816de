using System.Text.Json;
using System.Text.RegularExpressions;
using Emergency.Host.Tests.Plans;
using Emergency.Plans.Contracts;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Training;

/// <summary>
/// Drills pick their plan from the plans Plans issued (PlanIssued → Training's KnownPlans): the county sees all, a
/// township its own and its villages'; a new version replaces the old entry; the drill keeps the plan's id and its
/// DrillCompleted carries it, so Plans records the drill and, with problems, a revision trigger on that plan.
/// </summary>
public sealed partial class DrillPlanTests : TrainingTest
{
    private static Task<int> KnownPlansAsync(TestApp app, string where, int expected) =>
        Eventually.WaitAsync(() => CountAsync(app, $"SELECT COUNT(*) AS Value FROM KnownPlans WHERE {where}"), n => n == expected);

    /// <summary>Waits until every event the plans store published was delivered; returns how many are still waiting.</summary>
    private static Task<int> DeliveredAsync(TestApp app) =>
        Eventually.WaitAsync(() => CountAsync(app, "plans", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE DispatchedAtUtc IS NULL"), n => n == 0);

    private static Dictionary<string, string> DrillFields(int? planId, string planName, DateTime startsChina, string unit) => new()
    {
        ["Input.PlanId"] = planId is { } p ? Invariant(p) : "",
        ["Input.PlanName"] = planName,
        ["Input.Kind"] = "FullScale",
        ["Input.Scenario"] = "连续强降雨引发山洪，河口村低洼处群众需紧急转移",
        ["Input.StartsAt"] = ChinaLocal(startsChina),
        ["Input.EndsAt"] = ChinaLocal(startsChina.AddHours(3)),
        ["Input.Place"] = "河口村村委会广场",
        ["Input.Teams"] = "青山镇应急救援队",
        ["Input.Observers"] = "",
        ["Input.UnitKeys[0]"] = unit,
    };

    /// <summary>A plan issued as Plans would announce it (the event from the plans store, through the outbox).</summary>
    private static async Task IssueEventAsync(TestApp app, int planId, string title, int version, int? township, int? village = null, int? department = null)
    {
        await using var plans = app.OpenStore("plans");
        plans.Publish(new PlanIssued
        {
            PlanId = planId,
            Title = title,
            Type = village is not null ? "VillageCombined" : township is not null ? "TownshipGeneral" : "CountySpecial",
            TownshipId = township,
            VillageId = village,
            DepartmentId = department,
            Version = version,
            IssuedOn = new DateOnly(2026, 11, 2),
            DocumentNumber = $"青山发〔2026〕{version}号",
        });
        await plans.SaveChangesAsync();
    }

    [Fact]
    public async Task A_plan_issued_in_Plans_appears_in_the_drill_form_and_a_drill_on_it_closed_with_problems_flags_the_plan_in_Plans()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var township = await app.AsAsync(Township);
        var general = await PlansTest.GeneralAsync(app);
        var plan = await PlansTest.RegisterAsync(app, township, "青山镇应急工作手册", "TownshipManual", $"township:{qingshan}", general);
        (await PlansTest.UploadAsync(township, plan, PlansTest.Pdf, "手册.pdf", "application/pdf")).EnsureSuccessStatusCode();
        Text(await (await PlansTest.IssueAsync(app, township, plan, new DateOnly(2026, 11, 2))).Content.ReadAsStringAsync()).Should().Contain("已签发，该版本现行有效");

        (await KnownPlansAsync(app, $"PlanId = {plan} AND Version = 1 AND Title = '青山镇应急工作手册' AND OwnerName = '青山镇'", 1)).Should().Be(1);
        var form = await township.GetStringAsync("/training/Drills/Create");
        form.Should().Contain($"<option value=\"{plan}\"");
        Text(form).Should().Contain("青山镇应急工作手册（青山镇，第 1 版，青山镇发〔2026〕3号）");

        var start = InChinaTime(TimeSpan.FromDays(2));
        Text(await (await TestApp.PostFormAsync(township, "/training/Drills/Create", DrillFields(plan, "", start, $"township:{qingshan}"))).Content.ReadAsStringAsync())
            .Should().Contain("已计划演练：青山镇应急工作手册").And.Contain("来自预案管理");
        var drill = await CountAsync(app, $"SELECT Id AS Value FROM Drills WHERE PlanId = {plan} AND PlanName = '青山镇应急工作手册'");
        drill.Should().BePositive();

        Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(4));
        township = await SignInAsync(app, Township);
        var closed = Text(await (await RecordAsync(township, drill, "Close", "演练基本达到预期目标。", "转移路线指示牌缺失\n夜间照明不足")).Content.ReadAsStringAsync());
        closed.Should().Contain("演练已结束，发现问题 2 条");

        await using (var store = app.OpenStore("training"))
        {
            var payload = await store.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains("DrillCompleted")).Select(m => m.Payload).SingleAsync();
            JsonDocument.Parse(payload).RootElement.GetProperty("planId").GetInt32().Should().Be(plan, "DrillCompleted carries the plan's id");
        }

        var date = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await Eventually.WaitAsync(() => PlansTest.CountAsync(app, $"SELECT COUNT(*) AS Value FROM RevisionTriggers WHERE PlanId = {plan} AND Kind = 4 AND SourceKey = 'drill:{drill}'"), n => n == 1))
            .Should().Be(1, "the drill's problems flag the plan for revision in Plans");
        (await PlansTest.CountAsync(app, $"SELECT COUNT(*) AS Value FROM Plans WHERE Id = {plan} AND LastDrillOn = '{date}'")).Should().Be(1);
        Text(await township.GetStringAsync($"/plans/Details?id={plan}")).Should().Contain("演练或处置中发现问题").And.Contain("演练发现问题 2 条");
    }

    [Fact]
    public async Task A_township_is_offered_its_own_and_its_villages_plans_and_the_county_all()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var shimen = await TownshipIdAsync(app, "石门乡");
        var hekou = await VillageIdAsync(app, "河口村");
        await IssueEventAsync(app, 501, "青山县防汛抗旱应急预案", 1, null);
        await IssueEventAsync(app, 502, "青山镇防汛应急预案", 1, qingshan);
        await IssueEventAsync(app, 503, "河口村多合一处置方案", 1, qingshan, hekou);
        await IssueEventAsync(app, 504, "石门乡地质灾害应急预案", 1, shimen);
        await KnownPlansAsync(app, "1 = 1", 4);

        var township = Text(await (await app.AsAsync(Township)).GetStringAsync("/training/Drills/Create"));
        township.Should().Contain("青山镇防汛应急预案").And.Contain("河口村多合一处置方案（河口村").And.NotContain("石门乡地质灾害应急预案").And.NotContain("青山县防汛抗旱应急预案");
        var county = Text(await (await app.AsAsync(Bureau)).GetStringAsync("/training/Drills/Create"));
        county.Should().Contain("青山县防汛抗旱应急预案（县人民政府").And.Contain("青山镇防汛应急预案").And.Contain("河口村多合一处置方案").And.Contain("石门乡地质灾害应急预案");
    }

    [Fact]
    public async Task A_new_version_replaces_the_old_entry_and_an_old_or_repeated_event_changes_nothing()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        await IssueEventAsync(app, 601, "青山镇防汛应急预案", 1, qingshan);
        await KnownPlansAsync(app, "PlanId = 601 AND Version = 1", 1);
        await IssueEventAsync(app, 601, "青山镇防汛防台风应急预案", 2, qingshan);
        (await KnownPlansAsync(app, "PlanId = 601 AND Version = 2 AND Title = '青山镇防汛防台风应急预案'", 1)).Should().Be(1);

        await IssueEventAsync(app, 601, "青山镇防汛应急预案", 1, qingshan);
        await IssueEventAsync(app, 601, "青山镇防汛防台风应急预案", 2, qingshan);
        (await DeliveredAsync(app)).Should().Be(0, "every event was handled");

        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM KnownPlans WHERE PlanId = 601")).Should().Be(1, "one entry per plan");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM KnownPlans WHERE PlanId = 601 AND Version = 2 AND Title = '青山镇防汛防台风应急预案'")).Should().Be(1, "the older version's late event is ignored");
        var form = Text(await (await app.AsAsync(Township)).GetStringAsync("/training/Drills/Create"));
        form.Should().Contain("青山镇防汛防台风应急预案（青山镇，第 2 版，青山发〔2026〕2号）").And.NotContain("青山镇防汛应急预案");
    }

    [Fact]
    public async Task A_filed_version_in_force_is_shown_as_filed_and_a_filing_of_an_older_version_is_not()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        await IssueEventAsync(app, 611, "青山镇防汛应急预案", 2, qingshan);
        await IssueEventAsync(app, 612, "青山镇地震应急预案", 1, qingshan);
        await KnownPlansAsync(app, "1 = 1", 2);
        await using (var plans = app.OpenStore("plans"))
        {
            plans.Publish(new PlanFiled { PlanId = 611, Title = "青山镇防汛应急预案", Version = 2, TownshipId = qingshan, Deemed = false, FiledOn = new DateOnly(2026, 11, 20) });
            plans.Publish(new PlanFiled { PlanId = 612, Title = "青山镇地震应急预案", Version = 0, TownshipId = qingshan, Deemed = true, FiledOn = new DateOnly(2026, 11, 20) });
            await plans.SaveChangesAsync();
        }

        (await KnownPlansAsync(app, "PlanId = 611 AND Filed = 1", 1)).Should().Be(1);
        (await DeliveredAsync(app)).Should().Be(0, "every event was handled");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM KnownPlans WHERE PlanId = 612 AND Filed = 0")).Should().Be(1, "the filing was of another version");
        var form = Text(await (await app.AsAsync(Township)).GetStringAsync("/training/Drills/Create"));
        form.Should().Contain("青山镇防汛应急预案（青山镇，第 2 版，青山发〔2026〕2号，已备案）").And.Contain("青山镇地震应急预案（青山镇，第 1 版，青山发〔2026〕1号）");
    }

    [Fact]
    public async Task A_plan_the_organiser_may_not_pick_is_refused_beside_the_field_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var shimen = await TownshipIdAsync(app, "石门乡");
        await IssueEventAsync(app, 701, "石门乡地质灾害应急预案", 1, shimen);
        await KnownPlansAsync(app, "PlanId = 701", 1);
        var township = await app.AsAsync(Township);

        var html = await (await TestApp.PostFormAsync(township, "/training/Drills/Create", DrillFields(701, "", InChinaTime(TimeSpan.FromDays(3)), $"township:{qingshan}"))).Content.ReadAsStringAsync();
        ErrorFor("Input.PlanId").Match(html).Groups[1].Value.Should().Be("只能选择本单位可见的现行有效预案");
        var unknown = await (await TestApp.PostFormAsync(township, "/training/Drills/Create", DrillFields(999, "", InChinaTime(TimeSpan.FromDays(3)), $"township:{qingshan}"))).Content.ReadAsStringAsync();
        ErrorFor("Input.PlanId").Match(unknown).Groups[1].Value.Should().Be("只能选择本单位可见的现行有效预案");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Drills")).Should().Be(0);
    }

    [Fact]
    public async Task A_plan_not_listed_is_named_by_hand_and_the_drill_keeps_no_plan_id()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var township = await app.AsAsync(Township);
        Text(await township.GetStringAsync("/training/Drills/Create")).Should().Contain("（列表中没有：手工填写预案名称）");
        Text(await (await TestApp.PostFormAsync(township, "/training/Drills/Create", DrillFields(null, "青山镇森林防火应急预案", InChinaTime(TimeSpan.FromDays(3)), $"township:{qingshan}"))).Content.ReadAsStringAsync())
            .Should().Contain("已计划演练：青山镇森林防火应急预案").And.NotContain("来自预案管理");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Drills WHERE PlanName = '青山镇森林防火应急预案' AND PlanId IS NULL")).Should().Be(1);
    }

    [Fact]
    public async Task Neither_a_plan_picked_nor_a_name_is_refused_beside_the_name_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var none = await (await TestApp.PostFormAsync(await app.AsAsync(Township), "/training/Drills/Create", DrillFields(null, " ", InChinaTime(TimeSpan.FromDays(3)), $"township:{qingshan}"))).Content.ReadAsStringAsync();
        ErrorFor("Input.PlanName").Match(none).Groups[1].Value.Should().Be("请填写演练所依据的预案名称（或从列表中选择预案）");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Drills")).Should().Be(0);
    }

    private static async Task<HttpResponseMessage> RecordAsync(HttpClient client, int id, string handler, string report, string problems)
    {
        var path = $"/training/Drills/Details?id={id}";
        var page = await client.GetStringAsync(path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("按预案完成预警发布和群众转移"), "Record.Account" },
            { new StringContent(problems), "Record.Problems" },
            { new StringContent("补充应急照明"), "Record.Improvements" },
            { new StringContent(report), "Record.EvaluationReport" },
        };
        return await client.PostAsync(path + "&handler=" + handler, form);
    }

    private static Regex ErrorFor(string field) =>
        new($"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>([^<]*)<");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
