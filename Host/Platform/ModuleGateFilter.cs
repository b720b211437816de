using System.Reflection;
using Emergency.BuildingBlocks.Access;
using Emergency.Host.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Emergency.Host.Platform;

/// <summary>
/// Applied to every page of a module's area, before anything of the module runs:
/// <list type="bullet">
/// <item>a user who may not use the module (the county may not, or the user's department has not enabled it) gets 404, as for a page that does not exist;</item>
/// <item>a read-only post (县领导) gets 403 for any POST: it reads everything and writes nothing;</item>
/// <item>a page or handler that names a permission (<see cref="RequirePermissionAttribute"/>) answers 403 to a post the module does not grant it to.</item>
/// </list>
/// It also resolves the user's <see cref="UnitScope"/> once, so the module's Access class answers synchronously.
/// </summary>
internal sealed class ModuleGateFilter(string module) : IAsyncAuthorizationFilter, IAsyncPageFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        // A module's public pages (an expert answering a dispatch link) are checked by the page itself.
        if (IsAnonymous(context.ActionDescriptor.EndpointMetadata))
        {
            return;
        }

        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return; // the fallback policy sends the visitor to sign in
        }

        var services = context.HttpContext.RequestServices;
        var cancellationToken = context.HttpContext.RequestAborted;
        if (!await services.GetRequiredService<ModuleAccess>().AllowsAsync(user, module, cancellationToken))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var scope = await services.GetRequiredService<IUserScope>().GetAsync(cancellationToken);
        if (!IsRead(context.HttpContext.Request.Method) && !scope.CanWrite)
        {
            context.Result = new ForbidResult();
        }
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!IsAnonymous(context.ActionDescriptor.EndpointMetadata) && context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            var required = new[]
            {
                context.ActionDescriptor.ModelTypeInfo?.GetCustomAttribute<RequirePermissionAttribute>(),
                context.HandlerMethod?.MethodInfo.GetCustomAttribute<RequirePermissionAttribute>(),
            };
            var permissions = context.HttpContext.RequestServices.GetRequiredService<IPermissions>();
            if (required.Any(r => r is not null && !permissions.Has(r.Permission)))
            {
                context.Result = new ForbidResult();
                return;
            }
        }

        await next();
    }

    private static bool IsAnonymous(IList<object> metadata) =>
        metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
