using Emergency.BuildingBlocks.Tenancy;
using Microsoft.Extensions.Options;

namespace Emergency.Host.Platform;

/// <summary>
/// Sets the county a request acts for. Until sign-in exists, that is the configured demo county
/// (or the first county); with accounts it becomes the signed-in user's county.
/// </summary>
internal sealed class CurrentCountyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ICountyContext county, ICountyDirectory directory, IOptions<DemoOptions> demo)
    {
        var counties = await directory.ListAsync(context.RequestAborted);
        var chosen = counties.FirstOrDefault(c => c.Code == demo.Value.CountyCode && c.Active) ?? counties.FirstOrDefault(c => c.Active);
        if (chosen is not null)
        {
            county.Set(chosen.Code);
        }

        await next(context);
    }
}
