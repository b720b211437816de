using Emergency.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Emergency.Host.Platform;

/// <summary>
/// Applied to every page of a module's area: a county that may not use the module gets 404,
/// the same answer as for a page that does not exist.
/// </summary>
internal sealed class ModuleGateFilter(string module) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var county = services.GetRequiredService<ICountyContext>().Current;
        var info = county is null ? null : await services.GetRequiredService<ICountyDirectory>().FindAsync(county, context.HttpContext.RequestAborted);
        if (info?.MayUse(module) != true)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}

/// <summary>Admin pages answer only requests from this machine until sign-in and roles exist.</summary>
internal sealed class LocalRequestsOnlyFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!LocalRequest.IsLocal(context.HttpContext))
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}

internal static class LocalRequest
{
    public static bool IsLocal(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        return remote is null || System.Net.IPAddress.IsLoopback(remote) || remote.Equals(context.Connection.LocalIpAddress);
    }
}
