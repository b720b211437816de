using Emergency.BuildingBlocks.Calendar;
using Emergency.BuildingBlocks.Persistence;
using Emergency.Host.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform.Calendar;

/// <summary>
/// <see cref="IWorkingDays"/> over the schedules in the platform store, read once and kept until the
/// platform admin changes a schedule (<see cref="Invalidate"/>).
/// </summary>
internal sealed class WorkingDays(StoreOptionsFactory options) : IWorkingDays, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile WorkingDayCalendar? cached;
    private int version;

    public async Task<WorkingDayResult> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken cancellationToken) =>
        (await CalendarAsync(cancellationToken)).AddWorkingDays(start, days);

    public async Task<int> CountWorkingDaysAsync(DateOnly fromExclusive, DateOnly toInclusive, CancellationToken cancellationToken) =>
        (await CalendarAsync(cancellationToken)).CountWorkingDays(fromExclusive, toInclusive);

    public async Task<bool> IsWorkingDayAsync(DateOnly day, CancellationToken cancellationToken) =>
        (await CalendarAsync(cancellationToken)).IsWorkingDay(day);

    public async Task<DateOnly> NextWorkingDayOnOrAfterAsync(DateOnly day, CancellationToken cancellationToken) =>
        (await CalendarAsync(cancellationToken)).NextWorkingDayOnOrAfter(day).Date;

    public async Task<IReadOnlyList<int>> YearsWithoutScheduleAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await CalendarAsync(cancellationToken)).YearsWithoutSchedule(from, to);

    public async Task<WorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken)
    {
        if (cached is { } calendar)
        {
            return calendar;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } loaded)
            {
                return loaded;
            }

            var reading = Volatile.Read(ref version);
            await using var db = options.Open<PlatformDbContext>(StoreKey.Platform(PlatformDbContext.StoreName));
            var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
            var days = await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(cancellationToken);
            var fresh = new WorkingDayCalendar(
                days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date),
                days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date),
                years);
            // A change committed while this was read leaves the cache empty, to be read again.
            if (reading == Volatile.Read(ref version))
            {
                cached = fresh;
            }

            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forget the cached schedule after a change to it.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref version);
        cached = null;
    }

    public void Dispose() => gate.Dispose();
}
