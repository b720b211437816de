using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Jobs;

/// <summary>
/// Daily (应急值守): each person on duty tomorrow (or today, if entered after yesterday's run) is told once per shift
/// and person (key <c>duty-shift:{id}:{date}:{person}</c>, kept in the store, so also across restarts) — on their
/// account, or through the roster's keeper when the shift names no account; and, the day after the weekly plans fell
/// due, each township is told once per village that has not filed next week's plan (key
/// <c>duty-plan:{village}:missing:{week}</c>).
/// </summary>
internal sealed class DutyJob(TeamsDbContext db, DutyRoster roster, DutyPlans plans, DutyNotices notices, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var tomorrow = today.AddDays(1);
        var shifts = await db.DutyShifts.AsNoTracking().Where(s => s.Date >= today && s.Date <= tomorrow).OrderBy(s => s.Date).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var names = new Dictionary<int, string>();
        foreach (var shift in shifts)
        {
            if (!names.TryGetValue(shift.TownshipId, out var rosterName))
            {
                names[shift.TownshipId] = rosterName = await roster.RosterNameAsync(shift.TownshipId, cancellationToken);
            }

            var to = shift.UserName is { } user ? NoticeRecipient.Account(user, shift.Name) : await roster.KeeperAsync(shift.TownshipId, cancellationToken);
            await db.NotifyOnceAsync(ReminderKey.For("duty-shift", shift.Id, shift.Date, shift.UserName ?? shift.Name), notices.Tomorrow(shift, rosterName, to, now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        var week = plans.NextWeek;
        var due = DutyPlans.DueDate(week, await plans.DueWeekdayAsync(cancellationToken));
        if (today <= due)
        {
            return;
        }

        foreach (var village in await plans.MissingAsync(null, week, cancellationToken))
        {
            await db.NotifyOnceAsync(ReminderKey.For("duty-plan", village.Id, "missing", week), notices.PlanMissing(village, week, due, now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
