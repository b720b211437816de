using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Data;
using Emergency.Plans.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Areas.plans.Pages;

/// <summary>The plan hierarchy (预案体系): each plan under its higher plan, for the county or one township (the county's plans above it).</summary>
internal sealed class TreeModel(PlansDbContext db, PlansAccess access, ICountyUnits units) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public IReadOnlyList<Plan> Roots { get; private set; } = [];

    public ILookup<int, Plan> Children { get; private set; } = Array.Empty<Plan>().ToLookup(p => 0);

    /// <summary>The tree in reading order with each plan's depth.</summary>
    public IReadOnlyList<(Plan Plan, int Depth)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Townships = await units.TownshipsAsync(access.County, cancellationToken);
        if (access.Scope is { SeesWholeCounty: false, TownshipId: { } own })
        {
            Township = own;
            Townships = Townships.Where(t => t.Id == own).ToList();
        }

        var query = access.Visible(db.Plans.AsNoTracking()).Where(p => p.Status != PlanStatus.Abolished);
        if (Township is { } t)
        {
            query = query.Where(p => p.TownshipId == t || p.OwnerLevel == OwnerLevel.County || p.OwnerLevel == OwnerLevel.Department);
        }

        var plans = await query.OrderBy(p => p.OwnerLevel).ThenBy(p => p.Type).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var ids = plans.Select(p => p.Id).ToHashSet();
        Roots = plans.Where(p => p.HigherPlanId is not { } h || !ids.Contains(h)).ToList();
        Children = plans.Where(p => p.HigherPlanId is { } h && ids.Contains(h)).ToLookup(p => p.HigherPlanId!.Value);
        var rows = new List<(Plan, int)>();
        var seen = new HashSet<int>();
        void Walk(Plan plan, int depth)
        {
            if (!seen.Add(plan.Id))
            {
                return;
            }

            rows.Add((plan, depth));
            foreach (var child in Children[plan.Id])
            {
                Walk(child, depth + 1);
            }
        }

        foreach (var root in Roots)
        {
            Walk(root, 0);
        }

        Rows = rows;
    }
}
