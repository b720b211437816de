using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Targets;

/// <summary>An enterprise of the directory with its declared conflicts and the draws it was drawn in; outside the user's view, 404.</summary>
internal sealed class DetailsModel(EnforcementDbContext db, EnforcementAccess access) : PageModel
{
    public Target Target { get; private set; } = null!;

    public IReadOnlyList<(string Officer, string Reason)> Conflicts { get; private set; } = [];

    public IReadOnlyList<(int DrawId, DateTime DrawnAtUtc, string Officers)> Draws { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await access.Visible(db.Targets.AsNoTracking()).SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } target)
        {
            return NotFound();
        }

        Target = target;
        Conflicts = (await (from c in db.Conflicts.AsNoTracking()
                            join o in db.Officers.AsNoTracking() on c.OfficerId equals o.Id
                            where c.TargetId == id
                            orderby c.Id
                            select new { o.Name, c.Reason }).ToListAsync(cancellationToken))
            .Select(x => (x.Name, x.Reason)).ToList();
        Draws = (await (from i in db.DrawItems.AsNoTracking()
                        join d in db.Draws.AsNoTracking() on i.DrawId equals d.Id
                        where i.TargetId == id
                        orderby d.DrawnAtUtc descending
                        select new { d.Id, d.DrawnAtUtc, i.OfficerNames }).ToListAsync(cancellationToken))
            .Select(x => (x.Id, x.DrawnAtUtc, x.OfficerNames)).ToList();
        return Page();
    }

    public string JurisdictionText => Labels.Jurisdiction(Target, Target.TownshipName);
}
