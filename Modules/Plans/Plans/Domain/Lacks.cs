using System.Globalization;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Domain;

/// <summary>A township and the plans it still lacks (names of the missing plans, in order).</summary>
internal sealed record TownshipLack(UnitInfo Township, IReadOnlyList<string> Missing);

/// <summary>
/// The plans a township still lacks: its 综合应急预案 and the seven 专项 of seed 004 (生产安全事故、水旱灾害、地震和地质灾害、
/// 气象灾害、消防火灾、森林草原火灾、自然灾害救助), each counted when a plan of it is in force. Due by the county's date
/// (<see cref="PlansModule.TownshipPlansDate"/>, default 03-31 each year).
/// </summary>
internal sealed class Lacks(PlansDbContext db, ICountyUnits units)
{
    /// <summary>The Chinese names of the categories: the required seven as the contract names them, and 其他.</summary>
    public static readonly IReadOnlyDictionary<SpecialCategory, string> CategoryNames =
        Contracts.TownshipPlans.RequiredSpecials.ToDictionary(c => Enum.Parse<SpecialCategory>(c.Category), c => c.Name)
            .Append(new(SpecialCategory.Other, "其他")).ToDictionary();

    /// <summary>The date this year by which townships hold their plans; a value that is not a month-day counts as 03-31.</summary>
    public static DateOnly DueDate(string? monthDay, int year) =>
        DateTime.TryParseExact($"{year:D4}-{monthDay?.Trim()}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateOnly.FromDateTime(date)
            : new DateOnly(year, 3, 31);

    /// <summary>Each township (or only <paramref name="township"/>) with what it lacks; townships lacking nothing included with an empty list.</summary>
    public async Task<IReadOnlyList<TownshipLack>> ForCountyAsync(string county, int? township, CancellationToken cancellationToken)
    {
        var townships = (await units.TownshipsAsync(county, cancellationToken)).Where(t => township is null || t.Id == township).ToList();
        var held = await db.Plans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.InForce && p.TownshipId != null && (p.Type == PlanType.TownshipGeneral || p.Type == PlanType.TownshipSpecial))
            .Select(p => new { p.TownshipId, p.Type, p.Category })
            .ToListAsync(cancellationToken);
        return townships.Select(t =>
        {
            var mine = held.Where(h => h.TownshipId == t.Id).ToList();
            var missing = new List<string>();
            if (!mine.Any(h => h.Type == PlanType.TownshipGeneral))
            {
                missing.Add("综合应急预案");
            }

            missing.AddRange(Registry.TownshipSpecials
                .Where(c => !mine.Any(h => h.Type == PlanType.TownshipSpecial && h.Category == c))
                .Select(c => CategoryNames[c] + "专项应急预案"));
            return new TownshipLack(t, missing);
        }).ToList();
    }
}
