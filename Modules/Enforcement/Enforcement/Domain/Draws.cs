using Emergency.BuildingBlocks.Clock;
using Emergency.Enforcement.Contracts;
using Emergency.Enforcement.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Domain;

/// <summary>What to draw from: the directory's filters and how many targets.</summary>
internal sealed record DrawRequest(int? TownshipId, string? TownshipName, RiskClass? Risk, string? Industry, bool IncludeKey, int? Count);

/// <summary>Who draws: the county bureau (township null) or an entrusted township, for the targets under its jurisdiction.</summary>
internal sealed record Drawer(int? TownshipId, string UnitName, string UserName);

/// <summary>
/// 双随机: draws targets under the drawer's jurisdiction by the filters, and for each the set number of officers of the
/// jurisdiction holding a valid 执法证 that day, with recusal and never the target's previous team
/// (<see cref="DrawAlgorithm"/>). The record keeps every input, so <see cref="VerifyAsync"/> re-runs it; the result is
/// published (一公开) and <see cref="DrawCompleted"/> goes out with it. A draw that cannot staff a target writes nothing; a unit whose
/// plan for the year exists but is not approved cannot draw (no plan: allowed, as before plans existed).
/// </summary>
internal sealed class Draws(EnforcementDbContext db, TimeProvider clock)
{
    public async Task<(Draw? Drawn, List<Problem> Problems)> DrawAsync(DrawRequest request, Drawer drawer, int officersPerTarget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(drawer);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var targets = Candidates(request, drawer.TownshipId);
        var candidateTargets = await targets.OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var problems = new List<Problem>();
        var planState = await db.Plans.Where(p => p.TownshipId == drawer.TownshipId && p.Year == today.Year).Select(p => (PlanState?)p.State).SingleOrDefaultAsync(cancellationToken);
        if (planState is { } state && state != PlanState.Approved)
        {
            return (null, [new("", $"{today.Year} 年度执法计划尚未批准，不能据此抽取")]);
        }

        if (request.Count is not { } count || count < 1)
        {
            problems.Add(new("Input.Count", "请填写抽取企业数（至少 1 家）"));
        }
        else if (candidateTargets.Count == 0)
        {
            problems.Add(new("Input.Count", "按所选条件，名录库中没有可抽取的企业"));
        }
        else if (count > candidateTargets.Count)
        {
            problems.Add(new("Input.Count", $"按所选条件只有 {candidateTargets.Count} 家企业可抽取"));
        }

        var officers = (await db.Officers.Where(o => o.TownshipId == drawer.TownshipId).OrderBy(o => o.Id).ToListAsync(cancellationToken))
            .Where(o => o.EligibleOn(today))
            .ToList();
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var targetIds = candidateTargets.Select(t => t.Id).ToList();
        var officerIds = officers.Select(o => o.Id).ToList();
        // The candidates are named by the same query, not by a list of ids: a county's tens of thousands of
        // enterprises would exceed SQLite's limit on parameters in one statement.
        var candidateIds = targets.Select(t => t.Id);
        var recusals = (await db.Conflicts.Where(c => candidateIds.Contains(c.TargetId) && officerIds.Contains(c.OfficerId))
                .Select(c => new { c.OfficerId, c.TargetId }).ToListAsync(cancellationToken))
            .Select(c => (c.OfficerId, c.TargetId)).ToHashSet();
        var previous = await PreviousTeamsAsync(candidateIds, cancellationToken);
        var input = new DrawInput(DrawAlgorithm.NewSeed(), targetIds, officerIds, request.Count!.Value, officersPerTarget, recusals, previous);
        var outcome = DrawAlgorithm.Run(input);
        if (outcome.Unstaffed.Count > 0)
        {
            var names = string.Join("、", outcome.Unstaffed.Select(id => candidateTargets.First(t => t.Id == id).Name));
            return (null, [new("", $"{names}：回避和轮换后，持有效执法证的执法人员不足 {officersPerTarget} 名，本次未抽取")]);
        }

        var targetNames = candidateTargets.ToDictionary(t => t.Id, t => t.Name);
        var officerNames = officers.ToDictionary(o => o.Id, o => o.Name);
        var draw = new Draw
        {
            DrawnOn = today,
            DrawnAtUtc = now,
            TownshipId = drawer.TownshipId,
            UnitName = drawer.UnitName,
            Filters = Describe(request),
            RequestedCount = input.Count,
            OfficersPerTarget = officersPerTarget,
            Seed = DrawAlgorithm.FormatSeed(input.Seed),
            Algorithm = DrawAlgorithm.Version,
            CandidateTargetIds = DrawAlgorithm.Join(targetIds),
            CandidateOfficerIds = DrawAlgorithm.Join(officerIds),
            Recusals = DrawAlgorithm.JoinRecusals(recusals),
            PreviousTeams = DrawAlgorithm.JoinTeams(previous),
            DrawnBy = drawer.UserName,
            Items = outcome.Items.Select((item, i) => new DrawItem
            {
                Position = i + 1,
                TargetId = item.Target,
                TargetName = targetNames[item.Target],
                OfficerIds = DrawAlgorithm.Join(item.Officers),
                OfficerNames = string.Join("、", item.Officers.Select(o => officerNames[o])),
            }).ToList(),
        };
        db.Draws.Add(draw);
        db.PublishAfterSave(() => new DrawCompleted
        {
            DrawId = draw.Id,
            Date = draw.DrawnOn,
            TownshipId = draw.TownshipId,
            UnitName = draw.UnitName,
            Algorithm = draw.Algorithm,
            Targets = draw.Items.OrderBy(i => i.Position).Select(i => new DrawnTarget(i.TargetId, i.TargetName, DrawAlgorithm.Ids(i.OfficerIds))).ToList(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return (draw, []);
    }

    /// <summary>Re-runs the draw from its record: true when the same targets, in the same order, get the same officers.</summary>
    public static bool Verify(Draw draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        if (draw.Algorithm != DrawAlgorithm.Version || DrawAlgorithm.ParseSeed(draw.Seed) is not { } seed)
        {
            return false;
        }

        try
        {
            var outcome = DrawAlgorithm.Run(new DrawInput(
                seed,
                DrawAlgorithm.Ids(draw.CandidateTargetIds),
                DrawAlgorithm.Ids(draw.CandidateOfficerIds),
                draw.RequestedCount,
                draw.OfficersPerTarget,
                DrawAlgorithm.Recusals(draw.Recusals),
                DrawAlgorithm.Teams(draw.PreviousTeams)));
            var recorded = draw.Items.OrderBy(i => i.Position).Select(i => (i.TargetId, DrawAlgorithm.Ids(i.OfficerIds))).ToList();
            return outcome.Unstaffed.Count == 0
                && outcome.Items.Count == recorded.Count
                && outcome.Items.Zip(recorded).All(p => p.First.Target == p.Second.TargetId && p.First.Officers.SequenceEqual(p.Second.Item2));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The targets under the jurisdiction matching the filters (重点 targets only when asked: they are inspected in full anyway).</summary>
    private IQueryable<Target> Candidates(DrawRequest request, int? jurisdiction)
    {
        var query = db.Targets.Where(t => t.JurisdictionTownshipId == jurisdiction);
        if (request.TownshipId is { } township)
        {
            query = query.Where(t => t.TownshipId == township);
        }

        if (request.Risk is { } risk)
        {
            query = query.Where(t => t.Risk == risk);
        }

        if (!string.IsNullOrWhiteSpace(request.Industry))
        {
            var industry = request.Industry.Trim();
            query = query.Where(t => t.Industry == industry);
        }

        return request.IncludeKey ? query : query.Where(t => !t.IsKey);
    }

    /// <summary>Each target's team in its latest draw.</summary>
    private async Task<Dictionary<int, IReadOnlySet<int>>> PreviousTeamsAsync(IQueryable<int> targetIds, CancellationToken cancellationToken)
    {
        var rows = await db.DrawItems.Where(i => targetIds.Contains(i.TargetId))
            .Select(i => new { i.TargetId, i.DrawId, i.OfficerIds })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.TargetId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<int>)DrawAlgorithm.Ids(g.OrderByDescending(r => r.DrawId).First().OfficerIds).ToHashSet());
    }

    private static string Describe(DrawRequest request)
    {
        var parts = new List<string>
        {
            "乡镇：" + (request.TownshipName ?? "全部"),
            "风险等级：" + (request.Risk is { } r ? Labels.Risk(r) : "全部"),
            "行业：" + (string.IsNullOrWhiteSpace(request.Industry) ? "全部" : request.Industry.Trim()),
            "重点对象：" + (request.IncludeKey ? "含" : "不含"),
        };
        return string.Join("；", parts);
    }
}
