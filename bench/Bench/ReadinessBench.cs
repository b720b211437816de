using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Contracts;
using Emergency.Experts.Contracts;
using Emergency.Grid.Contracts;
using Emergency.Plans.Contracts;
using Emergency.Teams.Contracts;
using Emergency.Training.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Bench;

/// <summary>
/// Issue #15: a county of 30 townships and 600 villages with a year of events in the readiness journal — 1,000,000
/// at full size: hazards reported, overdue and closed (70 %), cases opened, clocks missed and closed (10 %), and the
/// rest from Teams, Training, Plans and Experts (team strength, supplies below and restored, weekly duty plans,
/// courses, days delivered, plans issued and filed, drills, experts admitted). Measures:
/// <list type="bullet">
/// <item>a full rebuild of the read model from the journal, through the county admin's button (aim ≤ 60 s);</item>
/// <item>the leader's page p95 at the fixed rates and its throughput against the bare one-row endpoint in the same
/// run (aim ≤ 30 ms, ≥ 0.25);</item>
/// <item>live events through the dispatcher after the rebuild: hazards falling overdue, each re-scoring its township.</item>
/// </list>
/// <c>--scale 0.01</c> shrinks the journal.
/// </summary>
internal static partial class ReadinessBench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] Specials = ["Production", "FloodDrought", "EarthquakeGeology", "Weather", "Fire", "ForestFire", "DisasterRelief"];

    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host, Options options)
    {
        var total = Math.Max(20_000, (int)(1_000_000 * options.Scale));
        var lines = new List<string>();
        var (townships, villages) = await TrainingBench.SeedUnitsAsync(host);
        var seeding = Stopwatch.StartNew();
        var counts = await SeedJournalAsync(host, townships, villages, total);
        await SeedOfficesAsync(host, townships);
        host.NoteBulkLoad();
        lines.Add(FormattableString.Invariant($"Seeded {townships.Count} townships, {villages.Count} villages and a journal of {counts.Values.Sum():N0} events in {seeding.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:N0}"))}"));

        using var admin = await host.SignInAsync("county-admin", TimeSpan.FromMinutes(15));
        lines.Add(await RebuildAsync(admin, counts.Values.Sum()));

        using var leader = await host.SignInAsync("leader");
        string Board(int i) => "/readiness";
        string TownshipPage(int i) => "/readiness/Township?id=" + townships[i % townships.Count].Id.ToString(CultureInfo.InvariantCulture);
        string OneRow(int i) => "/bench/one-row/readiness/OfficeStaff/" + (1 + (i % (townships.Count * 3))).ToString(CultureInfo.InvariantCulture);
        var probe = await leader.GetStringAsync("/readiness");
        if (!probe.Contains(townships[^1].Name, StringComparison.Ordinal))
        {
            lines.Add("The leader's page does NOT list the last township: the figures below are not of the full board.");
        }

        lines.Add(FormattableString.Invariant($"The leader's page is {probe.Length:N0} characters of HTML (before compression)."));
        await host.WaitForQuietAsync(TimeSpan.FromMinutes(5));
        await Load.WarmAsync(leader, Board, 60);
        await Load.WarmAsync(leader, TownshipPage, 60);
        await Load.WarmAsync(leader, OneRow, 60);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        foreach (var rate in options.Rates)
        {
            var page = await Load.FixedRateAsync("leader's page (county board)", leader, Board, rate, duration);
            var bare = await Load.FixedRateAsync("bare one-row endpoint", leader, OneRow, rate, duration);
            lines.Add(page.ToString());
            lines.Add(bare.ToString());
            lines.Add(FormattableString.Invariant($"Leader's page p95 at {rate:0}/s target 30 ms: {(page.P95 <= 30 ? "met" : "NOT met")} ({page.P95:0.0} ms)"));
        }

        lines.Add((await Load.FixedRateAsync("a township's page (its 六有, 十个一, 20 villages, the office forms)", leader, TownshipPage, options.Rates[0], duration)).ToString());
        var pageThroughput = await Load.ThroughputAsync("leader's page", leader, Board, options.Concurrency, duration);
        var townshipThroughput = await Load.ThroughputAsync("a township's page", leader, TownshipPage, options.Concurrency, duration);
        var bareThroughput = await Load.ThroughputAsync("bare one-row endpoint", leader, OneRow, options.Concurrency, duration);
        lines.Add(pageThroughput.ToString());
        lines.Add(townshipThroughput.ToString());
        lines.Add(bareThroughput.ToString());
        lines.Add(FormattableString.Invariant($"Leader's page throughput / bare throughput = {pageThroughput.PerSecond / bareThroughput.PerSecond:0.00} (target ≥ 0.25); a township's page {townshipThroughput.PerSecond / bareThroughput.PerSecond:0.00}"));

        lines.Add(await LiveAsync(host, townships, Math.Max(200, (int)(2_000 * options.Scale))));
        return lines;
    }

    /// <summary>The county admin's rebuild button; then the board until it reads the scores again.</summary>
    private static async Task<string> RebuildAsync(HttpClient admin, int events)
    {
        var page = await admin.GetStringAsync("/readiness");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value });
        var watch = Stopwatch.StartNew();
        using var response = await admin.PostAsync("/readiness?handler=Rebuild", content);
        var body = await response.Content.ReadAsStringAsync();
        var answered = watch.Elapsed.TotalSeconds;
        var replayed = Replayed().Match(body);
        return replayed.Success
            ? FormattableString.Invariant($"Full rebuild from the journal of {events:N0} events: {answered:0.0} s (target 60 s); the page says {replayed.Groups[0].Value}")
            : FormattableString.Invariant($"Full rebuild answered {(int)response.StatusCode} after {answered:0.0} s without a count of replayed events: {Regex.Replace(body, "<[^>]+>", " ")[..Math.Min(300, body.Length)]}");
    }

    /// <summary>Hazards fall overdue one after another, published from Grid's store as the sweep does: time until the journal has them all.</summary>
    private static async Task<string> LiveAsync(BenchHost host, IReadOnlyList<UnitInfo> townships, int count)
    {
        await using var readiness = host.OpenStore("readiness");
        var before = await readiness.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS Value FROM ReceivedEvents").SingleAsync();
        var watch = Stopwatch.StartNew();
        await using (var grid = host.OpenStore("grid"))
        {
            for (var i = 0; i < count; i++)
            {
                grid.Publish(new HazardOverdue
                {
                    HazardId = 1 + i,
                    TownshipId = townships[i % townships.Count].Id,
                    DepartmentId = 1,
                    DeadlineUtc = DateTime.UtcNow.AddDays(-1),
                    Level = HazardLevel.General,
                });
            }

            await grid.SaveChangesAsync();
        }

        var published = watch.Elapsed.TotalSeconds;
        long now;
        do
        {
            await Task.Delay(100);
            now = await readiness.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS Value FROM ReceivedEvents").SingleAsync();
        }
        while (now - before < count && watch.Elapsed < TimeSpan.FromMinutes(10));

        var seconds = watch.Elapsed.TotalSeconds;
        return FormattableString.Invariant($"Live: {count:N0} HazardOverdue events published from Grid's store ({published:0.0} s) were journalled and scored by readiness after {seconds:0.0} s ({(now - before) / seconds:0} events/s, {now - before:N0} received)");
    }

    /// <summary>Three office staff per township, so 机构 is met and the bare endpoint has rows to read.</summary>
    private static async Task SeedOfficesAsync(BenchHost host, IReadOnlyList<UnitInfo> townships)
    {
        await using var db = host.OpenStore("readiness");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var office = connection.CreateCommand();
        office.Transaction = transaction;
        office.CommandText = """
            INSERT OR IGNORE INTO TownshipOffices (TownshipId, LeaderInCharge, FirstResponsible, Facilities, CommandLead, MemberUnits, Director, UpdatedBy, UpdatedAtUtc)
            VALUES ($t, '王分管', '李书记', '办公室一间', '李书记', '派出所、卫生院', '张主任', 'bench', $at)
            """;
        var op = ExpertsBench.Parameters(office, "$t", "$at");
        await using var staff = connection.CreateCommand();
        staff.Transaction = transaction;
        staff.CommandText = "INSERT INTO OfficeStaff (TownshipId, Name, Post) VALUES ($t, $name, $post)";
        var sp = ExpertsBench.Parameters(staff, "$t", "$name", "$post");
        foreach (var township in townships)
        {
            op["$t"].Value = township.Id;
            op["$at"].Value = DateTime.UtcNow;
            await office.ExecuteNonQueryAsync();
            foreach (var (name, post) in new[] { ("张主任", "主任"), ("刘干事", "干事"), ("陈干事", "干事") })
            {
                sp["$t"].Value = township.Id;
                sp["$name"].Value = name;
                sp["$post"].Value = post;
                await staff.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>Writes the journal as the handlers would have over a year (bulk SQL); returns the count per event type.</summary>
    private static async Task<Dictionary<string, int>> SeedJournalAsync(BenchHost host, IReadOnlyList<UnitInfo> townships, IReadOnlyList<UnitInfo> villages, int total)
    {
        await using var db = host.OpenStore("readiness");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO ReceivedEvents (EventId, Type, Payload, OccurredAtUtc, ReceivedAtUtc) VALUES ($id, $type, $payload, $at, $at)";
        var p = ExpertsBench.Parameters(insert, "$id", "$type", "$payload", "$at");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in Year(townships, villages, total))
        {
            var type = e.GetType();
            p["$id"].Value = e.Id;
            p["$type"].Value = type.Name;
            p["$payload"].Value = JsonSerializer.Serialize(e, type, Json);
            p["$at"].Value = e.OccurredAtUtc;
            await insert.ExecuteNonQueryAsync();
            counts[type.Name] = counts.GetValueOrDefault(type.Name) + 1;
        }

        await transaction.CommitAsync();
        return counts;
    }

    /// <summary>
    /// A year of a county's events in time order. Per hundred events: 70 of hazards (each reported; a third of them
    /// overdue; four in five closed), 10 of cases (opened; a fifth miss a clock; most closed), 5 team strength changes,
    /// 4 supplies below or restored, 3 duty plans, 6 courses, and the rest days delivered, plans, drills and experts.
    /// </summary>
    private static IEnumerable<IntegrationEvent> Year(IReadOnlyList<UnitInfo> townships, IReadOnlyList<UnitInfo> villages, int total)
    {
        var random = new Random(20261206);
        var start = DateTime.UtcNow.AddDays(-365);
        var step = TimeSpan.FromDays(365) / total;
        var byTownship = villages.GroupBy(v => v.ParentId ?? 0).ToDictionary(g => g.Key, g => g.ToList());
        var hazard = 0;
        var caseId = 0;
        var plan = 0;
        var drill = 0;
        var expert = 0;
        var course = 0;
        var pending = new Queue<IntegrationEvent>();
        var produced = 0;
        while (produced < total)
        {
            var at = start + (step * produced);
            var today = DateOnly.FromDateTime(at);
            if (pending.Count > 0)
            {
                var next = pending.Dequeue() with { OccurredAtUtc = at, County = BenchHost.County };
                produced++;
                yield return next;
                continue;
            }

            var township = townships[random.Next(townships.Count)];
            var village = byTownship.TryGetValue(township.Id, out var mine) && mine.Count > 0 ? mine[random.Next(mine.Count)] : villages[random.Next(villages.Count)];
            var bucket = produced % 100;
            IntegrationEvent e;
            if (bucket < 70)
            {
                hazard++;
                e = new HazardReported { HazardId = hazard, TownshipId = township.Id, VillageId = village.Id, GridCode = "G" + village.Id.ToString(CultureInfo.InvariantCulture), Category = (HazardCategory)(hazard % 5), Level = HazardLevel.General, Place = village.Name + "村口", ReportedBy = "网格员" };
                if (hazard % 3 == 0)
                {
                    pending.Enqueue(new HazardOverdue { HazardId = hazard, TownshipId = township.Id, DepartmentId = 1, DeadlineUtc = at.AddDays(7), Level = HazardLevel.General });
                }

                if (hazard % 5 != 0)
                {
                    pending.Enqueue(new HazardClosed { HazardId = hazard, TownshipId = township.Id, DepartmentId = 1, Level = HazardLevel.General, ClosedBy = "网格员" });
                }
            }
            else if (bucket < 80)
            {
                caseId++;
                e = new CaseOpened { CaseId = caseId, TargetId = caseId, TargetName = "压测企业" + caseId.ToString(CultureInfo.InvariantCulture), TownshipId = township.Id, FilingNumber = "青应急立〔2026〕" + caseId.ToString(CultureInfo.InvariantCulture) + "号", FiledOn = today, Simple = false };
                if (caseId % 5 == 0)
                {
                    pending.Enqueue(new CaseClockMissed { CaseId = caseId, Clock = "decide", ClockName = "作出决定", DueLocal = at.AddDays(30), TownshipId = township.Id });
                }

                if (caseId % 10 != 0)
                {
                    pending.Enqueue(new CaseClosed { CaseId = caseId, TargetId = caseId, ClosedOn = today, Transferred = false });
                }
            }
            else if (bucket < 85)
            {
                var team = random.Next(townships.Count + villages.Count);
                var ofTownship = team < townships.Count;
                var active = random.Next(5, 60);
                e = new TeamStrengthChanged
                {
                    TeamId = team + 1,
                    Kind = ofTownship ? TeamKind.Township : TeamKind.Village,
                    TeamName = (ofTownship ? township.Name : village.Name) + "应急救援队",
                    TownshipId = township.Id,
                    VillageId = ofTownship ? null : village.Id,
                    ActiveMembers = active,
                    TrainedMembers = random.Next(active + 1),
                    Minimum = ofTownship ? 30 : 10,
                    MeetsMinimum = active >= (ofTownship ? 30 : 10),
                };
            }
            else if (bucket < 89)
            {
                var stock = random.Next(1, 10_001);
                var site = 1 + (stock % 2_000);
                e = bucket % 2 == 0
                    ? new SupplyBelowMinimum { StockId = stock, SiteId = site, SiteName = township.Name + "物资储备点", KindName = "编织袋", Unit = "条", Quantity = 10, Minimum = 500, BelowSince = today, TownshipId = township.Id }
                    : new SupplyRestored { StockId = stock, SiteId = site, TownshipId = township.Id };
            }
            else if (bucket < 92)
            {
                e = new DutyPlanFiled { TownshipId = township.Id, VillageId = village.Id, VillageName = village.Name, WeekStart = today.AddDays(-(int)today.DayOfWeek + 1) };
            }
            else if (bucket < 98)
            {
                course++;
                var toTownship = course % 3 == 0;
                e = new CourseCompleted
                {
                    SessionId = 1 + (course / 40),
                    SessionTitle = "应急管理业务培训",
                    Date = today,
                    PersonName = "学员" + course.ToString(CultureInfo.InvariantCulture),
                    UnitKind = toTownship ? UnitKind.Township : UnitKind.Village,
                    UnitId = toTownship ? township.Id : village.Id,
                    UnitName = toTownship ? township.Name : village.Name,
                    Hours = 8,
                    Passed = course % 7 != 0,
                };
            }
            else if (bucket == 98)
            {
                switch (produced / 100 % 4)
                {
                    case 0:
                        e = new TrainingDaysDelivered { UnitKind = UnitKind.Township, UnitId = township.Id, UnitName = township.Name, TownshipId = township.Id, Year = at.Year, Target = 10, Delivered = Math.Min(12, 1 + (produced * 12 / total)) };
                        break;
                    case 1:
                        plan++;
                        e = new PlanIssued { PlanId = plan, Title = township.Name + "专项应急预案" + plan.ToString(CultureInfo.InvariantCulture), Type = plan % 8 == 0 ? "TownshipGeneral" : "TownshipSpecial", Category = plan % 8 == 0 ? null : Specials[(plan % 8) - 1], TownshipId = township.Id, Version = 1, IssuedOn = today };
                        pending.Enqueue(new PlanFiled { PlanId = plan, Title = township.Name + "专项应急预案" + plan.ToString(CultureInfo.InvariantCulture), Version = 1, TownshipId = township.Id, Deemed = false, FiledOn = today });
                        break;
                    case 2:
                        drill++;
                        e = new DrillCompleted { DrillId = drill, PlanName = township.Name + "综合应急预案", PlanId = plan > 0 ? random.Next(1, plan + 1) : null, Date = today, Kind = DrillKind.Tabletop, ProblemsFound = drill % 3, TownshipIds = [township.Id] };
                        break;
                    default:
                        expert++;
                        e = new ExpertAdmitted { ExpertId = expert, Name = "专家" + expert.ToString(CultureInfo.InvariantCulture), Level = ExpertTeamLevel.County, Fields = [(expert % 3) switch { 0 => "危险化学品", 1 => "防汛抗旱", _ => "森林防火" }], CertificateNumber = "ZJ" + expert.ToString(CultureInfo.InvariantCulture), TermEnd = today.AddYears(3) };
                        break;
                }
            }
            else
            {
                e = new DutyPlanFiled { TownshipId = township.Id, VillageId = village.Id, VillageName = village.Name, WeekStart = today.AddDays(-(int)today.DayOfWeek + 1) };
            }

            produced++;
            yield return e with { OccurredAtUtc = at, County = BenchHost.County };
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("重放 ([0-9]+) 条事件")]
    private static partial Regex Replayed();
}
