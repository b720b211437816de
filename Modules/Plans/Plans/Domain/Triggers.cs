using Emergency.Plans.Contracts;
using Emergency.Plans.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Domain;

/// <summary>
/// Revision triggers (修订情形) on a plan: recorded by its owner with a kind and note; raised automatically when its
/// higher plan issues a new version ("上位预案已修订：请复核") or a drill of it found problems. Each raise publishes
/// <see cref="PlanNeedsRevision"/>. A trigger stays open until the plan issues a new version or its owner dismisses
/// it with a reason.
/// </summary>
internal sealed class Triggers(PlansDbContext db, PlansAccess access, TimeProvider clock)
{
    public const string HigherRevised = "上位预案已修订：请复核";

    /// <summary>Adds an open trigger and its event (saved by the caller's SaveChanges).</summary>
    public static RevisionTrigger Raise(PlansDbContext db, Plan plan, TriggerKind kind, string note, string? source, string by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var trigger = new RevisionTrigger { PlanId = plan.Id, Kind = kind, Note = note, SourceKey = source, RaisedBy = by, RaisedAtUtc = nowUtc };
        db.Triggers.Add(trigger);
        db.Publish(new PlanNeedsRevision
        {
            PlanId = plan.Id,
            Title = plan.Title,
            Kind = kind.ToString(),
            Note = note,
            DepartmentId = plan.DepartmentId,
            TownshipId = plan.TownshipId,
            VillageId = plan.VillageId,
        });
        return trigger;
    }

    /// <summary>Closes the plan's open triggers when it issues a new version (saved by the caller).</summary>
    public static async Task CloseOnIssueAsync(PlansDbContext db, Plan plan, PlanVersion version, string by, DateTime nowUtc, CancellationToken cancellationToken)
    {
        foreach (var open in await db.Triggers.Where(t => t.PlanId == plan.Id && t.ClosedAtUtc == null).ToListAsync(cancellationToken))
        {
            open.ClosedAtUtc = nowUtc;
            open.ClosedReason = $"已签发第 {version.Number} 版";
            open.ClosedBy = by;
        }
    }

    public async Task<IReadOnlyList<Problem>> RecordAsync(Plan plan, TriggerKind? kind, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<Problem>();
        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            problems.Add(new("Trigger.Kind", "请选择修订情形"));
        }

        var text = note?.Trim() ?? "";
        if (text.Length == 0 || text.Length > 1000)
        {
            problems.Add(new("Trigger.Note", "请说明具体情况（1000 字以内）"));
        }

        if (plan.Status == PlanStatus.Abolished)
        {
            problems.Add(new("", "该预案已废止"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        Raise(db, plan, kind!.Value, text, null, access.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<Problem>> DismissAsync(Plan plan, int triggerId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var trigger = await db.Triggers.FirstOrDefaultAsync(t => t.Id == triggerId && t.PlanId == plan.Id, cancellationToken);
        if (trigger is null || trigger.ClosedAtUtc is not null)
        {
            return [new("", "该修订情形已处理")];
        }

        var text = reason?.Trim() ?? "";
        if (text.Length == 0 || text.Length > 500)
        {
            return [new("Dismiss.Reason", "请填写无需修订的理由（500 字以内）")];
        }

        trigger.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        trigger.ClosedReason = "经复核无需修订：" + text;
        trigger.ClosedBy = access.UserName;
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
