using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Contracts;
using Emergency.Experts.Contracts;
using Emergency.Grid.Contracts;
using Emergency.Plans.Contracts;
using Emergency.Readiness.Data;
using Emergency.Teams.Contracts;
using Emergency.Training.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Readiness.Domain;

/// <summary>
/// The one place an event becomes facts of the read model — used live by the handlers and by a rebuild replaying
/// the journal, so both give the same facts. Returns the townships whose items may have changed.
/// During a rebuild the facts are built in memory (<see cref="BeginReplay"/>) and inserted once at the end.
/// </summary>
internal sealed class Projector(ReadinessDbContext db)
{
    /// <summary>The event types the module reads, by the short name the journal keeps.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Types = new[]
    {
        typeof(TeamStrengthChanged), typeof(SupplyBelowMinimum), typeof(SupplyRestored), typeof(SupplyExpiring), typeof(DutyPlanFiled),
        typeof(CourseCompleted), typeof(DrillCompleted), typeof(TrainingShortfall), typeof(TrainingDaysDelivered),
        typeof(PlanIssued), typeof(PlanFiled), typeof(PlanNeedsRevision), typeof(PlanDrillOverdue), typeof(PlanEvaluationLapsed), typeof(PlanEvaluated),
        typeof(SupplyPresenceChanged),
        typeof(HazardReported), typeof(HazardOverdue), typeof(HazardClosed), typeof(GridMemberAssigned), typeof(GridMemberDeactivated), typeof(GridMemberReactivated),
        typeof(CaseOpened), typeof(CaseClosed), typeof(CaseClockMissed),
        typeof(ExpertAdmitted), typeof(ExpertExited),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>
    /// While a rebuild replays: every fact, by type and key, kept here rather than in the change tracker (the tables
    /// start empty, so a miss is a new row, never a query); written once the journal is replayed.
    /// </summary>
    private Dictionary<string, object>? replayed;

    /// <summary>Starts a replay into memory over empty fact tables.</summary>
    public void BeginReplay() => replayed = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>Ends the replay: the facts it built, to be inserted.</summary>
    public IReadOnlyCollection<object> EndReplay()
    {
        var rows = replayed?.Values ?? (IReadOnlyCollection<object>)[];
        replayed = null;
        return rows;
    }

    public async Task<IReadOnlyList<int>> ApplyAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        switch (integrationEvent)
        {
            case TeamStrengthChanged e:
            {
                var team = await FindAsync<TeamFact>(e.TeamId, () => new TeamFact { TeamId = e.TeamId }, cancellationToken);
                team.Kind = (int)e.Kind;
                team.Name = Cut(e.TeamName, 200);
                team.TownshipId = e.TownshipId;
                team.VillageId = e.VillageId;
                team.Active = e.ActiveMembers;
                team.Trained = e.TrainedMembers;
                team.Minimum = e.Minimum;
                team.MeetsMinimum = e.MeetsMinimum;
                return Of(e.TownshipId);
            }

            case SupplyBelowMinimum e:
            {
                var stock = await StockAsync(e.StockId, e.SiteId, e.TownshipId, e.VillageId, cancellationToken);
                stock.What = Cut($"{e.SiteName}·{e.KindName}（{e.Quantity}/{e.Minimum}{e.Unit}）", 200);
                stock.Below = true;
                stock.Present = e.Quantity > 0;
                return Of(e.TownshipId);
            }

            case SupplyRestored e:
            {
                var stock = await StockAsync(e.StockId, e.SiteId, e.TownshipId, e.VillageId, cancellationToken);
                stock.Below = false;

                // Restored means at or above a minimum; a journal from before the quantity was carried reads as in stock.
                stock.Present = e.Quantity is not { } quantity || quantity > 0;
                return Of(e.TownshipId);
            }

            case SupplyPresenceChanged e:
            {
                var stock = await StockAsync(e.StockId, e.SiteId, e.TownshipId, e.VillageId, cancellationToken);
                if (stock.What.Length == 0 || !stock.Below)
                {
                    stock.What = Cut($"{e.SiteName}·{e.KindName}", 200);
                }

                stock.Present = e.Quantity > 0;
                return Of(e.TownshipId);
            }

            case SupplyExpiring e:
            {
                var stock = await StockAsync(e.StockId, e.SiteId, e.TownshipId, e.VillageId, cancellationToken);
                if (stock.What.Length == 0)
                {
                    stock.What = Cut($"{e.SiteName}·{e.KindName}", 200);
                }

                stock.ExpiresOn = e.ExpiresOn;
                return Of(e.TownshipId);
            }

            case DutyPlanFiled e:
            {
                var duty = await FindAsync<DutyFact>(e.VillageId, () => new DutyFact { VillageId = e.VillageId, TownshipId = e.TownshipId }, cancellationToken);
                if (e.WeekStart > duty.LatestWeek)
                {
                    duty.LatestWeek = e.WeekStart;
                }

                return Of(e.TownshipId);
            }

            case CourseCompleted e when e.UnitKind is UnitKind.Township or UnitKind.Village && e.UnitId is { } unit && e.Date is { } date:
            {
                if (e.Passed)
                {
                    (await TrainingAsync(e.UnitKind.Value, unit, date.Year, cancellationToken)).PeoplePassed++;
                }

                return [];
            }

            case TrainingDaysDelivered e:
            {
                var fact = await TrainingAsync(e.UnitKind, e.UnitId, e.Year, cancellationToken);
                fact.Target = e.Target;
                fact.Delivered = e.Delivered;
                return Of(e.TownshipId);
            }

            case TrainingShortfall e:
            {
                var fact = await TrainingAsync(e.UnitKind, e.UnitId, e.Year, cancellationToken);
                fact.OwedAtCheck = e.DaysOwed;
                return e.UnitKind == UnitKind.Township ? [e.UnitId] : [];
            }

            case DrillCompleted e:
                return await DrillAsync(e, cancellationToken);

            case PlanIssued e:
            {
                var plan = await FindAsync<PlanFact>(e.PlanId, () => new PlanFact { PlanId = e.PlanId }, cancellationToken);
                plan.Title = Cut(e.Title, 200);
                plan.Type = Cut(e.Type, 50);
                plan.Category = e.Category is null ? null : Cut(e.Category, 50);
                plan.TownshipId = e.TownshipId;
                plan.VillageId = e.VillageId;
                plan.Version = e.Version;
                plan.IssuedOn = e.IssuedOn;
                plan.Revision = null;
                plan.EvaluationLapsedOn = null;
                return Of(e.TownshipId);
            }

            case PlanFiled e:
            {
                var plan = await FindAsync<PlanFact>(e.PlanId, () => new PlanFact { PlanId = e.PlanId, Title = Cut(e.Title, 200), TownshipId = e.TownshipId, VillageId = e.VillageId, Version = e.Version }, cancellationToken);
                plan.FiledVersion = Math.Max(plan.FiledVersion, e.Version);
                return Of(e.TownshipId);
            }

            case PlanNeedsRevision e:
            {
                var plan = await FindAsync<PlanFact>(e.PlanId, () => new PlanFact { PlanId = e.PlanId, Title = Cut(e.Title, 200), TownshipId = e.TownshipId, VillageId = e.VillageId }, cancellationToken);
                plan.Revision = Cut(string.IsNullOrWhiteSpace(e.Note) ? e.Kind : e.Note, 500);
                return Of(e.TownshipId);
            }

            case PlanEvaluationLapsed e:
            {
                var plan = await FindAsync<PlanFact>(e.PlanId, () => new PlanFact { PlanId = e.PlanId, Title = Cut(e.Title, 200), TownshipId = e.TownshipId, VillageId = e.VillageId }, cancellationToken);
                plan.EvaluationLapsedOn = e.DueOn;
                return Of(e.TownshipId);
            }

            case PlanEvaluated e:
            {
                var plan = await FindAsync<PlanFact>(e.PlanId, () => new PlanFact { PlanId = e.PlanId, Title = Cut(e.Title, 200), TownshipId = e.TownshipId, VillageId = e.VillageId }, cancellationToken);
                plan.EvaluationLapsedOn = null;

                return Of(e.TownshipId);
            }

            case PlanDrillOverdue e:
            {
                var plan = await FindAsync<PlanFact>(e.PlanId, () => new PlanFact { PlanId = e.PlanId, Title = Cut(e.Title, 200), Type = Cut(e.Type, 50), TownshipId = e.TownshipId, VillageId = e.VillageId }, cancellationToken);
                plan.DrillDueOn = e.DueOn;
                return Of(e.TownshipId);
            }

            case HazardReported e:
            {
                await FindAsync<HazardFact>(e.HazardId, () => new HazardFact { HazardId = e.HazardId, TownshipId = e.TownshipId }, cancellationToken);
                return Of(e.TownshipId);
            }

            case GridMemberAssigned e:
                return await GridMemberAsync(e.MemberId, e.TownshipId, e.VillageId, e.GridName, true, cancellationToken);

            case GridMemberDeactivated e:
                return await GridMemberAsync(e.MemberId, e.TownshipId, e.VillageId, e.GridName, false, cancellationToken);

            case GridMemberReactivated e:
                return await GridMemberAsync(e.MemberId, e.TownshipId, e.VillageId, e.GridName, true, cancellationToken);

            case HazardOverdue e:
            {
                (await FindAsync<HazardFact>(e.HazardId, () => new HazardFact { HazardId = e.HazardId, TownshipId = e.TownshipId }, cancellationToken)).Overdue = true;
                return Of(e.TownshipId);
            }

            case HazardClosed e:
            {
                (await FindAsync<HazardFact>(e.HazardId, () => new HazardFact { HazardId = e.HazardId, TownshipId = e.TownshipId }, cancellationToken)).Closed = true;
                return Of(e.TownshipId);
            }

            case CaseOpened e:
            {
                var fact = await FindAsync<CaseFact>(e.CaseId, () => new CaseFact { CaseId = e.CaseId }, cancellationToken);
                fact.TownshipId = e.TownshipId;
                fact.Open = true;
                return Of(e.TownshipId);
            }

            case CaseClosed e:
            {
                var fact = await FindAsync<CaseFact>(e.CaseId, () => new CaseFact { CaseId = e.CaseId }, cancellationToken);
                fact.Closed = true;
                return Of(fact.TownshipId);
            }

            case CaseClockMissed e:
            {
                var fact = await FindAsync<CaseFact>(e.CaseId, () => new CaseFact { CaseId = e.CaseId, TownshipId = e.TownshipId }, cancellationToken);
                fact.TownshipId ??= e.TownshipId;
                fact.ClockMisses++;
                return Of(fact.TownshipId);
            }

            case ExpertAdmitted e:
            {
                var fact = await FindAsync<ExpertFact>(e.ExpertId, () => new ExpertFact { ExpertId = e.ExpertId }, cancellationToken);
                fact.Fields = Cut(string.Join("、", e.Fields), 500);
                fact.Active = true;
                return [];
            }

            case ExpertExited e:
            {
                (await FindAsync<ExpertFact>(e.ExpertId, () => new ExpertFact { ExpertId = e.ExpertId }, cancellationToken)).Active = false;
                return [];
            }

            default:
                return [];
        }
    }

    /// <summary>A drill counts for the townships that took part, else for the township of its plan (known from PlanIssued).</summary>
    private async Task<IReadOnlyList<int>> DrillAsync(DrillCompleted e, CancellationToken cancellationToken)
    {
        var townships = e.TownshipIds.ToList();
        PlanFact? plan = null;
        if (e.PlanId is { } planId)
        {
            plan = await FindAsync<PlanFact>(planId, null, cancellationToken);
            if (plan is not null)
            {
                if (plan.LastDrillOn is null || e.Date > plan.LastDrillOn)
                {
                    plan.LastDrillOn = e.Date;
                }

                plan.DrillDueOn = null;

                if (townships.Count == 0 && plan.TownshipId is { } t)
                {
                    townships.Add(t);
                }
            }
        }

        foreach (var township in townships.Distinct())
        {
            await FindAsync<DrillFact>((e.DrillId, township), () => new DrillFact { DrillId = e.DrillId, TownshipId = township, PlanName = Cut(e.PlanName, 200), Date = e.Date }, cancellationToken, e.DrillId, township);
        }

        return townships.Distinct().ToList();
    }

    /// <summary>A grid member's village and grids, active or not; a member moved to another township re-scores both.</summary>
    private async Task<IReadOnlyList<int>> GridMemberAsync(int memberId, int township, int village, string grids, bool active, CancellationToken cancellationToken)
    {
        var member = await FindAsync<GridMemberFact>(memberId, () => new GridMemberFact { MemberId = memberId, TownshipId = township }, cancellationToken);
        var before = member.TownshipId;
        member.TownshipId = township;
        member.VillageId = village;
        member.GridName = Cut(grids, 500);
        member.Active = active;
        return before == township ? [township] : [before, township];
    }

    private static IReadOnlyList<int> Of(int? township) => township is { } t ? [t] : [];

    private Task<StockFact> StockAsync(int stockId, int siteId, int? township, int? village, CancellationToken cancellationToken) =>
        FindAsync<StockFact>(stockId, () => new StockFact { StockId = stockId, SiteId = siteId, TownshipId = township, VillageId = village }, cancellationToken)!;

    private Task<TrainingFact> TrainingAsync(UnitKind kind, int unit, int year, CancellationToken cancellationToken)
    {
        var key = $"{kind.ToString().ToLowerInvariant()}:{unit}:{year}";
        return FindAsync<TrainingFact>(key, () => new TrainingFact { Key = key, UnitKind = (int)kind, UnitId = unit, Year = year }, cancellationToken)!;
    }

    /// <summary>The replayed row of the key (replaying), else the stored one, else a new one added (null without <paramref name="create"/>).</summary>
    private async Task<T> FindAsync<T>(object key, Func<T>? create, CancellationToken cancellationToken, params object[] keyParts)
        where T : class
    {
        var keys = keyParts.Length > 0 ? keyParts : [key];
        if (replayed is not null)
        {
            var name = typeof(T).Name + ":" + string.Join('|', keys);
            if (replayed.TryGetValue(name, out var found))
            {
                return (T)found;
            }

            if (create is null)
            {
                return null!;
            }

            var created = create();
            replayed[name] = created;
            return created;
        }

        var set = db.Set<T>();
        var row = await set.FindAsync(keys, cancellationToken);
        if (row is null && create is not null)
        {
            row = create();
            set.Add(row);
        }

        return row!;
    }

    private static string Cut(string? text, int max)
    {
        var t = text?.Trim() ?? "";
        return t.Length > max ? t[..max] : t;
    }
}
