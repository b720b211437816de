using Emergency.Host.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Emergency.Host.Platform;

/// <summary>
/// Applied to every page of a module's area: a user who may not use the module (the county may
/// not, or the user's department has not enabled it) gets 404, as for a page that does not exist.
/// </summary>
internal sealed class ModuleGateFilter(string module) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var access = context.HttpContext.RequestServices.GetRequiredService<ModuleAccess>();
        if (!await access.AllowsAsync(context.HttpContext.User, module, context.HttpContext.RequestAborted))
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
