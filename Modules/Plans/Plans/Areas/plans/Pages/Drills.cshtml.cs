using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Data;
using Emergency.Plans.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Plans.Areas.plans.Pages;

/// <summary>
/// 演练到期: the plans in force the user may see whose drill is due within the county's lead days or overdue,
/// earliest first, filtered by owner unit ("county", "department:5", "township:3").
/// </summary>
internal sealed class DrillsModel(PlansDbContext db, PlansAccess access, Drills drills, ICountyUnits units, ICountySettings settings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public IReadOnlyList<DrillDue> Rows { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Departments { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public int LeadDays { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        var cadence = await DrillCadence.ReadAsync(settings, access.County, cancellationToken);
        LeadDays = cadence.LeadDays;
        Departments = await units.DepartmentsAsync(access.County, cancellationToken);
        Townships = await units.TownshipsAsync(access.County, cancellationToken);
        var query = access.Visible(db.Plans);
        var parts = (Unit ?? "").Split(':');
        var id = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        query = (parts[0], id) switch
        {
            ("county", _) => query.Where(p => p.OwnerLevel == OwnerLevel.County),
            ("department", { } d) => query.Where(p => p.OwnerLevel == OwnerLevel.Department && p.DepartmentId == d),
            ("township", { } t) => query.Where(p => p.TownshipId == t),
            _ => query,
        };
        Rows = await drills.DueAsync(query, cadence, Today.AddDays(cadence.LeadDays), cancellationToken);
    }
}
