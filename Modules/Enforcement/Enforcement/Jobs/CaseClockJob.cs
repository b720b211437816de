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
/// Daily: each running clock of an open case (<see cref="CaseClocks"/>) that runs out within
/// <see cref="EnforcementModule.CaseLeadDays"/> days is noticed once (key <c>case:{id}:{clock}:{due}</c>) to the case's
/// unit — the county bureau or the entrusted township — naming the responsible officer (承办人); one that has run out
/// is recorded on the case once (期限逾期, never moved) and published as CaseClockMissed.
/// </summary>
internal sealed class CaseClockJob(EnforcementDbContext db, Cases cases, ICountySettings settings, ICountyUnits units, ICountyContext county) : ICountyJob
{
    public static readonly NoticeKind ClockDue = new("enforcement.case-clock-due", NoticeDelivery.Each);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var lead = await settings.GetAsync(EnforcementModule.CaseLeadDays, county.Required, cancellationToken);
        var open = await db.Cases.Include(c => c.Steps)
            .Where(c => c.State != CaseState.Closed)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return;
        }

        var bureau = (await units.DepartmentsAsync(county.Required, cancellationToken)).FirstOrDefault(d => d.IsEmergencyBureau);
        var nowLocal = cases.NowLocal;
        foreach (var c in open)
        {
            await cases.RecordMissedAsync(c, cancellationToken);
            NoticeRecipient? to = c.TownshipId is { } t ? NoticeRecipient.Unit(UnitKind.Township, t, c.UnitName)
                : bureau is not null ? NoticeRecipient.Unit(UnitKind.Department, bureau.Id, bureau.Name) : null;
            if (to is null)
            {
                continue;
            }

            foreach (var running in await cases.ClocksAsync(c, cancellationToken))
            {
                if (running.DueLocal < nowLocal || running.DaysLeft(nowLocal) > lead)
                {
                    continue;
                }

                var due = running.DueLocal.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                await db.NotifyOnceAsync(ReminderKey.For("case", c.Id, running.Key, due), new Notice
                {
                    Kind = ClockDue,
                    To = to,
                    Title = $"案件{running.Name}即将届满：{c.TargetName}（{due}）",
                    TextBody = $"{to.Name}：{c.TargetName} 案（{c.FilingNumber ?? c.DecisionNumber ?? "移送待立案"}）的{running.Name}于 {due} 届满，请及时办理。承办人：{(c.LeadOfficerName.Length > 0 ? c.LeadOfficerName : "—")}。",
                    Link = $"/enforcement/Cases/Details?id={c.Id}",
                    AtUtc = cases.NowUtc,
                }, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
