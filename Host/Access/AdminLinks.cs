using System.Security.Claims;

namespace Emergency.Host.Access;

internal sealed record AdminLink(string Title, string Href);

/// <summary>The administration entries each post sees in the navigation bar (titles are resource keys).</summary>
internal static class AdminLinks
{
    public static IEnumerable<AdminLink> For(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.PlatformAdmin))
        {
            yield return new("Counties", "/Platform/Counties");
            yield return new("WorkingCalendar", "/Platform/Calendar");
            yield return new("MailQueue", "/Admin/Mail");
            yield return new("ParkedMessages", "/Admin/Messages");
            yield return new("Jobs", "/jobs");
        }

        if (user.IsInRole(Roles.SecurityAdmin))
        {
            yield return new("Accounts", "/Security/Users");
        }

        if (user.IsInRole(Roles.AuditAdmin))
        {
            yield return new("AuditLog", "/Audit");
        }

        if (user.IsInRole(Roles.CountyAdmin))
        {
            yield return new("DepartmentsAndModules", "/County/Departments");
            yield return new("CountySettings", "/County/Settings");
            yield return new("CountyAccounts", "/County/Users");
        }
    }
}
