using Microsoft.AspNetCore.Localization;

namespace Emergency.Host.Platform;

/// <summary>A language picked with <c>?culture=</c> is remembered in a cookie for the following pages.</summary>
internal sealed class CultureCookieMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Query.ContainsKey("culture") &&
            context.Features.Get<IRequestCultureFeature>() is { Provider: QueryStringRequestCultureProvider } feature)
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(feature.RequestCulture),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        }

        return next(context);
    }
}
