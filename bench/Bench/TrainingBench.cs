using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Bench;

/// <summary>
/// Issue #12 (training):
/// <list type="bullet">
/// <item>(a) 10,000 reminder emails fall due at once (ten sessions a day ahead, 1,000 invitees with an address each):
/// one run of the <c>training:reminders</c> job, then the notices → mail queue → SMTP path to a loopback SMTP server
/// in the bench process (<see cref="SmtpSink"/>); the time until all are delivered, sends per second, and
/// duplicates and losses counted against the server's list of received messages;</item>
/// <item>(b) the yearly days-owed page (/training/Owed) for a county of 30 townships and 600 villages with 5,000
/// sessions and 200,000 attendance rows (bulk SQL), p50/p95/p99 at a fixed rate, against the bare one-row endpoint
/// in the same run (and the ratio of their p95).</item>
/// </list>
/// <c>--scale</c> shrinks the mail count and the sessions/attendance (not the units) for a short proving run.
/// </summary>
internal static partial class TrainingBench
{
    private const int Emails = 10_000;
    private const int ReminderSessions = 10;
    private const int Townships = 30;
    private const int Villages = 600;
    private const int Sessions = 5_000;
    private const int Attendance = 200_000;
    private const string ReminderJob = "training:reminders";

    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host, Options options)
    {
        var lines = new List<string>();
        lines.AddRange(await RemindersAsync(host, options));
        lines.AddRange(await OwedAsync(host, options));
        return lines;
    }

    private static int Scaled(int full, double scale, int minimum) => Math.Max(minimum, (int)Math.Round(full * scale));

    // (a) ---------------------------------------------------------------------------------------------------------

    private static async Task<IReadOnlyList<string>> RemindersAsync(BenchHost host, Options options)
    {
        var lines = new List<string> { "### (a) reminder emails due at once to a loopback SMTP server" };
        var emails = Scaled(Emails, options.Scale, ReminderSessions);
        await using var sink = SmtpSink.Start();
        await UseSinkAsync(host, sink);

        var seeding = Stopwatch.StartNew();
        var expected = await SeedRemindersAsync(host, emails);
        lines.Add(FormattableString.Invariant($"Seeded {ReminderSessions} sessions starting in 23 h with {expected.Count:N0} invitees with an address in {seeding.Elapsed.TotalSeconds:0.0} s"));

        var runner = host.Services.GetRequiredService<RecurringJobRunner>();
        var clock = Stopwatch.StartNew();
        await runner.RunForCountyAsync(ReminderJob, BenchHost.County, CancellationToken.None);
        var job = clock.Elapsed;
        var timeout = TimeSpan.FromSeconds(Math.Max(120, emails / 5.0));
        var complete = await WaitForAsync(sink, expected, timeout);
        var total = clock.Elapsed;
        // Anything sent twice arrives shortly after; give stragglers a moment before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var received = sink.Messages();
        var ours = received.SelectMany(m => m.Recipients).Where(expected.Contains).ToList();
        var distinct = ours.Distinct(StringComparer.Ordinal).Count();
        var duplicates = ours.Count - distinct;
        var lost = expected.Count - distinct;
        var firstAt = received.Count == 0 ? 0 : (received.Min(m => m.AtUtc) - (DateTime.UtcNow - clock.Elapsed)).TotalSeconds;
        lines.Add(FormattableString.Invariant($"Reminder job run: {job.TotalSeconds:0.00} s for {expected.Count:N0} notices"));
        lines.Add(FormattableString.Invariant(
            $"{(complete ? "All delivered" : "NOT all delivered")} after {total.TotalSeconds:0.0} s (first mail at {firstAt:0.0} s): {distinct:N0} of {expected.Count:N0} delivered, {expected.Count / total.TotalSeconds:0.0} sends/s, over {sink.Connections:N0} SMTP connections"));
        lines.Add(FormattableString.Invariant($"Duplicates {duplicates}, lost {lost} (the server's list: {received.Count:N0} messages in all)"));
        return lines;
    }

    private static async Task<bool> WaitForAsync(SmtpSink sink, HashSet<string> expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (sink.Count >= expected.Count && sink.Messages().SelectMany(m => m.Recipients).Where(expected.Contains).Distinct(StringComparer.Ordinal).Count() >= expected.Count)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    /// <summary>The county's own SMTP server is the sink: set through the county settings page, as a county admin would.</summary>
    private static async Task UseSinkAsync(BenchHost host, SmtpSink sink)
    {
        using var admin = await host.SignInAsync("county-admin");
        var page = await admin.GetStringAsync("/County/Settings");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
            ["mail.smtp-host"] = sink.Host,
            ["mail.smtp-port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["mail.smtp-security"] = "None",
            ["mail.from-address"] = "bench@yingji.local",
        });
        var saved = await admin.PostAsync("/County/Settings", form);
        var text = await saved.Content.ReadAsStringAsync();
        if (!saved.IsSuccessStatusCode || !text.Contains("已保存", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Could not point the county's SMTP settings at the sink");
        }
    }

    /// <summary>Sessions a day ahead (so the second lead time, 1 day, is due now) with invitees with an address; no target units, so only the invitees are mailed.</summary>
    private static async Task<HashSet<string>> SeedRemindersAsync(BenchHost host, int emails)
    {
        await using var db = host.OpenStore("training");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var now = DateTime.UtcNow;
        var expected = new HashSet<string>(StringComparer.Ordinal);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var session = connection.CreateCommand();
        session.Transaction = transaction;
        session.CommandText = """
            INSERT INTO Sessions (Kind, Title, Content, StartsAtUtc, EndsAtUtc, Place, Trainer, Hours, Days, TownshipId, DepartmentId, OrganiserName, Status, Version, VersionAtUtc, CreatedBy, CreatedAtUtc)
            VALUES (0, $title, '防汛应急预案要点', $start, $end, '县应急指挥中心', '李建平', 8, 1, NULL, NULL, '县应急管理局', 0, 0, $version, 'yjj', $version)
            RETURNING Id
            """;
        var sp = ExpertsBench.Parameters(session, "$title", "$start", "$end", "$version");
        await using var invitee = connection.CreateCommand();
        invitee.Transaction = transaction;
        invitee.CommandText = "INSERT INTO Invitees (SessionId, Name, UnitName, Email, Mobile, IdCard, Attendance, Passed) VALUES ($s, $name, '青山镇', $email, '', '', 0, 0)";
        var ip = ExpertsBench.Parameters(invitee, "$s", "$name", "$email");
        var perSession = (int)Math.Ceiling(emails / (double)ReminderSessions);
        for (var s = 0; s < ReminderSessions && expected.Count < emails; s++)
        {
            sp["$title"].Value = "提醒压测培训" + (s + 1).ToString(CultureInfo.InvariantCulture);
            sp["$start"].Value = now.AddHours(23);
            sp["$end"].Value = now.AddHours(31);
            sp["$version"].Value = now.AddDays(-10);
            var id = Convert.ToInt32(await session.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            for (var i = 0; i < perSession && expected.Count < emails; i++)
            {
                var address = "bench-" + expected.Count.ToString("D5", CultureInfo.InvariantCulture) + "@bench.test";
                ip["$s"].Value = id;
                ip["$name"].Value = "学员" + expected.Count.ToString(CultureInfo.InvariantCulture);
                ip["$email"].Value = address;
                await invitee.ExecuteNonQueryAsync();
                expected.Add(address);
            }
        }

        await transaction.CommitAsync();
        return expected;
    }

    // (b) ---------------------------------------------------------------------------------------------------------

    private static async Task<IReadOnlyList<string>> OwedAsync(BenchHost host, Options options)
    {
        var lines = new List<string> { "### (b) yearly days-owed page, 30 townships and 600 villages" };
        var sessions = Scaled(Sessions, options.Scale, 50);
        var attendance = Scaled(Attendance, options.Scale, 2_000);
        var seeding = Stopwatch.StartNew();
        var (townships, villages) = await SeedUnitsAsync(host);
        await SeedSessionsAsync(host, townships, villages, sessions, attendance);
        lines.Add(FormattableString.Invariant($"Seeded {townships.Count} townships, {villages.Count} villages, {sessions:N0} sessions, {attendance:N0} attendance rows in {seeding.Elapsed.TotalSeconds:0.0} s"));

        using var county = await host.SignInAsync("yjj");
        using var township = await host.SignInAsync("qingshan");
        var year = DateTime.UtcNow.AddHours(8).Year.ToString(CultureInfo.InvariantCulture);
        string Owed(int i) => "/training/Owed?year=" + year;
        string OneRow(int i) => "/bench/one-row/training/Sessions/" + (1 + (i * 7919 % sessions)).ToString(CultureInfo.InvariantCulture);

        await Load.WarmAsync(county, Owed, 30);
        await Load.WarmAsync(county, OneRow, 100);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var page = await Load.FixedRateAsync("days-owed page (county: 630 units)", county, Owed, options.Rate, duration);
        var bare = await Load.FixedRateAsync("bare one-row endpoint", county, OneRow, options.Rate, duration);
        var own = await Load.FixedRateAsync("days-owed page (青山镇: itself and its villages)", township, Owed, options.Rate, duration);
        lines.Add(page.ToString());
        lines.Add(bare.ToString());
        lines.Add(own.ToString());
        lines.Add(FormattableString.Invariant($"p95 days-owed (county) / p95 bare = {page.P95 / Math.Max(0.001, bare.P95):0.0}; (township) / bare = {own.P95 / Math.Max(0.001, bare.P95):0.0}"));
        var pageThroughput = await Load.ThroughputAsync("days-owed page (county)", county, Owed, options.Concurrency, duration);
        var bareThroughput = await Load.ThroughputAsync("bare one-row endpoint", county, OneRow, options.Concurrency, duration);
        lines.Add(pageThroughput.ToString());
        lines.Add(bareThroughput.ToString());
        lines.Add(FormattableString.Invariant($"Days-owed throughput / bare throughput = {pageThroughput.PerSecond / bareThroughput.PerSecond:0.00} (target ≥ 0.25)"));
        return lines;
    }

    /// <summary>Brings the bench county to 30 townships and 600 villages (the platform store, as the tree import would).</summary>
    internal static async Task<(IReadOnlyList<UnitInfo> Townships, IReadOnlyList<UnitInfo> Villages)> SeedUnitsAsync(BenchHost host)
    {
        var units = host.Services.GetRequiredService<ICountyUnits>();
        var townships = await units.TownshipsAsync(BenchHost.County);
        var villages = await units.VillagesAsync(BenchHost.County);
        await using (var platform = host.Services.GetRequiredService<StoreCatalog>().Open(StoreKey.Platform("platform")))
        {
            var connection = platform.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var addTownship = connection.CreateCommand();
            addTownship.Transaction = transaction;
            addTownship.CommandText = "INSERT INTO Townships (CountyCode, Code, Name, Kind) VALUES ($county, $code, $name, 1) RETURNING Id";
            var tp = ExpertsBench.Parameters(addTownship, "$county", "$code", "$name");
            await using var addVillage = connection.CreateCommand();
            addVillage.Transaction = transaction;
            addVillage.CommandText = "INSERT INTO Villages (CountyCode, TownshipId, Code, Name, Kind) VALUES ($county, $t, $code, $name, 0)";
            var vp = ExpertsBench.Parameters(addVillage, "$county", "$t", "$code", "$name");
            var townshipIds = new List<(int Id, string Code)>();
            for (var i = townships.Count; i < Townships; i++)
            {
                var code = BenchHost.County + (800 + i).ToString("D3", CultureInfo.InvariantCulture);
                tp["$county"].Value = BenchHost.County;
                tp["$code"].Value = code;
                tp["$name"].Value = "压测" + (i + 1).ToString(CultureInfo.InvariantCulture) + "镇";
                townshipIds.Add((Convert.ToInt32(await addTownship.ExecuteScalarAsync(), CultureInfo.InvariantCulture), code));
            }

            var all = townships.Select(t => (t.Id, Code: "")).Concat(townshipIds).ToList();
            for (var i = villages.Count; i < Villages; i++)
            {
                var (id, _) = all[i % all.Count];
                vp["$county"].Value = BenchHost.County;
                vp["$t"].Value = id;
                vp["$code"].Value = BenchHost.County + "9" + i.ToString("D5", CultureInfo.InvariantCulture);
                vp["$name"].Value = "压测" + (i + 1).ToString(CultureInfo.InvariantCulture) + "村";
                await addVillage.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        // Written over a raw connection: the units the host keeps between requests are read again.
        host.NoteBulkLoad();
        return (await units.TownshipsAsync(BenchHost.County), await units.VillagesAsync(BenchHost.County));
    }

    /// <summary>
    /// Sessions this year: a fifth from the county for 3 townships each, the rest from a township for 3 of its villages;
    /// 70 % closed, 25 % scheduled, 5 % cancelled; the attendance rows spread over them (present, scored).
    /// </summary>
    private static async Task SeedSessionsAsync(BenchHost host, IReadOnlyList<UnitInfo> townships, IReadOnlyList<UnitInfo> villages, int sessions, int attendance)
    {
        await using var db = host.OpenStore("training");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var random = new Random(20261123);
        var byTownship = villages.GroupBy(v => v.ParentId ?? 0).ToDictionary(g => g.Key, g => g.ToList());
        var chinaNow = DateTime.UtcNow.AddHours(8);
        var yearStartUtc = new DateTime(chinaNow.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
        var span = Math.Max(1, (int)(DateTime.UtcNow - yearStartUtc).TotalHours + 24 * 30);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var session = connection.CreateCommand();
        session.Transaction = transaction;
        session.CommandText = """
            INSERT INTO Sessions (Kind, Title, Content, StartsAtUtc, EndsAtUtc, Place, Trainer, Hours, Days, TownshipId, DepartmentId, OrganiserName, Status, Version, VersionAtUtc, CreatedBy, CreatedAtUtc, ClosedAtUtc)
            VALUES (0, $title, '应急管理业务培训', $start, $end, '培训教室', '李建平', 8, $days, $township, NULL, $organiser, $status, 0, $created, 'bench', $created, $closed)
            RETURNING Id
            """;
        var sp = ExpertsBench.Parameters(session, "$title", "$start", "$end", "$days", "$township", "$organiser", "$status", "$created", "$closed");
        await using var target = connection.CreateCommand();
        target.Transaction = transaction;
        target.CommandText = "INSERT OR IGNORE INTO SessionTargets (SessionId, UnitKind, UnitId, UnitName, TownshipId) VALUES ($s, $kind, $unit, $name, $t)";
        var tp = ExpertsBench.Parameters(target, "$s", "$kind", "$unit", "$name", "$t");
        await using var invitee = connection.CreateCommand();
        invitee.Transaction = transaction;
        invitee.CommandText = "INSERT INTO Invitees (SessionId, Name, UnitName, Email, Mobile, IdCard, Attendance, Score, Passed) VALUES ($s, $name, $unit, NULL, '', '', $att, $score, $passed)";
        var ip = ExpertsBench.Parameters(invitee, "$s", "$name", "$unit", "$att", "$score", "$passed");
        var perSession = attendance / sessions;
        var extra = attendance % sessions;
        for (var i = 0; i < sessions; i++)
        {
            var fromCounty = i % 5 == 0;
            var organiser = townships[random.Next(townships.Count)];
            var start = yearStartUtc.AddHours(random.Next(span));
            var status = random.Next(100) switch { < 70 => 1, < 95 => 0, _ => 2 };
            sp["$title"].Value = "压测培训" + i.ToString(CultureInfo.InvariantCulture);
            sp["$start"].Value = start;
            sp["$end"].Value = start.AddHours(8);
            sp["$days"].Value = random.Next(2) == 0 ? 0.5 : 1.0;
            sp["$township"].Value = fromCounty ? DBNull.Value : organiser.Id;
            sp["$organiser"].Value = fromCounty ? "县应急管理局" : organiser.Name;
            sp["$status"].Value = status;
            sp["$created"].Value = start.AddDays(-20);
            sp["$closed"].Value = status == 1 ? start.AddHours(9) : DBNull.Value;
            var id = Convert.ToInt32(await session.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            var targets = fromCounty
                ? Enumerable.Range(0, 3).Select(_ => townships[random.Next(townships.Count)]).ToList()
                : byTownship.TryGetValue(organiser.Id, out var own) ? Enumerable.Range(0, 3).Select(_ => own[random.Next(own.Count)]).ToList() : [organiser];
            foreach (var unit in targets)
            {
                tp["$s"].Value = id;
                tp["$kind"].Value = (int)unit.Kind;
                tp["$unit"].Value = unit.Id;
                tp["$name"].Value = unit.Name;
                tp["$t"].Value = unit.Kind == UnitKind.Township ? unit.Id : unit.ParentId ?? 0;
                await target.ExecuteNonQueryAsync();
            }

            var people = perSession + (i < extra ? 1 : 0);
            for (var p = 0; p < people; p++)
            {
                var unit = targets[p % targets.Count];
                var score = 50 + random.Next(51);
                ip["$s"].Value = id;
                ip["$name"].Value = "学员" + p.ToString(CultureInfo.InvariantCulture);
                ip["$unit"].Value = unit.Name;
                ip["$att"].Value = status == 1 ? (random.Next(10) == 0 ? 3 : 1) : 0;
                ip["$score"].Value = status == 1 ? score : DBNull.Value;
                ip["$passed"].Value = status == 1 && score >= 60 ? 1 : 0;
                await invitee.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        await using var finish = connection.CreateCommand();
        finish.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        await finish.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
