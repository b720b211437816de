using System.Globalization;
using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Emergency.Host.Tests.Experts;

/// <summary>
/// Puts admitted experts straight into the experts store (recommendation and selection are another slice),
/// and small helpers the dispatch, meeting and exit tests share.
/// </summary>
internal static partial class ExpertSeed
{
    private static int next;

    /// <summary>Inserts an active expert holding <paramref name="fieldName"/>; level 0 = county team, 1 = department team.</summary>
    public static async Task<int> SeedExpertAsync(
        TestApp app, string name, string fieldName, int level, int? departmentId, string? email, string? employerEmail,
        DateOnly? termStart = null, DateOnly? termEnd = null, string? departmentName = null, string county = TestApp.County)
    {
        var n = Interlocked.Increment(ref next);
        var idCard = string.Create(CultureInfo.InvariantCulture, $"45099919700101{n:D4}");
        var certificate = string.Create(CultureInfo.InvariantCulture, $"QS-ZJ-{n:D4}");
        var start = (termStart ?? new DateOnly(2025, 1, 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = (termEnd ?? new DateOnly(2027, 12, 31)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var db = app.OpenStore("experts", county);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO Experts (Name, Gender, BirthDate, IdCardNumber, Employer, EmployerEmail, Title, Specialty, Mobile, Email, Level,
                DepartmentId, DepartmentName, CertificateNumber, TermStart, TermEnd, Status, ConsecutiveUnexcusedAbsences, ParticipationCount,
                RatingTotal, RatingCount, CreatedAtUtc)
            VALUES ({0}, 0, '1970-01-01', {1}, {2}, {3}, '高级工程师', '应急', '13800000000', {4}, {5}, {6}, {7}, {8}, {9}, {10}, 0, 0, 0, 0, 0, '2025-01-01 00:00:00')
            """,
            name, idCard, name + "的单位", employerEmail!, email!, level, departmentId!, departmentName!, certificate, start, end);
        var id = await db.Database.SqlQueryRaw<int>("SELECT Id AS Value FROM Experts WHERE IdCardNumber = {0}", idCard).SingleAsync();
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ExpertFields (ExpertId, FieldId) SELECT {0}, Id FROM Fields WHERE Name = {1}", id, fieldName);
        return id;
    }

    public static async Task<int> DepartmentIdAsync(TestApp app, string name) =>
        (await app.Services.GetRequiredService<ICountyUnits>().DepartmentsAsync(TestApp.County)).Single(d => d.Name == name).Id;

    public static Task<int> FieldIdAsync(TestApp app, string name) =>
        PlatformTest.CountAsync(app, "experts", $"SELECT Id AS Value FROM Fields WHERE Name = '{name}'");

    public static Dictionary<string, string?> Smtp(SmtpTestServer smtp) => new()
    {
        ["Mail:Smtp:Host"] = smtp.Host,
        ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
    };

    /// <summary>A fresh signed-in client (after the test clock jumped past the 30-minute idle timeout).</summary>
    public static async Task<HttpClient> SignInAsync(TestApp app, string user)
    {
        var client = app.NewClient();
        await TestApp.PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = TestApp.Password });
        return client;
    }

    public static string ChinaLocal(DateTime chinaTime) => chinaTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>The answer link in a dispatch email.</summary>
    public static string LinkIn(MimeKit.MimeMessage message)
    {
        var match = Link().Match(message.TextBody ?? "");
        return match.Success ? match.Value : throw new InvalidOperationException("No answer link in: " + message.TextBody);
    }

    public static Task<int> OutboxCountAsync(TestApp app, string eventName) =>
        PlatformTest.CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%.{eventName}'");

    [GeneratedRegex(@"https?://\S+/experts/Respond\?t=\S+")]
    private static partial Regex Link();
}
