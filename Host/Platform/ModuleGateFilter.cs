using Emergency.Host.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Emergency.Host.Platform;

/// <summary>
/// Applied to every page of a module's area, before anything of the module runs: a user who may
/// not use the module (the county may not, or the user's department has not enabled it) gets 404,
/// as for a page that does not exist.
/// </summary>
internal sealed class ModuleGateFilter(string module) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        // A module's public pages (an expert answering a dispatch link) are checked by the page itself.
        if (context.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
        {
            return;
        }

        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return; // the fallback policy sends the visitor to sign in
        }

        var access = context.HttpContext.RequestServices.GetRequiredService<ModuleAccess>();
        if (!await access.AllowsAsync(user, module, context.HttpContext.RequestAborted))
        {
            context.Result = new NotFoundResult();
        }
    }
}
