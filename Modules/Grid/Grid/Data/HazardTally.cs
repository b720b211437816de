using Emergency.Grid.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Emergency.Grid.Data;

/// <summary>
/// How many hazards share one combination of the ledger's filter columns. The ledger's counts per
/// state are a SUM over this small table (tens of thousands of rows at most) instead of a GROUP BY
/// over every hazard (a million in a large county). Kept exact by <see cref="GridDbContext"/>: every
/// save that adds, removes or re-files a hazard applies its deltas in the same transaction.
/// </summary>
internal sealed class HazardTally : ILedgerKeys
{
    public int TownshipId { get; set; }

    public int VillageId { get; set; }

    /// <summary>0 while no department is responsible yet.</summary>
    public int DepartmentId { get; set; }

    public HazardState State { get; set; }

    public HazardCategory Category { get; set; }

    public HazardLevel Level { get; set; }

    public bool Overdue { get; set; }

    public int Count { get; set; }
}

/// <summary>The ledger's filter columns that a hazard and its tally row share.</summary>
internal interface ILedgerKeys
{
    int TownshipId { get; }

    int VillageId { get; }

    HazardCategory Category { get; }

    HazardLevel Level { get; }

    bool Overdue { get; }
}

/// <summary>The tally key of a hazard, as it is now or as it was when loaded.</summary>
internal readonly record struct TallyKey(int TownshipId, int VillageId, int DepartmentId, HazardState State, HazardCategory Category, HazardLevel Level, bool Overdue)
{
    public static TallyKey Current(EntityEntry<Hazard> entry) => Of(entry.CurrentValues);

    public static TallyKey Original(EntityEntry<Hazard> entry) => Of(entry.OriginalValues);

    private static TallyKey Of(PropertyValues values) => new(
        values.GetValue<int>(nameof(Hazard.TownshipId)),
        values.GetValue<int>(nameof(Hazard.VillageId)),
        values.GetValue<int?>(nameof(Hazard.DepartmentId)) ?? 0,
        values.GetValue<HazardState>(nameof(Hazard.State)),
        values.GetValue<HazardCategory>(nameof(Hazard.Category)),
        values.GetValue<HazardLevel>(nameof(Hazard.Level)),
        values.GetValue<bool>(nameof(Hazard.Overdue)));
}

internal static class HazardTallyDeltas
{
    /// <summary>Rebuilds the tally from the hazards (after a bulk load that bypassed the context).</summary>
    public const string RebuildSql = """
        DELETE FROM HazardTallies;
        INSERT INTO HazardTallies (TownshipId, VillageId, DepartmentId, State, Category, Level, Overdue, Count)
        SELECT TownshipId, VillageId, COALESCE(DepartmentId, 0), State, Category, Level, Overdue, COUNT(*)
        FROM Hazards GROUP BY TownshipId, VillageId, COALESCE(DepartmentId, 0), State, Category, Level, Overdue;
        """;

    private const string UpsertSql = """
        INSERT INTO HazardTallies (TownshipId, VillageId, DepartmentId, State, Category, Level, Overdue, Count)
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})
        ON CONFLICT (TownshipId, VillageId, DepartmentId, State, Category, Level, Overdue) DO UPDATE SET Count = Count + excluded.Count
        """;

    /// <summary>The net change per tally key of the hazards the context is about to save.</summary>
    public static Dictionary<TallyKey, int> Deltas(GridDbContext db)
    {
        var deltas = new Dictionary<TallyKey, int>();
        void Add(TallyKey key, int change) => deltas[key] = deltas.GetValueOrDefault(key) + change;
        foreach (var entry in db.ChangeTracker.Entries<Hazard>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    Add(TallyKey.Current(entry), 1);
                    break;
                case EntityState.Deleted:
                    Add(TallyKey.Original(entry), -1);
                    break;
                case EntityState.Modified:
                    Add(TallyKey.Original(entry), -1);
                    Add(TallyKey.Current(entry), 1);
                    break;
            }
        }

        foreach (var unchanged in deltas.Where(d => d.Value == 0).Select(d => d.Key).ToList())
        {
            deltas.Remove(unchanged);
        }

        return deltas;
    }

    public static async Task ApplyAsync(DatabaseFacade database, Dictionary<TallyKey, int> deltas, CancellationToken cancellationToken)
    {
        foreach (var (key, change) in deltas)
        {
            await database.ExecuteSqlRawAsync(UpsertSql,
                [key.TownshipId, key.VillageId, key.DepartmentId, (int)key.State, (int)key.Category, (int)key.Level, key.Overdue ? 1 : 0, change],
                cancellationToken);
        }
    }
}
