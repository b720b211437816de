using Emergency.BuildingBlocks.Hosting;

namespace Emergency.BuildingBlocks.Access;

/// <summary>
/// The posts a module grants its permissions to. A department user of the county emergency bureau is its
/// own post (it organises county-wide work); every other department user is <see cref="Department"/>.
/// </summary>
public enum Post
{
    /// <summary>No county post (platform posts, visitors, jobs).</summary>
    None = 0,
    CountyAdmin = 1,

    /// <summary>县领导: reads everything, writes nothing; never granted a permission.</summary>
    CountyLeader = 2,
    EmergencyBureau = 3,
    Department = 4,
    Township = 5,
    Village = 6,
}

/// <summary>
/// The permission a page (on its page model) or a handler (on the method) needs. The platform checks it
/// before the module's code runs and answers 403; the module's Access class still decides the finer rules
/// (which township, which record).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequirePermissionAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}

/// <summary>Whether the signed-in user's post holds a module's permission (for pages, tabs and links).</summary>
public interface IPermissions
{
    bool Has(string permission);
}

/// <summary>Looks the permission up among the modules' declarations and checks the user's post against its grants.</summary>
internal sealed class PostPermissions(ModuleCatalog catalog, IUserScope scope) : IPermissions
{
    public bool Has(string permission)
    {
        var declared = catalog.Permission(permission) ?? throw new InvalidOperationException($"No module declares the permission '{permission}'.");
        var user = scope.Current;
        return user.CanWrite && declared.GrantedTo.Contains(user.Post);
    }
}
