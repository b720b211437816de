using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.Plans.Contracts;
using Emergency.Plans.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Domain;

/// <summary>The county's drill cadence (演练周期) per plan type, in months, and the lead days of the due-soon list.</summary>
internal sealed record DrillCadence(int Government, int Enterprise, int OnSite, int Village, int LeadDays)
{
    /// <summary>
    /// The months between drills of a plan type: enterprise 综合/专项 <see cref="Enterprise"/>, 现场处置方案
    /// <see cref="OnSite"/>, village 处置方案 <see cref="Village"/>, every county, department and township plan
    /// (the manual included) <see cref="Government"/>.
    /// </summary>
    public int MonthsFor(PlanType type) => type switch
    {
        PlanType.EnterpriseGeneral or PlanType.EnterpriseSpecial => Enterprise,
        PlanType.EnterpriseOnSite => OnSite,
        PlanType.VillageCombined => Village,
        _ => Government,
    };

    public static async Task<DrillCadence> ReadAsync(ICountySettings settings, string county, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(
            await settings.GetAsync(PlansModule.DrillMonthsGovernment, county, cancellationToken),
            await settings.GetAsync(PlansModule.DrillMonthsEnterprise, county, cancellationToken),
            await settings.GetAsync(PlansModule.DrillMonthsOnSite, county, cancellationToken),
            await settings.GetAsync(PlansModule.DrillMonthsVillage, county, cancellationToken),
            await settings.GetAsync(PlansModule.DrillLeadDays, county, cancellationToken));
    }
}

/// <summary>A plan in force with the date its next drill is due.</summary>
internal sealed record DrillDue(Plan Plan, DateOnly? LastDrillOn, DateOnly DueOn)
{
    public bool OverdueOn(DateOnly today) => DueOn < today;
}

/// <summary>
/// 演练周期: a plan in force is drilled every set number of months for its type (<see cref="DrillCadence"/>) from
/// its last drill (Training's DrillCompleted, or a drill entered here with its 演练评估报告), or from the issue of
/// the version in force when it was never drilled. Plans due within the lead days or overdue are listed; the daily
/// sweep notices the owner once per plan and due date and publishes <see cref="PlanDrillOverdue"/> once per plan and
/// due date when the date has passed; overdue drills are on the owner's 我的待办.
/// </summary>
internal sealed class Drills(PlansDbContext db, PlansAccess access, PlansNotices notices, TimeProvider clock)
{
    private const string DueKey = "drill-due";

    private const string OverdueKey = "drill-overdue";

    public static DateOnly? DueOn(DateOnly? lastDrill, DateOnly? issuedOn, int months) =>
        (lastDrill ?? issuedOn) is { } from ? from.AddMonths(months) : null;

    /// <summary>
    /// The plans in force among <paramref name="plans"/> whose drill is due on or before <paramref name="until"/>,
    /// earliest first; read as narrow rows (the sweep runs over every plan of the county each day).
    /// </summary>
    public async Task<List<DrillDue>> DueAsync(IQueryable<Plan> plans, DrillCadence cadence, DateOnly until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        var rows = await (from p in plans.AsNoTracking()
                          join v in db.Versions.AsNoTracking() on p.CurrentVersionId equals v.Id
                          where p.Status == PlanStatus.InForce
                          select new { p.Id, p.Title, p.Type, p.OwnerLevel, p.DepartmentId, p.TownshipId, p.VillageId, p.OwnerName, p.EnterpriseName, p.LastDrillOn, v.IssuedOn })
            .ToListAsync(cancellationToken);
        var due = new List<DrillDue>();
        foreach (var r in rows)
        {
            if (DueOn(r.LastDrillOn, r.IssuedOn, cadence.MonthsFor(r.Type)) is { } on && on <= until)
            {
                var plan = new Plan
                {
                    Id = r.Id, Title = r.Title, Type = r.Type, OwnerLevel = r.OwnerLevel, DepartmentId = r.DepartmentId, TownshipId = r.TownshipId,
                    VillageId = r.VillageId, OwnerName = r.OwnerName, EnterpriseName = r.EnterpriseName, LastDrillOn = r.LastDrillOn, Status = PlanStatus.InForce,
                };
                due.Add(new DrillDue(plan, r.LastDrillOn, on));
            }
        }

        return due.OrderBy(d => d.DueOn).ThenBy(d => d.Plan.Id).ToList();
    }

    /// <summary>A drill held outside Training, entered on the plan: date (not in the future) and 演练评估报告 file, both required.</summary>
    public async Task<IReadOnlyList<Problem>> RecordAsync(Plan plan, DateOnly? on, SavedFile? report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<Problem>();
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        if (plan.Status != PlanStatus.InForce)
        {
            problems.Add(new("", "只能为现行有效的预案登记演练"));
        }

        if (on is null)
        {
            problems.Add(new("Drill.On", "请填写演练日期"));
        }
        else if (on > today)
        {
            problems.Add(new("Drill.On", "演练日期不能晚于今天"));
        }

        if (report is null)
        {
            problems.Add(new("DrillFile", "请上传演练评估报告（.docx 或 .pdf）"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        db.Drills.Add(new PlanDrill
        {
            PlanId = plan.Id,
            DrilledOn = on!.Value,
            FileName = report!.Name,
            ContentType = report.ContentType,
            OriginalName = report.OriginalName,
            RecordedBy = access.UserName,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        if (plan.LastDrillOn is null || plan.LastDrillOn < on)
        {
            plan.LastDrillOn = on;
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// Notices each owner once per plan and due date when the drill falls due within the lead days, and publishes
    /// <see cref="PlanDrillOverdue"/> once per plan and due date once it has passed (both claimed in the reminder
    /// ledger, in one SaveChanges: once across a restart). The claimed keys are read in one query, so a day when
    /// nothing changed costs two reads and no write.
    /// </summary>
    public async Task<int> SweepAsync(DrillCadence cadence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var due = await DueAsync(db.Plans, cadence, today.AddDays(cadence.LeadDays), cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var claimed = await db.ClaimedAsync(DueKey, cancellationToken);
        claimed.UnionWith(await db.ClaimedAsync(OverdueKey, cancellationToken));
        var changes = 0;
        foreach (var d in due)
        {
            var notice = ReminderKey.For(DueKey, d.Plan.Id, d.DueOn);
            if (!claimed.Contains(notice.Value) && PlansNotices.Owner(d.Plan) is { } owner
                && await db.NotifyOnceAsync(notice, notices.DrillDue(d.Plan, owner, d.DueOn, d.OverdueOn(today), now), cancellationToken))
            {
                changes++;
            }

            var overdue = ReminderKey.For(OverdueKey, d.Plan.Id, d.DueOn);
            if (d.OverdueOn(today) && !claimed.Contains(overdue.Value) && await db.TryClaimAsync(overdue, now, cancellationToken))
            {
                db.Publish(new PlanDrillOverdue
                {
                    PlanId = d.Plan.Id,
                    Title = d.Plan.Title,
                    Type = d.Plan.Type.ToString(),
                    OwnerName = d.Plan.OwnerName,
                    DepartmentId = d.Plan.DepartmentId,
                    TownshipId = d.Plan.TownshipId,
                    VillageId = d.Plan.VillageId,
                    DueOn = d.DueOn,
                    LastDrillOn = d.LastDrillOn,
                });
                changes++;
            }
        }

        if (changes > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return changes;
    }
}
