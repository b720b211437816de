using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Agreements;

/// <summary>镇企联动协议: the agreements the user may see, filtered by township, status and 即将到期; expiring ones highlighted.</summary>
internal sealed class IndexModel(TeamsDbContext db, SupportAccess access, AgreementRegistry registry, ICountySettings settings, ICountyUnits units) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    [BindProperty(SupportsGet = true)]
    public AgreementStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expiring { get; set; }

    public IReadOnlyList<Agreement> Rows { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public int LeadDays { get; private set; }

    public DateOnly Today => registry.Today;

    public bool ManagesAny => access.ManagesAgreements;

    [TempData]
    public string? Notice { get; set; }

    public bool IsDue(Agreement agreement) => AgreementRegistry.IsDue(agreement, Today, LeadDays);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        LeadDays = await settings.GetAsync(TeamsModule.AgreementExpiryLeadDays, cancellationToken);
        var townships = await units.TownshipsAsync(access.County, cancellationToken);
        Townships = access.SeesWholeCounty ? townships : townships.Where(t => t.Id == access.TownshipId).ToList();
        var query = access.Visible(db.Agreements.AsNoTracking());
        if (Township is { } township)
        {
            query = query.Where(a => a.TownshipId == township);
        }

        if (Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (Expiring)
        {
            var horizon = Today.AddDays(LeadDays);
            query = query.Where(a => a.Status == AgreementStatus.Active && a.ValidTo <= horizon);
        }

        Rows = await query.OrderBy(a => a.ValidTo).ThenBy(a => a.Id).Take(500).ToListAsync(cancellationToken);
    }
}
