using System.Globalization;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Contracts;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages;

/// <summary>
/// The teams the user may see, filtered by kind, township, status and below-minimum, 20 to a page; for those
/// who see the whole county, the overview: teams, members and teams below the minimum per kind.
/// </summary>
internal sealed class IndexModel(TeamsDbContext db, TeamsAccess access, TeamMinimums minimums, ICountyUnits units) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public TeamKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    [BindProperty(SupportsGet = true)]
    public TeamStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Below { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<RescueTeam> Teams { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public Minimums Sizes { get; private set; } = new(0, 0);

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public IReadOnlyList<OverviewRow> Overview { get; private set; } = [];

    public bool ManagesAny => access.ManagesAny;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sizes = await minimums.GetAsync(cancellationToken);
        var townships = await units.TownshipsAsync(access.County, cancellationToken);
        Townships = access.SeesWholeCounty ? townships : townships.Where(t => t.Id == access.TownshipId).ToList();
        var query = access.Visible(db.Teams.AsNoTracking(), TeamsAccess.Teams);
        if (Kind is { } kind)
        {
            query = query.Where(t => t.Kind == kind);
        }

        if (Township is { } township)
        {
            query = query.Where(t => t.TownshipId == township);
        }

        if (Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (Below)
        {
            query = query.Where(Sizes.Below());
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Teams = await query.OrderBy(t => t.Kind).ThenBy(t => t.TownshipId).ThenBy(t => t.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);

        if (access.SeesOverview)
        {
            var all = db.Teams.AsNoTracking().Where(t => t.Status != TeamStatus.Disbanded);
            var counts = await all.GroupBy(t => t.Kind)
                .Select(g => new { Kind = g.Key, Teams = g.Count(), Members = g.Sum(t => t.ActiveMembers), Trained = g.Sum(t => t.TrainedMembers) })
                .ToListAsync(cancellationToken);
            var below = await all.Where(Sizes.Below()).GroupBy(t => t.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            Overview = Enum.GetValues<TeamKind>().Select(k =>
            {
                var c = counts.FirstOrDefault(x => x.Kind == k);
                return new OverviewRow(k, c?.Teams ?? 0, c?.Members ?? 0, c?.Trained ?? 0, below.FirstOrDefault(x => x.Kind == k)?.Count ?? 0, Sizes.For(k));
            }).ToList();
        }
    }

    public Dictionary<string, string> Route(int page)
    {
        var route = new Dictionary<string, string> { ["p"] = page.ToString(CultureInfo.InvariantCulture) };
        if (Kind is { } kind)
        {
            route["Kind"] = kind.ToString();
        }

        if (Township is { } township)
        {
            route["Township"] = township.ToString(CultureInfo.InvariantCulture);
        }

        if (Status is { } status)
        {
            route["Status"] = status.ToString();
        }

        if (Below)
        {
            route["Below"] = "true";
        }

        return route;
    }

    internal sealed record OverviewRow(TeamKind Kind, int Teams, int Members, int Trained, int Below, int? Minimum);
}
