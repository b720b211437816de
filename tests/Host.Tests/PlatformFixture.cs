using Emergency.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Tests;

/// <summary>Base for tests: a fresh data folder, a movable clock, and helpers over the sample modules.</summary>
public abstract class PlatformTest : IDisposable
{
    private readonly TempDataRoot data = new();

    internal TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    internal string DataRoot => data.Path;

    internal Task<TestApp> StartAsync(IDictionary<string, string?>? settings = null) => TestApp.StartAsync(DataRoot, Clock, settings);

    /// <summary>The emergency bureau's duty officer, whose department has every module enabled.</summary>
    internal const string Clerk = "yjj";

    internal static async Task<HttpResponseMessage> IssueBulletinAsync(TestApp app, string title, string email, DateTime dueChinaTime) =>
        await TestApp.PostFormAsync(await app.AsAsync(Clerk), "/bulletins", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.ContactEmail"] = email,
            ["Input.AcknowledgeBy"] = dueChinaTime.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });

    internal static async Task<int> CountAsync(TestApp app, string store, string sql)
    {
        await using var db = app.OpenStore(store);
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }

    internal static Task<int> AcknowledgementsAsync(TestApp app, string title) =>
        CountAsync(app, "acknowledgements", $"SELECT COUNT(*) AS Value FROM Acknowledgements WHERE Title = '{title.Replace("'", "''", StringComparison.Ordinal)}'");

    /// <summary>China time an hour after the test clock's now.</summary>
    internal DateTime InChinaTime(TimeSpan fromNow) =>
        Emergency.BuildingBlocks.Clock.ChinaTime.FromUtc(Clock.GetUtcNow().UtcDateTime + fromNow);

    public void Dispose()
    {
        data.Dispose();
        GC.SuppressFinalize(this);
    }
}
