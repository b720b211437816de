using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Contracts;
using Emergency.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Domain;

/// <summary>
/// Keeps Training's read copy of the plans Plans issued (<see cref="KnownPlan"/>): one row per plan, overwritten by
/// a newer version's <see cref="PlanIssued"/> and left as it is by an older or repeated one, so delivering an event
/// twice, or late, changes nothing. <see cref="PlanFiled"/> marks the version in force filed.
/// </summary>
internal sealed class KnownPlansBook(TrainingDbContext db, ICountyUnits units, ICountyContext county, TimeProvider clock)
{
    public const string CountyOwner = "县人民政府";

    public async Task IssuedAsync(PlanIssued e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var plan = await db.KnownPlans.SingleOrDefaultAsync(p => p.PlanId == e.PlanId, cancellationToken);
        if (plan is not null && plan.Version >= e.Version)
        {
            return;
        }

        if (plan is null)
        {
            plan = new KnownPlan { PlanId = e.PlanId };
            db.KnownPlans.Add(plan);
        }

        plan.Title = Cut(e.Title, 200);
        plan.Type = Cut(e.Type, 40);
        plan.Category = e.Category is null ? null : Cut(e.Category, 40);
        plan.DepartmentId = e.DepartmentId;
        plan.TownshipId = e.TownshipId;
        plan.VillageId = e.VillageId;
        plan.OwnerName = Cut(await OwnerAsync(e.DepartmentId, e.TownshipId, e.VillageId, cancellationToken), 100);
        plan.Version = e.Version;
        plan.IssuedOn = e.IssuedOn;
        plan.DocumentNumber = Cut(e.DocumentNumber, 100);
        plan.Filed = false;
        plan.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task FiledAsync(PlanFiled e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var plan = await db.KnownPlans.SingleOrDefaultAsync(p => p.PlanId == e.PlanId, cancellationToken);
        if (plan is null || plan.Version != e.Version || plan.Filed)
        {
            return;
        }

        plan.Filed = true;
        plan.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The plans an organiser may pick for a drill: the county (a county post or a department) all; a township its
    /// own and its villages'. Ordered by owner, then title.
    /// </summary>
    public static IQueryable<KnownPlan> For(Organiser organiser, IQueryable<KnownPlan> query)
    {
        ArgumentNullException.ThrowIfNull(organiser);
        var visible = organiser.TownshipId is { } township ? query.Where(p => p.TownshipId == township) : query;
        return visible.OrderBy(p => p.TownshipId).ThenBy(p => p.VillageId).ThenBy(p => p.Title);
    }

    private async Task<string> OwnerAsync(int? departmentId, int? townshipId, int? villageId, CancellationToken cancellationToken)
    {
        var code = county.Required;
        if (villageId is { } v)
        {
            return (await units.VillagesAsync(code, cancellationToken)).FirstOrDefault(u => u.Id == v)?.Name ?? "";
        }

        if (townshipId is { } t)
        {
            return (await units.TownshipsAsync(code, cancellationToken)).FirstOrDefault(u => u.Id == t)?.Name ?? "";
        }

        if (departmentId is { } d)
        {
            return (await units.DepartmentsAsync(code, cancellationToken)).FirstOrDefault(u => u.Id == d)?.Name ?? "";
        }

        return CountyOwner;
    }

    private static string Cut(string? value, int max)
    {
        var text = (value ?? "").Trim();
        return text.Length > max ? text[..max] : text;
    }
}
