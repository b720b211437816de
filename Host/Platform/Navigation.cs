using System.Globalization;
using Emergency.BuildingBlocks.Hosting;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Access;

namespace Emergency.Host.Platform;

internal sealed record NavigationLink(string Title, string Area, string Page);

/// <summary>The navigation bar: the entries of the modules the current county may use.</summary>
internal sealed class Navigation(ModuleCatalog catalog, ICountyContext county, CountySnapshot directory, ModuleAccess access, IHttpContextAccessor http)
{
    public async Task<IReadOnlyList<NavigationLink>> LinksAsync(CancellationToken cancellationToken)
    {
        var info = county.Current is null ? null : await directory.FindAsync(county.Current, cancellationToken);
        if (info is null)
        {
            return [];
        }

        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var user = http.HttpContext?.User;
        var allowed = new List<Emergency.BuildingBlocks.Modules.ModuleDefinition>();
        foreach (var module in catalog.Modules)
        {
            if (user is not null && await access.AllowsAsync(user, module.Name, cancellationToken))
            {
                allowed.Add(module);
            }
        }

        return allowed
            .SelectMany(m => m.Navigation.Select(e => (Module: m, Entry: e)))
            .OrderBy(x => x.Entry.Order)
            .Select(x => new NavigationLink(english ? x.Entry.TitleEn : x.Entry.Title, x.Module.Name, x.Entry.Page))
            .ToList();
    }

    public async Task<string?> CountyNameAsync(CancellationToken cancellationToken) =>
        county.Current is null ? null : (await directory.FindAsync(county.Current, cancellationToken))?.Name;
}
