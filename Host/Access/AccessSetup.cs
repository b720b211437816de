using System.Globalization;
using System.Security.Claims;
using Autofac;
using Emergency.BuildingBlocks.Auditing;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Access.Data;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Host.Access;

/// <summary>Configuration section "Security" (等保三级 practice, with these defaults).</summary>
internal sealed class SecurityOptions
{
    public int IdleTimeoutMinutes { get; set; } = 30;

    public int AbsoluteSessionHours { get; set; } = 12;

    /// <summary>Forced password change after this many days; 0 switches it off.</summary>
    public int PasswordMaxAgeDays { get; set; } = 90;

    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 30;
}

/// <summary>Sign-in, roles and the authorization of every area.</summary>
internal static class AccessSetup
{
    public static void AddAccess(WebApplicationBuilder builder)
    {
        var security = builder.Configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection("Security"));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddIdentity<PlatformUser, IdentityRole>(o =>
            {
                // The policy is PasswordPolicy's (3 of 4 classes); Identity's own class rules are off.
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddClaimsPrincipalFactory<PlatformClaimsFactory>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "yingji.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            // Idle sign-out: the cookie lives this long after the last request.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = ValidateSessionAsync;
        });
        // After Identity's own: the cookie format it made is wrapped (RememberedTicketFormat).
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>, RememberTickets>();
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // A refreshed principal keeps the time of the original sign-in, so the absolute limit holds.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(PlatformClaims.SignedInAt) is { } original &&
                    context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    foreach (var fresh in identity.FindAll(PlatformClaims.SignedInAt).ToList())
                    {
                        identity.RemoveClaim(fresh);
                    }

                    identity.AddClaim(new Claim(PlatformClaims.SignedInAt, original.Value));
                }

                return Task.CompletedTask;
            };
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "yingji.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin))
            .AddPolicy(Roles.SecurityAdmin, p => p.RequireRole(Roles.SecurityAdmin))
            .AddPolicy(Roles.AuditAdmin, p => p.RequireRole(Roles.AuditAdmin))
            .AddPolicy(Roles.CountyAdmin, p => p.RequireRole(Roles.CountyAdmin).RequireClaim(PlatformClaims.County));

        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            container.Register(c => c.Resolve<StoreOptionsFactory>().Lease<AccountsDbContext>(StoreKey.Platform(AccountsDbContext.StoreName)))
                .AsSelf().InstancePerLifetimeScope();
            container.RegisterType<HttpAuditActor>().As<IAuditActor>().SingleInstance();
            container.RegisterType<AccountService>().AsSelf().InstancePerLifetimeScope();
            container.RegisterType<BootstrapAdmin>().AsSelf().InstancePerLifetimeScope();
            container.RegisterType<ModuleAccess>().AsSelf().InstancePerLifetimeScope();
        });
    }

    /// <summary>Each area's post; the account pages are open to everyone who is signed in, sign-in itself to all.</summary>
    public static void AuthorizeAreas(RazorPagesOptions o)
    {
        o.Conventions.AuthorizeFolder("/Platform", Roles.PlatformAdmin);
        o.Conventions.AuthorizeFolder("/Admin", Roles.PlatformAdmin);
        o.Conventions.AuthorizeFolder("/Security", Roles.SecurityAdmin);
        o.Conventions.AuthorizeFolder("/Audit", Roles.AuditAdmin);
        o.Conventions.AuthorizeFolder("/County", Roles.CountyAdmin);
        o.Conventions.AllowAnonymousToPage("/Account/Login");
        o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
        o.Conventions.AllowAnonymousToPage("/Status");
        o.Conventions.AllowAnonymousToPage("/Error");
    }

    /// <summary>Ends a session past its absolute lifetime, or whose county was suspended.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (SecurityStampDue(context, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value))
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }

        if (context.Principal is not { } principal)
        {
            return;
        }

        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var signedIn = long.TryParse(principal.FindFirstValue(PlatformClaims.SignedInAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
        var expired = now - signedIn > TimeSpan.FromHours(options.AbsoluteSessionHours);
        var county = principal.County();
        var suspended = county is not null && (await services.GetRequiredService<ICountyDirectory>().FindAsync(county))?.Active != true;
        if (expired || suspended)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>
    /// Whether Identity's validator would check the security stamp now (the cookie was issued longer than the interval
    /// ago, by the validator's own clock); between checks the validator, the sign-in manager and the accounts store it
    /// needs are not built (issue #16: they were a twentieth of a page's server time).
    /// </summary>
    private static bool SecurityStampDue(CookieValidatePrincipalContext context, SecurityStampValidatorOptions options) =>
        context.Properties.IssuedUtc is not { } issued ||
        (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > options.ValidationInterval;
}

/// <summary>The Hangfire dashboard is for platform admins.</summary>
internal sealed class PlatformAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.PlatformAdmin);
}
