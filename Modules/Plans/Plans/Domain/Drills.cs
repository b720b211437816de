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
    public async Task<List<DrillDue>> DueAsync(IQueryable<Plan> plans, DrillCadence cadence, DateOnly until, CancellationToken cancellationToken) =>
        await WithPlansAsync(await DueDatesAsync(plans, cadence, until, cancellationToken), cancellationToken);

    /// <summary>
    /// The plans in force among <paramref name="plans"/> whose drill is due on or before <paramref name="until"/>, as
    /// (plan, last drill, due date), earliest first. The store keeps only the plans whose last drill (or issue) is old
    /// enough for their type's cadence — the cut-offs carry three days' slack for month ends (31 January + 1 month is
    /// 28 February) — and the exact due date is computed here from four narrow columns.
    /// </summary>
    private async Task<List<(int PlanId, DateOnly? LastDrillOn, DateOnly Since, DateOnly DueOn)>> DueDatesAsync(
        IQueryable<Plan> plans, DrillCadence cadence, DateOnly until, CancellationToken cancellationToken, bool unsettledOnly = false)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        var (g, e, o, vm) = (cadence.Government, cadence.Enterprise, cadence.OnSite, cadence.Village);
        var government = Cutoff(g);
        var enterprise = Cutoff(e);
        var onSite = Cutoff(o);
        var village = Cutoff(vm);
        var rows = await (from p in plans.AsNoTracking()
                          join v in db.Versions.AsNoTracking() on p.CurrentVersionId equals v.Id
                          where p.Status == PlanStatus.InForce
                          let since = p.LastDrillOn ?? v.IssuedOn
                          let settled = unsettledOnly && p.DrillSettledSince == since
                          where ((p.Type == PlanType.EnterpriseGeneral || p.Type == PlanType.EnterpriseSpecial) && since <= enterprise && !(settled && p.DrillSettledMonths == e))
                              || (p.Type == PlanType.EnterpriseOnSite && since <= onSite && !(settled && p.DrillSettledMonths == o))
                              || (p.Type == PlanType.VillageCombined && since <= village && !(settled && p.DrillSettledMonths == vm))
                              || (p.Type != PlanType.EnterpriseGeneral && p.Type != PlanType.EnterpriseSpecial && p.Type != PlanType.EnterpriseOnSite
                                  && p.Type != PlanType.VillageCombined && since <= government && !(settled && p.DrillSettledMonths == g))
                          select new { p.Id, p.Type, p.LastDrillOn, v.IssuedOn })
            .ToListAsync(cancellationToken);
        var due = new List<(int, DateOnly?, DateOnly, DateOnly)>();
        foreach (var r in rows)
        {
            if ((r.LastDrillOn ?? r.IssuedOn) is { } since && DueOn(r.LastDrillOn, r.IssuedOn, cadence.MonthsFor(r.Type)) is { } on && on <= until)
            {
                due.Add((r.Id, r.LastDrillOn, since, on));
            }
        }

        return due.OrderBy(d => d.Item4).ThenBy(d => d.Item1).ToList();

        DateOnly Cutoff(int months) => until.AddMonths(-months).AddDays(3);
    }

    /// <summary>The plans of the due dates, read untracked with the columns a list, a notice and an event need.</summary>
    private async Task<List<DrillDue>> WithPlansAsync(List<(int PlanId, DateOnly? LastDrillOn, DateOnly Since, DateOnly DueOn)> dates, CancellationToken cancellationToken)
    {
        if (dates.Count == 0)
        {
            return [];
        }

        var ids = dates.Select(d => d.PlanId).ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Plan
            {
                Id = p.Id, Title = p.Title, Type = p.Type, OwnerLevel = p.OwnerLevel, DepartmentId = p.DepartmentId, TownshipId = p.TownshipId,
                VillageId = p.VillageId, OwnerName = p.OwnerName, EnterpriseName = p.EnterpriseName, LastDrillOn = p.LastDrillOn, Status = p.Status,
            })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return dates.Select(d => new DrillDue(plans[d.PlanId], d.LastDrillOn, d.DueOn)).ToList();
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
        // Plans settled for their current due date are skipped by the store: a day when nothing changed reads no row.
        var dates = await DueDatesAsync(db.Plans, cadence, today.AddDays(cadence.LeadDays), cancellationToken, unsettledOnly: true);
        if (dates.Count == 0)
        {
            return 0;
        }

        // Only the plans with a notice or an event not yet claimed are read in full.
        var claimed = await db.ClaimedAsync(DueKey, cancellationToken);
        claimed.UnionWith(await db.ClaimedAsync(OverdueKey, cancellationToken));
        var due = await WithPlansAsync(
            dates.Where(d => !claimed.Contains(ReminderKey.For(DueKey, d.PlanId, d.DueOn).Value)
                || (d.DueOn < today && !claimed.Contains(ReminderKey.For(OverdueKey, d.PlanId, d.DueOn).Value))).ToList(),
            cancellationToken);
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

        // Past due, noticed and published: settled for this due date, with the cadence it was computed from. Written
        // on tracked plans with the values read above, so a drill recorded meanwhile leaves the plan unsettled.
        var settled = dates.Where(d => d.DueOn < today).ToDictionary(d => d.PlanId);
        if (settled.Count > 0)
        {
            var ids = settled.Keys.ToList();
            foreach (var plan in await db.Plans.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                plan.DrillSettledSince = settled[plan.Id].Since;
                plan.DrillSettledMonths = cadence.MonthsFor(plan.Type);
            }
        }

        if (changes > 0 || settled.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return changes;
    }
}
