using Emergency.BuildingBlocks.Auditing;

namespace Emergency.Host.Access;

/// <summary>The audit log's "who": the signed-in user of the current request, or the system.</summary>
internal sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string UserName => accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : accessor.HttpContext is null ? "系统" : "匿名";

    public string? County => accessor.HttpContext?.User.County();

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
