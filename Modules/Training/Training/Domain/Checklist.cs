using Emergency.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Domain;

/// <summary>Whose checklist: a known person, or an invitee who was not picked from the known people.</summary>
internal sealed record ChecklistOwner(int? KnownPersonId, int? InviteeId);

/// <summary>
/// The rules of the 五知十会 checklist: the trainer sets which items a person has; a newly ticked item records who
/// ticked it and when, an item already ticked keeps its first tick, an un-ticked item is removed. One SaveChanges.
/// </summary>
internal sealed class Checklist(TrainingDbContext db, TimeProvider clock)
{
    public Task<List<SkillTick>> TicksAsync(ChecklistOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return Of(owner).OrderBy(t => t.Item).ToListAsync(cancellationToken);
    }

    /// <summary>Sets the person's ticked items; returns a problem (Chinese) for an unknown item, else null.</summary>
    public async Task<string?> SetAsync(ChecklistOwner owner, IReadOnlyCollection<int> items, string by, string byName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Any(i => !SkillItems.Exists(i)))
        {
            return "勾选的项目不在五知十会清单中";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await Of(owner).ToListAsync(cancellationToken);
        db.SkillTicks.RemoveRange(existing.Where(t => !items.Contains(t.Item)));
        foreach (var item in items.Distinct().Where(i => existing.All(t => t.Item != i)))
        {
            db.SkillTicks.Add(new SkillTick
            {
                KnownPersonId = owner.KnownPersonId,
                InviteeId = owner.KnownPersonId is null ? owner.InviteeId : null,
                Item = item,
                TickedBy = by,
                TickedByName = byName.Length > 100 ? byName[..100] : byName,
                TickedAtUtc = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private IQueryable<SkillTick> Of(ChecklistOwner owner) => owner.KnownPersonId is { } person
        ? db.SkillTicks.Where(t => t.KnownPersonId == person)
        : db.SkillTicks.Where(t => t.InviteeId == owner.InviteeId);
}
