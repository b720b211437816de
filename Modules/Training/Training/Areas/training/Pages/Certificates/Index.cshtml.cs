using Emergency.BuildingBlocks.Clock;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Areas.training.Pages.Certificates;

/// <summary>The certificates the user may see, with filters (kind, holder or number, expiring or expired), and the people 未取得资格.</summary>
internal sealed class IndexModel(TrainingDbContext db, TrainingAccess access, Domain.Certificates certificates, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];

    public IReadOnlyList<NotQualified> NotQualified { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public CertificateKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>"expiring" (within the lead time) or "expired"; empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        var query = access.Visible(db.Certificates.AsNoTracking());
        if (Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(c => c.HolderName.Contains(q) || c.Number.Contains(q) || c.UnitName.Contains(q));
        }

        var soon = Today.AddDays(30);
        query = State switch
        {
            "expiring" => query.Where(c => c.ExpiresOn != null && c.ExpiresOn >= Today && c.ExpiresOn <= soon),
            "expired" => query.Where(c => c.ExpiresOn != null && c.ExpiresOn < Today),
            _ => query,
        };
        Certificates = await query.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id).Take(500).ToListAsync(cancellationToken);
        NotQualified = access.Scope.SeesWholeCounty || access.Scope.CanWrite ? await certificates.NotQualifiedAsync(cancellationToken) : [];
    }
}
