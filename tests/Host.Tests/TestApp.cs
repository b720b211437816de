using System.Net;
using System.Text.RegularExpressions;
using Autofac;
using Emergency.BuildingBlocks.Email.Data;
using Emergency.BuildingBlocks.Persistence;
using Emergency.Host;
using Emergency.Host.Platform;
using Emergency.Host.Platform.Data;
using Emergency.Samples.Acknowledgements;
using Emergency.Samples.Bulletins;
using Emergency.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Emergency.Host.Tests;

/// <summary>
/// The real Host on a real port (Kestrel on loopback) with the two sample modules, over a data
/// folder the test owns. Several TestApps in a row on one folder are restarts of one deployment.
/// </summary>
internal sealed partial class TestApp : IAsyncDisposable
{
    public const string County = "450999";

    /// <summary>The password every seeded account gets in tests (Demo:Password, Bootstrap:AdminPassword).</summary>
    public const string Password = "Yingji#2026pw";

    private readonly Dictionary<string, HttpClient> clients = [];

    private TestApp(WebApplication app, string baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
        {
            BaseAddress = new Uri(baseAddress),
        };
    }

    public WebApplication App { get; }

    public string BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<TestApp> StartAsync(string dataRoot, TestClock clock, IDictionary<string, string?>? settings = null, bool initialize = true)
    {
        var port = TestPorts.FreeTcpPort();
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataRoot"] = dataRoot,
            ["Events:PollInterval"] = "00:00:01",
            ["Events:RetryBaseDelay"] = "00:00:00.200",
            ["Mail:PollInterval"] = "00:00:01",
            ["Mail:RetryBaseDelay"] = "00:00:00.200",
            ["Jobs:RunOnStart"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            // Many hosts start in one test process: no file watchers (each holds an inotify instance, 128 per user).
            ["hostBuilder:reloadConfigOnChange"] = "false",
            ["Demo:Password"] = Password,
            // The tests build their own records over an empty demo county; DemoDataTests switch the modules' demo data on.
            ["Demo:ModuleData"] = "false",
            ["Bootstrap:AdminUserName"] = "admin",
            ["Bootstrap:AdminPassword"] = Password,
            // Links in mails point at this host unless a test sets another public address.
            ["Platform:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        var args = values.Select(kv => $"--{kv.Key}={kv.Value}").Append($"--urls=http://127.0.0.1:{port}").ToArray();
        var app = PlatformApp.Build(args, [.. ModuleRegistry.Modules, new BulletinsModule(), new AcknowledgementsModule()],
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
        if (initialize)
        {
            await app.InitializeAsync();
        }

        await app.StartAsync();
        return new TestApp(app, $"http://127.0.0.1:{port}");
    }

    public StoreDbContext OpenStore(string name, string county = County) =>
        Services.GetRequiredService<StoreCatalog>().Open(StoreKey.ForCounty(county, name));

    internal PlatformDbContext OpenPlatform() =>
        (PlatformDbContext)Services.GetRequiredService<StoreCatalog>().Open(StoreKey.Platform(PlatformDbContext.StoreName));

    internal MailDbContext OpenMail() =>
        (MailDbContext)Services.GetRequiredService<StoreCatalog>().Open(StoreKey.Platform(MailDbContext.StoreName));

    internal void ForgetCountyCache() => Services.GetRequiredService<CountySnapshot>().Invalidate();
    internal Emergency.BuildingBlocks.Notices.Data.NoticesDbContext OpenNotices() =>
        (Emergency.BuildingBlocks.Notices.Data.NoticesDbContext)Services.GetRequiredService<StoreCatalog>().Open(StoreKey.Platform(Emergency.BuildingBlocks.Notices.Data.NoticesDbContext.StoreName));

    /// <summary>Notices of a kind in the notices store (they arrive there through the event dispatcher).</summary>
    internal async Task<int> NoticeCountAsync(string kind, bool pendingOnly = false)
    {
        await using var db = OpenNotices();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Notices.Where(n => n.Kind == kind && (!pendingOnly || n.MailedAtUtc == null)));
    }


    /// <summary>A client of its own (own cookies), not signed in.</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(BaseAddress) };

    /// <summary>A client signed in as a seeded account (admin, security, auditor, county-admin, leader, yjj, slj, qingshan, hekou-grid).</summary>
    public async Task<HttpClient> AsAsync(string userName, string password = Password)
    {
        if (clients.TryGetValue(userName, out var existing))
        {
            return existing;
        }

        var client = await SignInAsync(userName, password);
        clients[userName] = client;
        return client;
    }

    /// <summary>A new session of its own (own cookies, own TempData), signed in as a seeded account: one per person at a keyboard.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = Password)
    {
        var client = NewClient();
        var response = await PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
        var html = await response.Content.ReadAsStringAsync();
        if (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {html}");
        }

        return client;
    }

    /// <summary>Posts a form the way a browser does: reads the antiforgery token from the page first.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields) => PostFormAsync(Http, path, fields);

    /// <summary>Posts a form as the given client, with the antiforgery token of the page (or of <paramref name="tokenFrom"/>).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields, string? tokenFrom = null)
    {
        var page = await client.GetStringAsync(tokenFrom ?? path);
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {path}");
        }

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Groups[1].Value };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(path, content);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        await App.StopAsync();
        await App.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>A clock the test moves; the only fake, because time is the one edge a test cannot wait for.</summary>
internal sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
