using System.Globalization;
using Emergency.Host.Access;
using Microsoft.Extensions.Options;

namespace Emergency.Host.Platform;

/// <summary>
/// Sends a user whose password is a one-time password, or older than the allowed age, to the
/// change-password page before anything else.
/// </summary>
internal sealed class PasswordFreshnessMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/Account/ChangePassword", "/Account/Logout", "/lib", "/css", "/healthz", "/Status", "/Error"];

    public async Task InvokeAsync(HttpContext context, IOptions<SecurityOptions> options, TimeProvider clock)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            var mustChange = user.HasClaim(PlatformClaims.MustChangePassword, "true");
            var maxAge = options.Value.PasswordMaxAgeDays;
            if (!mustChange && maxAge > 0 &&
                long.TryParse(user.FindFirst(PlatformClaims.PasswordChangedAt)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var changed))
            {
                mustChange = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(changed) > TimeSpan.FromDays(maxAge);
            }

            if (mustChange)
            {
                context.Response.Redirect("/Account/ChangePassword?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
                return;
            }
        }

        await next(context);
    }
}
