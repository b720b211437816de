using System.Net;
using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Persistence;
using Emergency.Host;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Bench;

/// <summary>
/// The real Host on Kestrel over a fresh data folder (demo county 青山县 450999), plus one bare
/// endpoint that reads one row from a module's store: the yardstick each page is compared with,
/// measured in the same run, on the same database, through the same middleware and sign-in.
/// </summary>
internal sealed partial class BenchHost : IAsyncDisposable
{
    public const string County = "450999";
    public const string Password = "Bench#2026pw";

    private readonly WebApplication app;

    private BenchHost(WebApplication app, string dataRoot, string baseAddress)
    {
        this.app = app;
        DataRoot = dataRoot;
        BaseAddress = baseAddress;
    }

    public string DataRoot { get; }

    public string BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<BenchHost> StartAsync(string dataRoot, int port)
    {
        string[] args =
        [
            $"--Storage:DataRoot={dataRoot}",
            "--Logging:LogLevel:Default=Warning",
            $"--Demo:Password={Password}",
            "--Demo:ModuleData=false",
            "--Bootstrap:AdminUserName=admin",
            $"--Bootstrap:AdminPassword={Password}",
            "--Jobs:RunOnStart=false",
            $"--urls=http://127.0.0.1:{port}",
            "--environment=Production",
            .. (Environment.GetEnvironmentVariable("BENCH_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        ];
        var app = PlatformApp.Build(args, ModuleRegistry.Modules);
        // The yardstick: one row by primary key from the named store of the signed-in user's county.
        app.MapGet("/bench/one-row/{store}/{table}/{id:long}", async (string store, string table, long id, StoreCatalog stores, HttpContext http) =>
        {
            if (!SafeName().IsMatch(store) || !SafeName().IsMatch(table))
            {
                return Results.NotFound();
            }

            await using var db = stores.Open(StoreKey.ForCounty(County, store));
            // The table name was checked against [A-Za-z]+ above; the id is a parameter.
            var sql = "SELECT Id AS Value FROM \"" + table + "\" WHERE Id = {0} LIMIT 1";
            var rows = await db.Database.SqlQueryRaw<long>(sql, id).ToListAsync(http.RequestAborted);
            return Results.Text(rows.Count == 0 ? "none" : rows[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        await app.InitializeAsync();
        await app.StartAsync();
        return new BenchHost(app, dataRoot, $"http://127.0.0.1:{port}");
    }

    /// <summary>After a bulk load over a raw connection: what pages cache between requests is read afresh.</summary>
    public void NoteBulkLoad() => Services.GetRequiredService<StoreWrites>().Changed();

    /// <summary>
    /// Waits until no store has an event left to deliver (what a sweep just wrote has reached its handlers), so a
    /// measurement that follows does not share the machine with a backlog; returns how long that took.
    /// </summary>
    public async Task<TimeSpan> WaitForQuietAsync(TimeSpan max)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var catalog = Services.GetRequiredService<StoreCatalog>();
        while (watch.Elapsed < max)
        {
            var pending = 0;
            foreach (var key in await catalog.AllKeysAsync(CancellationToken.None))
            {
                await using var store = catalog.Open(key);
                pending += await store.OutboxMessages.CountAsync(m => m.DispatchedAtUtc == null && m.ParkedAtUtc == null);
            }

            if (pending == 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        return watch.Elapsed;
    }

    public StoreDbContext OpenStore(string name) =>
        Services.GetRequiredService<StoreCatalog>().Open(StoreKey.ForCounty(County, name));

    /// <summary>An HTTP client signed in as a demo account, the way a browser signs in.</summary>
    public async Task<HttpClient> SignInAsync(string userName, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = new Uri(BaseAddress), Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        var page = await client.GetStringAsync("/Account/Login");
        var token = Token().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync("/Account/Login", form);
        if (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/Account", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed");
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [GeneratedRegex("^[A-Za-z]+$")]
    private static partial Regex SafeName();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
