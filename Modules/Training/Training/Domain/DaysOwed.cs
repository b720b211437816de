using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Domain;

/// <summary>One unit's training days in a year: the target (setting), planned (sessions not cancelled), delivered (closed).</summary>
internal sealed record UnitOwed(UnitKind Kind, int Id, string Name, int TownshipId, double Target, double Planned, double Delivered)
{
    public double Owed => Math.Max(0, Target - Delivered);

    /// <summary>Still short of its yearly days.</summary>
    public bool Short => Owed > 0;

    /// <summary>Even the sessions planned do not reach the target.</summary>
    public bool PlanShort => Planned < Target;
}

/// <summary>
/// The yearly training days per unit (seed 004: the county trains townships ≥10 days, a township its villages ≥5
/// days: settings). A session counts its <see cref="TrainingSession.Days"/> once for each target unit, in the China
/// year it starts in: planned while scheduled or closed, delivered once closed; cancelled sessions count nothing.
/// </summary>
internal sealed class DaysOwed(TrainingDbContext db, ICountyUnits units, ICountySettings settings)
{
    public async Task<IReadOnlyList<UnitOwed>> ForYearAsync(string county, int year, bool townships, int? township, int? village, CancellationToken cancellationToken)
    {
        var townshipDays = await settings.GetAsync(TrainingModule.TownshipDays, county, cancellationToken);
        var villageDays = await settings.GetAsync(TrainingModule.VillageDays, county, cancellationToken);
        var from = ChinaTime.ToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var to = ChinaTime.ToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var sums = await db.Targets.AsNoTracking()
            .Join(
                db.Sessions.Where(s => s.Status != SessionStatus.Cancelled && s.StartsAtUtc >= from && s.StartsAtUtc < to),
                t => t.SessionId,
                s => s.Id,
                (t, s) => new { t.UnitKind, t.UnitId, s.Status, s.Days })
            .GroupBy(x => new { x.UnitKind, x.UnitId, x.Status })
            .Select(g => new { g.Key.UnitKind, g.Key.UnitId, g.Key.Status, Days = g.Sum(x => x.Days) })
            .ToListAsync(cancellationToken);
        var byUnit = sums.ToLookup(s => (s.UnitKind, s.UnitId));
        double Sum(UnitKind kind, int id, bool closedOnly) =>
            byUnit[(kind, id)].Where(s => !closedOnly || s.Status == SessionStatus.Closed).Sum(s => s.Days);

        var result = new List<UnitOwed>();
        var allTownships = await units.TownshipsAsync(county, cancellationToken);
        var allVillages = await units.VillagesAsync(county, cancellationToken);
        foreach (var t in allTownships.Where(t => township is null || t.Id == township).OrderBy(t => t.Id))
        {
            if (townships && village is null)
            {
                result.Add(new(UnitKind.Township, t.Id, t.Name, t.Id, townshipDays, Sum(UnitKind.Township, t.Id, false), Sum(UnitKind.Township, t.Id, true)));
            }

            foreach (var v in allVillages.Where(v => v.ParentId == t.Id && (village is null || v.Id == village)).OrderBy(v => v.Id))
            {
                result.Add(new(UnitKind.Village, v.Id, v.Name, t.Id, villageDays, Sum(UnitKind.Village, v.Id, false), Sum(UnitKind.Village, v.Id, true)));
            }
        }

        return result;
    }
}

/// <summary>The shortfall check date setting ("MM-dd").</summary>
internal static class ShortfallCheck
{
    /// <summary>The check date in <paramref name="year"/>; the default (11-01) for a value that is not a month-day.</summary>
    public static DateOnly Parse(string? value, int year) =>
        DateTime.TryParseExact($"{year:D4}-{value?.Trim()}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateOnly.FromDateTime(date)
            : new DateOnly(year, 11, 1);
}
