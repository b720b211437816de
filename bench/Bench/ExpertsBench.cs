using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Bench;

/// <summary>
/// Issue #4: with 10,000 experts and 100,000 participation records in a county, the archive search
/// page's p95 latency at a fixed request rate, and its throughput as a ratio to a bare one-row
/// endpoint on the same database in the same run. Aim: p95 under 30 ms.
/// </summary>
internal static class ExpertsBench
{
    private const int Experts = 10_000;
    private const int Participations = 100_000;

    /// <summary>Searches a county officer makes: by field, by category and availability, by name, by status, and further pages.</summary>
    public static readonly string[] Searches =
    [
        "/experts?FieldId=1",
        "/experts?Category=AccidentDisaster&Available=true",
        "/experts?Q=%E5%BC%A0",
        "/experts?Status=Active&Level=County",
        "/experts?FieldId=7&p=3",
        "/experts?DepartmentId=2&Status=Active",
        "/experts",
        "/experts?p=40",
    ];

    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host, Options options)
    {
        var lines = new List<string>();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(host);
        lines.Add(FormattableString.Invariant($"Seeded {Experts:N0} experts, {Participations:N0} participations in {seeding.Elapsed.TotalSeconds:0.0} s"));

        var client = await host.SignInAsync("yjj");
        string Search(int i) => Searches[i % Searches.Length];
        string OneRow(int i) => "/bench/one-row/experts/Experts/" + (1 + (i * 7919 % Experts)).ToString(CultureInfo.InvariantCulture);

        await Load.WarmAsync(client, Search, 200);
        await Load.WarmAsync(client, OneRow, 200);

        var duration = TimeSpan.FromSeconds(options.Seconds);
        var search = await Load.FixedRateAsync("search page", client, Search, options.Rate, duration);
        var bare = await Load.FixedRateAsync("bare one-row endpoint", client, OneRow, options.Rate, duration);
        lines.Add(search.ToString());
        lines.Add(bare.ToString());
        foreach (var rate in options.Rates.Skip(1))
        {
            var high = await Load.FixedRateAsync("search page", client, Search, rate, duration);
            lines.Add(high.ToString());
            lines.Add(await Load.FixedRateAsync("bare one-row endpoint", client, OneRow, rate, duration) + "");
            lines.Add(FormattableString.Invariant($"search page p95 at {rate:0}/s target 30 ms: {(high.P95 <= 30 ? "met" : "NOT met")} ({high.P95:0.0} ms)"));
        }

        var searchThroughput = await Load.ThroughputAsync("search page", client, Search, options.Concurrency, duration);
        var bareThroughput = await Load.ThroughputAsync("bare one-row endpoint", client, OneRow, options.Concurrency, duration);
        lines.Add(searchThroughput.ToString());
        lines.Add(bareThroughput.ToString());
        lines.Add(FormattableString.Invariant($"Search throughput / bare throughput = {searchThroughput.PerSecond / bareThroughput.PerSecond:0.00}"));
        lines.Add(FormattableString.Invariant($"p95 target 30 ms: {(search.P95 < 30 ? "met" : "NOT met")} ({search.P95:0.0} ms)"));
        return lines;
    }

    internal static async Task SeedAsync(BenchHost host)
    {
        await using var db = host.OpenStore("experts");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var departments = (await db.Database.SqlQueryRaw<int>("SELECT 0 AS Value").ToListAsync()).Count; // store is migrated
        _ = departments;
        var fields = await db.Database.SqlQueryRaw<int>("SELECT Id AS Value FROM Fields").ToListAsync();
        var random = new Random(20261123);
        string[] surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建华", "志强", "海燕", "国庆"];
        string[] employers = ["县水利局", "县气象局", "县人民医院", "青山化工有限公司", "县供电公司", "县第一中学", "省地质调查院", "县消防救援大队", "县林场", "市应急管理学院"];
        string[] titles = ["高级工程师", "正高级工程师", "副主任医师", "主任医师", "高级讲师", "研究员", "工程师"];
        var today = new DateOnly(2026, 11, 23);

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO Experts (Id, Name, Gender, BirthDate, IdCardNumber, Employer, EmployerEmail, Title, Specialty, Mobile, Email, Level, DepartmentId, DepartmentName,
                    CertificateNumber, TermStart, TermEnd, Status, ConsecutiveUnexcusedAbsences, ParticipationCount, RatingTotal, RatingCount, CreatedAtUtc)
                VALUES ($id, $name, $gender, $birth, $idcard, $employer, $employerEmail, $title, $specialty, $mobile, $email, $level, $department, $departmentName,
                    $certificate, $termStart, $termEnd, $status, 0, $count, $ratingTotal, $ratingCount, $created)
                """;
            var p = Parameters(insert, "$id", "$name", "$gender", "$birth", "$idcard", "$employer", "$employerEmail", "$title", "$specialty", "$mobile", "$email", "$level",
                "$department", "$departmentName", "$certificate", "$termStart", "$termEnd", "$status", "$count", "$ratingTotal", "$ratingCount", "$created");
            await using var field = connection.CreateCommand();
            field.Transaction = transaction;
            field.CommandText = "INSERT INTO ExpertFields (ExpertId, FieldId) VALUES ($e, $f)";
            var fp = Parameters(field, "$e", "$f");
            for (var id = 1; id <= Experts; id++)
            {
                var birth = new DateOnly(1960 + random.Next(35), 1 + random.Next(12), 1 + random.Next(28));
                var level = random.Next(3) == 0 ? 1 : 0;
                var department = 1 + random.Next(22);
                var termStart = today.AddDays(-random.Next(1000));
                p["$id"].Value = id;
                p["$name"].Value = surnames[random.Next(surnames.Length)] + given[random.Next(given.Length)] + (id % 7 == 0 ? given[random.Next(given.Length)] : "");
                p["$gender"].Value = random.Next(2);
                p["$birth"].Value = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p["$idcard"].Value = IdCardNumber(birth, id);
                p["$employer"].Value = employers[random.Next(employers.Length)];
                p["$employerEmail"].Value = "office@example.cn";
                p["$title"].Value = titles[random.Next(titles.Length)];
                p["$specialty"].Value = "应急管理";
                p["$mobile"].Value = "139" + id.ToString("00000000", CultureInfo.InvariantCulture);
                p["$email"].Value = $"expert{id}@example.cn";
                p["$level"].Value = level;
                p["$department"].Value = department;
                p["$departmentName"].Value = "部门" + department.ToString(CultureInfo.InvariantCulture);
                p["$certificate"].Value = "450999-ZJ-BENCH-" + id.ToString("00000", CultureInfo.InvariantCulture);
                p["$termStart"].Value = termStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p["$termEnd"].Value = termStart.AddYears(3).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p["$status"].Value = random.Next(10) == 0 ? 1 + random.Next(4) : 0;
                p["$count"].Value = 10;
                p["$ratingTotal"].Value = 40;
                p["$ratingCount"].Value = 10;
                p["$created"].Value = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                await insert.ExecuteNonQueryAsync();
                foreach (var f in fields.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))
                {
                    fp["$e"].Value = id;
                    fp["$f"].Value = f;
                    await field.ExecuteNonQueryAsync();
                }
            }

            await using var unavailable = connection.CreateCommand();
            unavailable.Transaction = transaction;
            unavailable.CommandText = "INSERT INTO Unavailabilities (ExpertId, \"From\", \"To\", Reason) VALUES ($e, $from, $to, '出差')";
            var up = Parameters(unavailable, "$e", "$from", "$to");
            for (var i = 0; i < Experts / 10; i++)
            {
                var from = today.AddDays(random.Next(-30, 30));
                up["$e"].Value = 1 + random.Next(Experts);
                up["$from"].Value = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                up["$to"].Value = from.AddDays(random.Next(1, 20)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await unavailable.ExecuteNonQueryAsync();
            }

            await using var participation = connection.CreateCommand();
            participation.Transaction = transaction;
            participation.CommandText = """
                INSERT INTO Participations (ExpertId, Kind, ReferenceId, Title, AtUtc, DepartmentId, DepartmentName, Rating, Classified)
                VALUES ($e, $kind, $ref, $title, $at, $department, $departmentName, $rating, 0)
                """;
            var pp = Parameters(participation, "$e", "$kind", "$ref", "$title", "$at", "$department", "$departmentName", "$rating");
            for (var i = 0; i < Participations; i++)
            {
                var department = 1 + random.Next(22);
                pp["$e"].Value = 1 + random.Next(Experts);
                pp["$kind"].Value = random.Next(4);
                pp["$ref"].Value = i;
                pp["$title"].Value = "防汛会商第" + i.ToString(CultureInfo.InvariantCulture) + "次";
                pp["$at"].Value = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i * 9);
                pp["$department"].Value = department;
                pp["$departmentName"].Value = "部门" + department.ToString(CultureInfo.InvariantCulture);
                pp["$rating"].Value = 1 + random.Next(5);
                await participation.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        await analyze.ExecuteNonQueryAsync();
        host.NoteBulkLoad();
    }

    internal static Dictionary<string, DbParameter> Parameters(DbCommand command, params string[] names)
    {
        var map = new Dictionary<string, DbParameter>();
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            map[name] = parameter;
        }

        return map;
    }

    /// <summary>A valid 18-character number (checksum included) for the birth date; unique by sequence.</summary>
    private static string IdCardNumber(DateOnly birth, int sequence)
    {
        var body = "450999" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (sequence % 1000).ToString("000", CultureInfo.InvariantCulture);
        // Uniqueness beyond 1,000 per birth date: vary the region code's last digits.
        body = string.Concat(body.AsSpan(0, 4), ((sequence / 1000) % 100).ToString("00", CultureInfo.InvariantCulture), body.AsSpan(6));
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * weights[i];
        }

        return body + "10X98765432"[sum % 11];
    }
}
