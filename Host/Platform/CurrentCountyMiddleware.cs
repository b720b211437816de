using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Access;

namespace Emergency.Host.Platform;

/// <summary>
/// Sets the county a request acts for: the signed-in user's county. Platform-wide posts act for
/// no county, so no county's data can be reached through them.
/// </summary>
internal sealed class CurrentCountyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ICountyContext county)
    {
        if (context.User.County() is { } code)
        {
            county.Set(code);
        }

        await next(context);
    }
}
