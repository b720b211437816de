using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages;

/// <summary>The expert archive (专家档案): who is in the pool. A department sees its own team and the county team.</summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access) : PageModel
{
    public IReadOnlyList<Row> Experts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Experts.AsNoTracking();
        if (!await access.SeesWholeCountyAsync(cancellationToken))
        {
            var department = access.DepartmentId;
            query = query.Where(e => e.Level == Contracts.ExpertTeamLevel.County || (department != null && e.DepartmentId == department));
        }

        Experts = await query
            .OrderBy(e => e.Status).ThenBy(e => e.Name)
            .Take(50)
            .Select(e => new Row(e.Id, e.Name, e.Employer, e.Title, e.Level, e.DepartmentName, e.Status, e.TermEnd))
            .ToListAsync(cancellationToken);
    }

    internal sealed record Row(int Id, string Name, string Employer, string Title, Contracts.ExpertTeamLevel Level, string? DepartmentName, ExpertStatus Status, DateOnly TermEnd);
}
