using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.Enforcement.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Domain;

/// <summary>One unit's (the county bureau's or an entrusted township's) figures in a period.</summary>
internal sealed record UnitFigures(int? TownshipId, string UnitName, int Inspections, int Cases, long Fines, int ClocksMissed, int CasesReviewed, double? AverageScore);

/// <summary>One officer's figures in a period (as a member of an inspection team, or as the case's 承办人).</summary>
internal sealed record OfficerFigures(int OfficerId, string Name, string UnitName, int Inspections, int Cases, long Fines, int ClocksMissed, int CasesReviewed, double? AverageScore);

/// <summary>
/// 考评 and 案卷评查. A period is a month of a year (or the whole year); the figures are counted by the day things
/// happened (China time): inspections by their date, cases by 立案, fines by the decision, missed clocks by the day they
/// were recorded (case clocks, and 复查 by its missed due date), reviews by their date. A unit's figures are its own
/// records (a case referred by a township counts for the county bureau, which opened it); an officer's are the
/// inspections they were on and the cases they led (承办人). The review of a closed case (one per case) gives a verdict
/// from its score by the county's thresholds.
/// </summary>
internal sealed class Evaluation(EnforcementDbContext db, ICountySettings settings, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    public static (DateOnly From, DateOnly To) Period(int year, int? month) =>
        month is { } m ? (new DateOnly(year, m, 1), new DateOnly(year, m, 1).AddMonths(1)) : (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));

    public async Task<ReviewVerdict> VerdictAsync(int score, CancellationToken cancellationToken) =>
        score >= await settings.GetAsync(EnforcementModule.ReviewExcellentScore, cancellationToken) ? ReviewVerdict.Excellent
        : score >= await settings.GetAsync(EnforcementModule.ReviewPassScore, cancellationToken) ? ReviewVerdict.Passed
        : ReviewVerdict.Failed;

    /// <summary>案卷评查 of a closed case; a refusal writes nothing.</summary>
    public async Task<(CaseReview? Review, List<Problem> Problems)> ReviewAsync(Case c, DateOnly? date, string? reviewers, int? score, string? notes, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var problems = new List<Problem>();
        if (c.State != CaseState.Closed)
        {
            problems.Add(new("", "只能对已结案的案卷进行评查"));
        }
        else if (await db.CaseReviews.AnyAsync(r => r.CaseId == c.Id, cancellationToken))
        {
            problems.Add(new("", "本案卷已评查，不能重复评查"));
        }

        if (date is not { } day)
        {
            problems.Add(new("Review.Date", "请填写评查日期"));
        }
        else if (day > Today)
        {
            problems.Add(new("Review.Date", "评查日期不能晚于今天"));
        }
        else if (c.ClosedOn is { } closed && day < closed)
        {
            problems.Add(new("Review.Date", $"评查日期不能早于结案日期（{Inspections.Day(closed)}）"));
        }

        reviewers = reviewers?.Trim() ?? "";
        if (reviewers.Length == 0)
        {
            problems.Add(new("Review.Reviewers", "请填写评查人员"));
        }
        else if (reviewers.Length > 200)
        {
            problems.Add(new("Review.Reviewers", "评查人员不能超过 200 个字"));
        }

        if (score is not { } points || points < 0 || points > 100)
        {
            problems.Add(new("Review.Score", "请填写 0 到 100 之间的评查得分"));
        }

        notes = notes?.Trim() ?? "";
        if (notes.Length > 4000)
        {
            problems.Add(new("Review.Notes", "评查意见不能超过 4000 个字"));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var review = new CaseReview
        {
            CaseId = c.Id,
            ReviewedOn = date!.Value,
            Reviewers = reviewers,
            Score = score!.Value,
            Verdict = await VerdictAsync(score.Value, cancellationToken),
            Notes = notes,
            RecordedBy = userName,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.CaseReviews.Add(review);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index: someone reviewed the case in the meantime.
            db.ChangeTracker.Clear();
            return (null, [new("", "本案卷已评查，不能重复评查")]);
        }

        return (review, []);
    }

    /// <summary>The figures per unit and per officer for the period; <paramref name="township"/> limits them to one township (its own view).</summary>
    public async Task<(IReadOnlyList<UnitFigures> Units, IReadOnlyList<OfficerFigures> Officers)> FiguresAsync(
        int year, int? month, bool wholeCounty, int? township, IReadOnlyList<(int Id, string Name)> townships, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(townships);
        var (from, to) = Period(year, month);
        var fromUtc = ChinaTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = ChinaTime.ToUtc(to.ToDateTime(TimeOnly.MinValue));
        var inspections = db.Inspections.AsNoTracking();
        var cases = db.Cases.AsNoTracking();
        if (!wholeCounty)
        {
            inspections = inspections.Where(i => i.TownshipId == township);
            cases = cases.Where(c => c.TownshipId == township);
        }

        var inspected = await inspections.Where(i => i.InspectedOn >= from && i.InspectedOn < to)
            .Select(i => new { i.TownshipId, i.OfficerIds }).ToListAsync(cancellationToken);
        var rechecksMissed = await inspections.Where(i => i.RecheckMissedOn >= from && i.RecheckMissedOn < to)
            .Select(i => new { i.TownshipId, i.OfficerIds }).ToListAsync(cancellationToken);
        var filed = await cases.Where(c => c.FiledOn >= from && c.FiledOn < to)
            .Select(c => new { c.TownshipId, c.LeadOfficerId }).ToListAsync(cancellationToken);
        var decided = await cases.Where(c => c.DecidedOn >= from && c.DecidedOn < to)
            .Select(c => new { c.TownshipId, c.LeadOfficerId, c.Fine }).ToListAsync(cancellationToken);
        var missed = await db.CaseSteps.AsNoTracking().Where(s => s.MissedClock != null && s.AtUtc >= fromUtc && s.AtUtc < toUtc)
            .Join(cases, s => s.CaseId, c => c.Id, (s, c) => new { c.TownshipId, c.LeadOfficerId }).ToListAsync(cancellationToken);
        var reviewed = await db.CaseReviews.AsNoTracking().Where(r => r.ReviewedOn >= from && r.ReviewedOn < to)
            .Join(cases, r => r.CaseId, c => c.Id, (r, c) => new { c.TownshipId, c.LeadOfficerId, r.Score }).ToListAsync(cancellationToken);

        var units = new List<(int? Id, string Name)>();
        if (wholeCounty)
        {
            units.Add((null, Labels.County));
            units.AddRange(townships.Select(t => ((int?)t.Id, t.Name)));
        }
        else
        {
            units.AddRange(townships.Where(t => t.Id == township).Select(t => ((int?)t.Id, t.Name)));
        }

        var unitRows = units.Select(u =>
        {
            var scores = reviewed.Where(r => r.TownshipId == u.Id).Select(r => r.Score).ToList();
            return new UnitFigures(
                u.Id,
                u.Name,
                inspected.Count(i => i.TownshipId == u.Id),
                filed.Count(c => c.TownshipId == u.Id),
                decided.Where(c => c.TownshipId == u.Id).Sum(c => c.Fine),
                missed.Count(m => m.TownshipId == u.Id) + rechecksMissed.Count(i => i.TownshipId == u.Id),
                scores.Count,
                scores.Count == 0 ? null : scores.Average());
        }).ToList();

        var officers = db.Officers.AsNoTracking().Where(o => !o.Auxiliary);
        if (!wholeCounty)
        {
            officers = officers.Where(o => o.TownshipId == township);
        }

        var people = await officers.OrderBy(o => o.TownshipId).ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.UnitName }).ToListAsync(cancellationToken);
        var teamCounts = Teams(inspected.Select(i => i.OfficerIds));
        var missedTeams = Teams(rechecksMissed.Select(i => i.OfficerIds));
        var officerRows = people.Select(o =>
        {
            var scores = reviewed.Where(r => r.LeadOfficerId == o.Id).Select(r => r.Score).ToList();
            return new OfficerFigures(
                o.Id,
                o.Name,
                o.UnitName,
                teamCounts.GetValueOrDefault(o.Id),
                filed.Count(c => c.LeadOfficerId == o.Id),
                decided.Where(c => c.LeadOfficerId == o.Id).Sum(c => c.Fine),
                missed.Count(m => m.LeadOfficerId == o.Id) + missedTeams.GetValueOrDefault(o.Id),
                scores.Count,
                scores.Count == 0 ? null : scores.Average());
        }).ToList();
        return (unitRows, officerRows);
    }

    /// <summary>How many of the teams (comma-separated officer ids) each officer was on.</summary>
    private static Dictionary<int, int> Teams(IEnumerable<string> teams)
    {
        var counts = new Dictionary<int, int>();
        foreach (var team in teams)
        {
            foreach (var part in team.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                {
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }
            }
        }

        return counts;
    }
}
