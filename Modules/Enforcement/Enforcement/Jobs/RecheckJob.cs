using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Jobs;

/// <summary>
/// Daily: each inspection awaiting 复查 whose due date is within <see cref="EnforcementModule.RecheckLeadDays"/> days is
/// noticed once (key <c>recheck:{id}:due:{date}</c>) to the inspecting unit — the county bureau or the entrusted township
/// — naming the responsible officers; one whose due date has passed gets its missed clock recorded
/// (<see cref="Inspection.RecheckMissedOn"/>, the due date itself: never moved) and shows on the unit's 我的待办.
/// </summary>
internal sealed class RecheckJob(EnforcementDbContext db, ICountySettings settings, ICountyUnits units, ICountyContext county, TimeProvider clock) : ICountyJob
{
    public static readonly NoticeKind RecheckDue = new("enforcement.recheck-due", NoticeDelivery.Each);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var lead = await settings.GetAsync(EnforcementModule.RecheckLeadDays, county.Required, cancellationToken);
        var horizon = today.AddDays(lead);
        var open = await db.Inspections
            .Where(i => i.State == InspectionState.AwaitingRecheck && i.RecheckDue != null && i.RecheckDue <= horizon)
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return;
        }

        var bureau = (await units.DepartmentsAsync(county.Required, cancellationToken)).FirstOrDefault(d => d.IsEmergencyBureau);
        foreach (var inspection in open)
        {
            var due = inspection.RecheckDue!.Value;
            if (due < today)
            {
                inspection.RecheckMissedOn ??= due;
                continue;
            }

            NoticeRecipient? to = inspection.TownshipId is { } t ? NoticeRecipient.Unit(UnitKind.Township, t, inspection.UnitName)
                : bureau is not null ? NoticeRecipient.Unit(UnitKind.Department, bureau.Id, bureau.Name) : null;
            if (to is null)
            {
                continue;
            }

            await db.NotifyOnceAsync(ReminderKey.For("recheck", inspection.Id, "due", Inspections.Day(due)), new Notice
            {
                Kind = RecheckDue,
                To = to,
                Title = $"复查即将到期：{inspection.TargetName}（{Inspections.Day(due)}）",
                TextBody = $"{to.Name}：{inspection.TargetName} 于 {Inspections.Day(inspection.InspectedOn)} 现场检查发现问题，责令限期整改（{inspection.OrderNumber}，期限 {Inspections.Day(inspection.Deadline!.Value)}），复查须在 {Inspections.Day(due)} 前完成。承办执法人员：{inspection.OfficerNames}。",
                Link = $"/enforcement/Inspections/Details?id={inspection.Id}",
                AtUtc = now,
            }, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
