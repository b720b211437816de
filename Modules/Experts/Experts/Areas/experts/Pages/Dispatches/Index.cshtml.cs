using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Dispatches;

/// <summary>Dispatch notices (调用): everyone using the module sees the list; classified content is masked for all but the organiser and county managers.</summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, ICountyUnits units, ICountyContext county) : PageModel
{
    public IReadOnlyList<Row> Dispatches { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanCreate = await access.OrganiserAsync(units, county.Required, cancellationToken) is not null;
        var query = db.Dispatches.AsNoTracking();
        var list = await query.OrderByDescending(d => d.Id).Take(100)
            .Select(d => new { d.Id, d.Title, d.Classified, d.DepartmentId, d.DepartmentName, d.StartsAtUtc, Count = d.Assignments.Count, Accepted = d.Assignments.Count(a => a.Answer == AnswerStatus.Accepted) })
            .ToListAsync(cancellationToken);
        var rows = new List<Row>();
        foreach (var d in list)
        {
            var title = access.SeesContent(d.Classified, d.DepartmentId) ? d.Title : Confidentiality.Masked;
            rows.Add(new Row(d.Id, title, d.Classified, d.DepartmentName, d.StartsAtUtc, d.Count, d.Accepted));
        }

        Dispatches = rows;
    }

    internal sealed record Row(int Id, string Title, bool Classified, string DepartmentName, DateTime StartsAtUtc, int Experts, int Accepted);
}
