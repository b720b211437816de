using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Readiness.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Readiness.Domain;

/// <summary>
/// Scores townships (and their villages) from the facts with <see cref="Rules"/> and keeps one <see cref="UnitScore"/>
/// row per unit — what the leader's page reads in one query.
/// </summary>
internal sealed class Scorer(ReadinessDbContext db, ICountyUnits units, ICountySettings settings, ICountyContext county, TimeProvider clock)
{
    public async Task<Thresholds> ThresholdsAsync(CancellationToken cancellationToken)
    {
        var code = county.Required;
        return new Thresholds(
            await settings.GetAsync(ReadinessModule.OfficeStaffMin, code, cancellationToken),
            await settings.GetAsync(ReadinessModule.OfficeStaffMax, code, cancellationToken),
            await settings.GetAsync(ReadinessModule.TrainedSharePercent, code, cancellationToken),
            await settings.GetAsync(ReadinessModule.DrillMonths, code, cancellationToken),
            await settings.GetAsync(ReadinessModule.DutyPlanWeeks, code, cancellationToken));
    }

    /// <summary>Scores the given townships (null: all of the county) and their villages, and saves.</summary>
    public async Task ScoreAsync(IReadOnlyCollection<int>? townshipIds, CancellationToken cancellationToken)
    {
        var code = county.Required;
        var thresholds = await ThresholdsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var townships = (await units.TownshipsAsync(code, cancellationToken)).Where(t => townshipIds is null || townshipIds.Contains(t.Id)).ToList();
        if (townships.Count == 0)
        {
            return;
        }

        var ids = townships.Select(t => (int?)t.Id).ToList();
        var plain = townships.Select(t => t.Id).ToList();
        var villages = (await units.VillagesAsync(code, cancellationToken)).Where(v => v.ParentId is { } p && plain.Contains(p)).ToList();
        var offices = await db.Offices.AsNoTracking().Include(o => o.Staff).Where(o => plain.Contains(o.TownshipId)).ToListAsync(cancellationToken);
        var orgs = await db.Villages.AsNoTracking().Where(v => plain.Contains(v.TownshipId)).ToListAsync(cancellationToken);
        var docs = await db.Documents.AsNoTracking().Where(d => plain.Contains(d.TownshipId)).ToListAsync(cancellationToken);
        var teams = await db.TeamFacts.AsNoTracking().Where(x => ids.Contains(x.TownshipId)).ToListAsync(cancellationToken);
        var stock = await db.StockFacts.AsNoTracking().Where(x => ids.Contains(x.TownshipId)).ToListAsync(cancellationToken);
        var plans = await db.PlanFacts.AsNoTracking().Where(x => ids.Contains(x.TownshipId)).ToListAsync(cancellationToken);
        var drills = await db.DrillFacts.AsNoTracking().Where(x => plain.Contains(x.TownshipId)).ToListAsync(cancellationToken);
        var year = today.Year;
        var training = await db.TrainingFacts.AsNoTracking().Where(x => x.Year == year && x.UnitKind == (int)UnitKind.Township && plain.Contains(x.UnitId)).ToListAsync(cancellationToken);
        var duty = await db.DutyFacts.AsNoTracking().Where(x => plain.Contains(x.TownshipId)).ToListAsync(cancellationToken);
        // Hazards and cases are the big tables (thousands per township): counted in the store, not loaded.
        var hazards = await db.HazardFacts.AsNoTracking().Where(x => plain.Contains(x.TownshipId)).GroupBy(x => x.TownshipId)
            .Select(g => new { Township = g.Key, Tally = new HazardTally(g.Count(), g.Count(h => !h.Closed), g.Count(h => !h.Closed && h.Overdue)) })
            .ToDictionaryAsync(x => x.Township, x => x.Tally, cancellationToken);
        var cases = await db.CaseFacts.AsNoTracking().Where(x => ids.Contains(x.TownshipId)).GroupBy(x => x.TownshipId!.Value)
            .Select(g => new { Township = g.Key, Tally = new CaseTally(g.Count(c => c.Open && !c.Closed), g.Sum(c => c.ClockMisses)) })
            .ToDictionaryAsync(x => x.Township, x => x.Tally, cancellationToken);
        var gridMembers = await db.GridMemberFacts.AsNoTracking().Where(x => plain.Contains(x.TownshipId)).ToListAsync(cancellationToken);
        var keys = townships.Select(t => Key(UnitLevel.Township, t.Id)).Concat(villages.Select(v => Key(UnitLevel.Village, v.Id))).ToList();
        var existing = await db.Scores.Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, cancellationToken);

        foreach (var township in townships)
        {
            var mine = villages.Where(v => v.ParentId == township.Id).ToList();
            var facts = new TownshipFacts(
                township.Id,
                mine.Select(v => (v.Id, v.Name)).ToList(),
                offices.FirstOrDefault(o => o.TownshipId == township.Id),
                orgs.Where(o => o.TownshipId == township.Id).ToList(),
                docs.Where(d => d.TownshipId == township.Id).ToList(),
                teams.Where(x => x.TownshipId == township.Id).ToList(),
                stock.Where(x => x.TownshipId == township.Id).ToList(),
                plans.Where(x => x.TownshipId == township.Id).ToList(),
                drills.Where(x => x.TownshipId == township.Id).ToList(),
                training.Where(x => x.UnitId == township.Id).ToList(),
                duty.Where(x => x.TownshipId == township.Id).ToList(),
                hazards.GetValueOrDefault(township.Id, HazardTally.None),
                cases.GetValueOrDefault(township.Id, CaseTally.None),
                gridMembers.Where(x => x.TownshipId == township.Id).ToList());
            var items = Rules.Township(facts, thresholds, today);
            var six = Rules.Count(items.Where(i => !Items.IsTen(i.Code)));
            var ten = Rules.Count(items.Where(i => Items.IsTen(i.Code)));
            var row = Row(existing, UnitLevel.Township, township.Id, township.Id, township.Name);
            row.Items = ItemResult.Serialize(items);
            (row.Met, row.WithData) = six;
            (row.TenMet, row.TenWithData) = ten;
            row.OpenHazards = facts.Hazards.Open;
            row.OverdueHazards = facts.Hazards.Overdue;
            row.OpenCases = facts.Cases.Open;
            row.ClockMisses = facts.Cases.ClockMisses;
            row.ScoredAtUtc = now;
            foreach (var village in mine)
            {
                var villageItems = Rules.Village(village.Id, facts, today, thresholds);
                var v = Row(existing, UnitLevel.Village, village.Id, township.Id, village.Name);
                v.Items = ItemResult.Serialize(villageItems);
                (v.Met, v.WithData) = Rules.Count(villageItems);
                v.ScoredAtUtc = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Key(UnitLevel level, int id) => (level == UnitLevel.Township ? "township:" : "village:") + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private UnitScore Row(Dictionary<string, UnitScore> existing, UnitLevel level, int id, int township, string name)
    {
        var key = Key(level, id);
        if (!existing.TryGetValue(key, out var row))
        {
            row = new UnitScore { Key = key, UnitKind = (int)level, UnitId = id };
            existing[key] = row;
            db.Scores.Add(row);
        }

        row.TownshipId = township;
        row.Name = name;
        return row;
    }
}
