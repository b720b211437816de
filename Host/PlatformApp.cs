using System.Text.Encodings.Web;
using System.Text.Unicode;
using Autofac;
using Autofac.Extensions.DependencyInjection;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Hosting;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.Host.Platform;
using Emergency.Host.Platform.Data;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Emergency.Host;

/// <summary>
/// Composes the platform: the module plugins, their stores, events, jobs, mail and the shared
/// Chinese-first shell. Program.cs and the test hosts both build the app here.
/// </summary>
public static partial class PlatformApp
{
    public static WebApplication Build(string[] args, IEnumerable<ModuleDefinition> modules, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The Host's pages and static files, also when a test process is the entry assembly.
            ApplicationName = typeof(PlatformApp).Assembly.GetName().Name,
            ContentRootPath = ContentRoot(),
        });
        var configuration = builder.Configuration;
        var enabled = modules.Where(m => configuration.GetValue($"Modules:{m.Name}:Enabled", true)).ToList();
        var catalog = new ModuleCatalog(enabled);
        catalog.AddPlatformStore(PlatformDbContext.StoreName, ModuleStore.For<PlatformDbContext>());

        var dataRoot = Path.Combine(builder.Environment.ContentRootPath, configuration["Storage:DataRoot"] ?? "data");
        if (!builder.Environment.IsDevelopment())
        {
            // Modules' static files (/_content/<Module>/...) from a build output; a published app has them in wwwroot.
            builder.WebHost.UseStaticWebAssets();
        }

        builder.Services.Configure<EventsOptions>(configuration.GetSection("Events"));
        builder.Services.Configure<MailOptions>(configuration.GetSection("Mail"));
        builder.Services.Configure<Emergency.BuildingBlocks.Notices.PlatformOptions>(configuration.GetSection("Platform"));
        builder.Services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        builder.Services.AddSingleton(Clock(builder));
        // Keys survive restarts, so forms and cookies issued before a restart still work.
        builder.Services.AddDataProtection()
            .SetApplicationName("county-emergency-platform")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataRoot, "keys")));

        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>(container => container.RegisterModule(new HostAutofacModule(dataRoot, catalog)));

        Access.AccessSetup.AddAccess(builder);
        AddWeb(builder, catalog);
        AddHangfire(builder);
        builder.Services.AddHealthChecks().AddCheck<StoresHealthCheck>("stores");
        // Village networks are slow: text answers are compressed. Over HTTPS only static files are (pages carry
        // antiforgery tokens, and compressing secrets beside reflected input invites BREACH).
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = false;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);

        configure?.Invoke(builder);
        var app = builder.Build();
        UseWeb(app);
        return app;
    }

    /// <summary>
    /// Prepares every store before the app serves: platform stores, the demo county on a fresh
    /// data folder, then every module's store of every county (and, the first time, the modules'
    /// demo data); registers the recurring jobs.
    /// </summary>
    public static async Task InitializeAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var stages = new List<string> { FormattableString.Invariant($"(begun {(DateTime.Now - process.StartTime).TotalMilliseconds:0} ms after the process started)") };
        void Stage(string name) => stages.Add(FormattableString.Invariant($"{name} {started.ElapsedMilliseconds} ms"));
        var stores = app.Services.GetRequiredService<StoreCatalog>();
        await stores.MigrateAllAsync(stores.PlatformKeys(), cancellationToken);
        Stage("platform stores");

        var demoOptions = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        DemoCounty? demo;
        await using (var scope = app.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope())
        {
            await scope.Resolve<StoreOptionsFactory>().MigrateIfPendingAsync(scope.Resolve<Access.Data.AccountsDbContext>(), StoreKey.Platform(Access.Data.AccountsDbContext.StoreName), cancellationToken);

            var bootstrap = scope.Resolve<Access.BootstrapAdmin>();
            await bootstrap.EnsureRolesAsync();
            var admin = await bootstrap.EnsureAdminAsync(cancellationToken);
            await Platform.Calendar.OfficialSchedules.SeedAsync(scope.Resolve<PlatformDbContext>(), scope.Resolve<TimeProvider>(), cancellationToken);
            demo = await scope.Resolve<DemoCountySeeder>().SeedAsync(demoOptions, cancellationToken);
            app.Services.GetRequiredService<CountySnapshot>().Invalidate();
            DemoCountySeeder.PrintAccounts(admin, demo?.Accounts);
        }

        Stage("accounts, calendar, demo county");

        var keys = await stores.AllKeysAsync(cancellationToken);
        await stores.MigrateAllAsync(keys.Where(k => k.County is not null), cancellationToken);
        Stage("county stores");

        if (demo is not null)
        {
            // Once, with the demo county: each module's demo work, now that its stores exist.
            await using var scope = app.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope();
            await scope.Resolve<DemoCountySeeder>().SeedModulesAsync(demo, demoOptions, cancellationToken);
        }

        RegisterRecurringJobs(app);
        Stage("jobs");
        LogStages(app.Logger, string.Join("; ", stages));
        LogReady(app.Logger, keys.Count, started.ElapsedMilliseconds, app.Services.GetRequiredService<IStoreProvider>().Describe(StoreKey.Platform(PlatformDbContext.StoreName)));
    }

    private static void RegisterRecurringJobs(WebApplication app)
    {
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        var runOnStart = app.Configuration.GetValue("Jobs:RunOnStart", true);
        // The job is built from its method rather than from an expression: Hangfire would compile each
        // expression to read its arguments, which made registration the slowest step of a start.
        var run = typeof(RecurringJobRunner).GetMethod(nameof(RecurringJobRunner.RunAsync))!;
        var options = new RecurringJobOptions { TimeZone = ChinaTime.Zone };
        foreach (var job in app.Services.GetRequiredService<JobRegistry>().All)
        {
            var id = job.Id;
            manager.AddOrUpdate(id, new Job(typeof(RecurringJobRunner), run, id, CancellationToken.None), job.Cron, options);

            // Whatever fell due while the app was down is caught up now rather than at the next cron tick.
            if (runOnStart)
            {
                manager.Trigger(id);
            }
        }
    }

    private static TimeProvider Clock(WebApplicationBuilder builder)
    {
        var days = builder.Configuration.GetValue("Clock:ShiftDays", 0.0);
        return builder.Environment.IsDevelopment() && days != 0
            ? new ShiftedTimeProvider(TimeProvider.System, TimeSpan.FromDays(days))
            : TimeProvider.System;
    }

    private static void AddWeb(WebApplicationBuilder builder, ModuleCatalog catalog)
    {
        // Chinese text is written as UTF-8, not as &#x...; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton<IStringLocalizerFactory, CachingStringLocalizerFactory>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            string[] cultures = ["zh-CN", "en"];
            o.SetDefaultCulture("zh-CN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            // Chinese unless the user picked English; the browser's language does not switch it.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        var razor = builder.Services.AddRazorPages(o =>
        {
            Access.AccessSetup.AuthorizeAreas(o);
            foreach (var module in catalog.Modules)
            {
                o.Conventions.AddAreaFolderApplicationModelConvention(module.Name, "/", m => m.Filters.Add(new ModuleGateFilter(module.Name)));
            }
        }).AddViewLocalization();
        foreach (var module in catalog.Modules)
        {
            razor.AddApplicationPart(module.Assembly);
        }
    }

    private static void AddHangfire(WebApplicationBuilder builder)
    {
        // The storage is made inside the callback, after Hangfire has pointed its (static) log
        // provider at this host's logging: a second host in one process must not log to the first.
        builder.Services.AddHangfire((_, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }));
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = builder.Configuration.GetValue("Jobs:WorkerCount", 2);
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            o.ServerName = "county-platform";
        });
    }

    private static void UseWeb(WebApplication app)
    {
        app.UseMiddleware<SharedServicesMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Status", "?code={0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRequestLocalization();
        app.UseMiddleware<CultureCookieMiddleware>();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // A link with asp-append-version (?v=hash) changes with the file, so the browser may keep it for a year;
            // other files are checked again after an hour.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Query.ContainsKey("v") ? "public,max-age=31536000,immutable" : "public,max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<CurrentCountyMiddleware>();
        app.UseMiddleware<PasswordFreshnessMiddleware>();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            DashboardTitle = "后台任务",
            Authorization = [new Access.PlatformAdminDashboardFilter()],
            AsyncAuthorization = [],
        });
        app.MapRazorPages();
    }

    /// <summary>
    /// The Host folder, whether started by "dotnet run --project Host", from its build output or
    /// from a test project of the same checkout; the build output otherwise (a published app).
    /// </summary>
    private static string ContentRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Host.csproj")))
            {
                return directory.FullName;
            }

            if (File.Exists(Path.Combine(directory.FullName, "Host", "Host.csproj")))
            {
                return Path.Combine(directory.FullName, "Host");
            }
        }

        return AppContext.BaseDirectory;
    }

    [LoggerMessage(LogLevel.Debug, "Start-up stages (elapsed since the start of initialisation): {Stages}")]
    private static partial void LogStages(ILogger logger, string stages);

    [LoggerMessage(LogLevel.Information, "平台已就绪：{Stores} 个数据存储已迁移，用时 {Elapsed} 毫秒；平台数据库 {Path}")]
    private static partial void LogReady(ILogger logger, int stores, long elapsed, string path);
}
