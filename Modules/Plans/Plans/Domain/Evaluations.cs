using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.Plans.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Domain;

/// <summary>
/// 评估: a plan in force is evaluated every set number of years (<see cref="PlansModule.EvaluationYears"/>, default 3)
/// from its last issue or evaluation, whichever is later; the report (text, optional file) is recorded by the owner.
/// The daily sweep notices the owner once when the due date is within the set lead days; a late evaluation is on
/// the owner's 我的待办.
/// </summary>
internal sealed class Evaluations(PlansDbContext db, PlansAccess access, PlansNotices notices, TimeProvider clock)
{
    private const string DueKey = "evaluation-due";

    private const string LapsedKey = "evaluation-lapsed";

    /// <summary>When the plan's next evaluation is due, null when no version is in force.</summary>
    public static DateOnly? DueOn(Plan plan, DateOnly? issuedOn, int years)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Status != PlanStatus.InForce || issuedOn is not { } issued)
        {
            return null;
        }

        var from = plan.LastEvaluatedOn is { } e && e > issued ? e : issued;
        return from.AddYears(years);
    }

    public async Task<IReadOnlyList<Problem>> RecordAsync(Plan plan, DateOnly? on, string? report, SavedFile? file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<Problem>();
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        if (plan.Status != PlanStatus.InForce)
        {
            problems.Add(new("", "只能评估现行有效的预案"));
        }

        if (on is null)
        {
            problems.Add(new("Evaluation.On", "请填写评估日期"));
        }
        else if (on > today)
        {
            problems.Add(new("Evaluation.On", "评估日期不能晚于今天"));
        }

        var text = report?.Trim() ?? "";
        if (text.Length == 0 || text.Length > 4000)
        {
            problems.Add(new("Evaluation.Report", "请填写评估报告（4000 字以内）"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        db.Evaluations.Add(new PlanEvaluation
        {
            PlanId = plan.Id,
            EvaluatedOn = on!.Value,
            Report = text,
            FileName = file?.Name,
            ContentType = file?.ContentType,
            OriginalName = file?.OriginalName,
            RecordedBy = access.UserName,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        if (plan.LastEvaluatedOn is null || plan.LastEvaluatedOn < on)
        {
            plan.LastEvaluatedOn = on;
        }

        db.Publish(new Contracts.PlanEvaluated { PlanId = plan.Id, Title = plan.Title, DepartmentId = plan.DepartmentId, TownshipId = plan.TownshipId, VillageId = plan.VillageId, EvaluatedOn = on.Value });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Notices each owner once per evaluation period when its plan's evaluation falls due within <paramref name="leadDays"/>.</summary>
    public async Task<int> SweepAsync(int years, int leadDays, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        // The store keeps only the plans whose issue and last evaluation are both old enough to fall due within the
        // lead days (one day's slack for 29 February; the exact date is computed below), read without tracking.
        var cutoff = today.AddDays(leadDays).AddYears(-years).AddDays(1);
        var rows = await (from p in db.Plans.AsNoTracking()
                          join v in db.Versions.AsNoTracking() on p.CurrentVersionId equals v.Id
                          where p.Status == PlanStatus.InForce && v.IssuedOn <= cutoff && (p.LastEvaluatedOn == null || p.LastEvaluatedOn <= cutoff)
                          select new { Plan = p, v.IssuedOn }).ToListAsync(cancellationToken);
        var claimed = await db.ClaimedAsync(DueKey, cancellationToken);
        claimed.UnionWith(await db.ClaimedAsync(LapsedKey, cancellationToken));
        var sent = 0;
        foreach (var row in rows)
        {
            if (DueOn(row.Plan, row.IssuedOn, years) is not { } due || today < due.AddDays(-leadDays) || PlansNotices.Owner(row.Plan) is not { } owner)
            {
                continue;
            }

            var notice = ReminderKey.For(DueKey, row.Plan.Id, PlansNotices.Date(due));
            if (!claimed.Contains(notice.Value) && await db.NotifyOnceAsync(notice, notices.EvaluationDue(row.Plan, owner, due, now), cancellationToken))
            {
                sent++;
            }

            var lapsed = ReminderKey.For(LapsedKey, row.Plan.Id, PlansNotices.Date(due));
            if (today > due && !claimed.Contains(lapsed.Value) && await db.TryClaimAsync(lapsed, now, cancellationToken))
            {
                var p = row.Plan;
                db.Publish(new Contracts.PlanEvaluationLapsed { PlanId = p.Id, Title = p.Title, DepartmentId = p.DepartmentId, TownshipId = p.TownshipId, VillageId = p.VillageId, DueOn = due });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
