using System.Globalization;
using Emergency.BuildingBlocks.Settings;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages;

/// <summary>
/// 应急资源一张图: teams, storage sites and shelters by township (the county for county users, a township its own),
/// filtered by layer and township, with a map drawn by the locally served Leaflet from the Markers handler (same
/// scope and filter). The background is the county's intranet tile service (teams.map-tile-url) or nothing.
/// </summary>
internal sealed class MapModel(ResourceMap map, MapTiles tiles, ICountySettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MapLayer? Layer { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    public MapView View { get; private set; } = null!;

    /// <summary>The tile URL template, or null to draw markers on a blank background.</summary>
    public string? TileUrl { get; private set; }

    /// <summary>Where the browser gets the tiles: this page's Tile handler for another server (the CSP allows images only from the platform), else the template itself.</summary>
    public string? TileSource { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await map.BuildAsync(Layer, Township, cancellationToken);
        TileUrl = MapTiles.Usable(await settings.GetAsync(TeamsModule.MapTileUrl, cancellationToken));
        TileSource = TileUrl is null ? null
            : MapTiles.IsAbsolute(TileUrl) ? Url.Page("/Map", "Tile", new { area = "teams" }) + "&z={z}&x={x}&y={y}"
            : TileUrl;
    }

    /// <summary>One base-map tile from the county's tile service, passed through (404 when there is none).</summary>
    public async Task<IActionResult> OnGetTileAsync(int z, int x, int y, CancellationToken cancellationToken)
    {
        var template = MapTiles.Usable(await settings.GetAsync(TeamsModule.MapTileUrl, cancellationToken));
        if (template is null || !MapTiles.IsAbsolute(template) || await tiles.GetAsync(template, z, x, y, cancellationToken) is not { } tile)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=86400";
        return File(tile.Bytes, tile.ContentType);
    }

    /// <summary>The placed items as JSON for the map script, scoped and filtered like the table.</summary>
    public async Task<IActionResult> OnGetMarkersAsync(CancellationToken cancellationToken)
    {
        var view = await map.BuildAsync(Layer, Township, cancellationToken);
        return new JsonResult(new
        {
            items = view.Items.Where(i => i.Placed).Select(i => new
            {
                layer = i.Layer.ToString().ToLowerInvariant(),
                id = i.Id,
                name = i.Name,
                owner = i.Owner,
                lat = i.Latitude,
                lng = i.Longitude,
                detail = i.Detail,
                url = Link(i),
            }),
        });
    }

    public string? Link(MapItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Layer switch
        {
            MapLayer.Teams => Url.Page("/Teams/Details", new { area = "teams", id = item.Id }),
            MapLayer.Sites => Url.Page("/Stock/Site", new { area = "teams", id = item.Id }),
            _ => Url.Page("/Shelters/Details", new { area = "teams", id = item.Id }),
        };
    }

    public static string LayerName(MapLayer layer) => layer switch
    {
        MapLayer.Teams => "救援队伍",
        MapLayer.Sites => "物资储备点",
        _ => "避难场所",
    };

    public Dictionary<string, string> Route()
    {
        var route = new Dictionary<string, string>();
        if (Layer is { } layer)
        {
            route["Layer"] = layer.ToString();
        }

        if (Township is { } township)
        {
            route["Township"] = township.ToString(CultureInfo.InvariantCulture);
        }

        return route;
    }
}
