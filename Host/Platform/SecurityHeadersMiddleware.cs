namespace Emergency.Host.Platform;

/// <summary>
/// Security headers on every response: no MIME sniffing, referrer kept on the site, and a content
/// security policy that allows only the platform's own scripts, styles and forms (the Hangfire
/// dashboard under /jobs brings inline scripts of its own and goes without it).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments("/jobs"))
        {
            headers.ContentSecurityPolicy = Policy;
        }

        return next(context);
    }
}
