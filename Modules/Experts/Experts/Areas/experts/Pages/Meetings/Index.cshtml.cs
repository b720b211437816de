using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Meetings;

/// <summary>Consultation meetings (研判会/分析会/会商会); classified topics are masked for all but the organiser and county managers.</summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, ICountyUnits units, ICountyContext county) : PageModel
{
    public IReadOnlyList<Row> Meetings { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanCreate = await access.OrganiserAsync(units, county.Required, cancellationToken) is not null;
        var list = await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsAtUtc).Take(100)
            .Select(m => new { m.Id, m.Kind, m.Topic, m.Classified, m.DepartmentId, m.DepartmentName, m.StartsAtUtc, m.Status, Invited = m.Invitations.Count })
            .ToListAsync(cancellationToken);
        var rows = new List<Row>();
        foreach (var m in list)
        {
            var topic = access.SeesContent(m.Classified, m.DepartmentId) ? m.Topic : Confidentiality.Masked;
            rows.Add(new Row(m.Id, m.Kind, topic, m.DepartmentName, m.StartsAtUtc, m.Status, m.Invited));
        }

        Meetings = rows;
    }

    internal sealed record Row(int Id, MeetingKind Kind, string Topic, string DepartmentName, DateTime StartsAtUtc, MeetingStatus Status, int Invited);
}
