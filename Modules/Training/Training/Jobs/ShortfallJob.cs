using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Contracts;
using Emergency.Training.Data;
using Emergency.Training.Domain;

namespace Emergency.Training.Jobs;

/// <summary>
/// On the county's shortfall check date (<see cref="TrainingModule.ShortfallCheckDate"/>, default 1 November), and on
/// the <see cref="CatchUpDays"/> days after it (a host that was down on the date catches up; a county that starts
/// using the module in December is not flooded with last year's plan), daily: each township and village still short of its yearly days is put on its trainer's
/// 我的待办 (the county emergency bureau for a township, the township for a village), its trainer is told, and
/// <see cref="TrainingShortfall"/> is published — once per unit and year (key <c>shortfall:{year}:{unit}</c>, the
/// row, notice and event in one commit). A unit that becomes short within the window (a session cancelled) is found by
/// the next day's run.
/// </summary>
internal sealed class ShortfallJob(TrainingDbContext db, DaysOwed owed, ICountyUnits units, ICountySettings settings, TrainingNotices notices, ICountyContext county, TimeProvider clock) : ICountyJob
{
    public const int CatchUpDays = 7;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var code = county.Required;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var checkDate = ShortfallCheck.Parse(await settings.GetAsync(TrainingModule.ShortfallCheckDate, code, cancellationToken), today.Year);
        if (today < checkDate || today > checkDate.AddDays(CatchUpDays))
        {
            return;
        }

        var bureau = (await units.DepartmentsAsync(code, cancellationToken)).FirstOrDefault(d => d.IsEmergencyBureau);
        var townships = (await units.TownshipsAsync(code, cancellationToken)).ToDictionary(t => t.Id);
        foreach (var unit in (await owed.ForYearAsync(code, today.Year, true, null, null, cancellationToken)).Where(u => u.Short))
        {
            NoticeRecipient? trainer = unit.Kind == UnitKind.Township
                ? bureau is null ? null : NoticeRecipient.Unit(UnitKind.Department, bureau.Id, bureau.Name)
                : townships.TryGetValue(unit.TownshipId, out var t) ? NoticeRecipient.Unit(UnitKind.Township, t.Id, t.Name) : null;
            if (trainer is null)
            {
                continue;
            }

            if (!await db.NotifyOnceAsync(ReminderKey.For("shortfall", today.Year, unit.Kind, unit.Id), notices.Shortfall(unit, trainer, today.Year, now), cancellationToken))
            {
                continue;
            }

            db.Shortfalls.Add(new Shortfall
            {
                Year = today.Year,
                UnitKind = unit.Kind,
                UnitId = unit.Id,
                UnitName = unit.Name,
                TownshipId = unit.TownshipId,
                DaysOwed = unit.Owed,
                FoundAtUtc = now,
            });
            db.Publish(new TrainingShortfall { UnitKind = unit.Kind, UnitId = unit.Id, UnitName = unit.Name, Year = today.Year, DaysOwed = unit.Owed });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
