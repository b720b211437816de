using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Cases;

/// <summary>The cases the user sees, newest first, each with its state and the countdown of its nearest running clock.</summary>
internal sealed class IndexModel(EnforcementDbContext db, EnforcementAccess access, Domain.Cases cases) : PageModel
{
    public IReadOnlyList<(Case Case, CaseClock? Clock)> Rows { get; private set; } = [];

    public DateTime NowLocal => cases.NowLocal;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await access.Visible(db.Cases.AsNoTracking()).OrderByDescending(c => c.Id).Take(200).ToListAsync(cancellationToken);
        var rows = new List<(Case, CaseClock?)>();
        foreach (var c in list)
        {
            rows.Add((c, (await cases.ClocksAsync(c, cancellationToken)).OrderBy(k => k.DueLocal).FirstOrDefault()));
        }

        Rows = rows;
    }
}
