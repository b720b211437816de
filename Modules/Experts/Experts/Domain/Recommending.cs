using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>One 推荐表 as typed on the form or read from an import row, before it is checked.</summary>
internal sealed record Candidate(
    string UnitKey,
    string UnitName,
    ExpertTeamLevel Level,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    string IdCardNumber,
    string Employer,
    string Title,
    string Specialty,
    int FieldId,
    string Mobile,
    string? Email,
    string Experience,
    string UnitOpinion);

/// <summary>A problem of a candidate: <see cref="Field"/> is the form field ("" for the whole form).</summary>
internal sealed record CandidateProblem(string Field, string Message);

/// <summary>
/// The rules a recommendation must meet, shared by the 推荐表 form and the import: the round is open and
/// before its deadline, the ID card is valid and matches the birth date, contacts are valid, the field is in
/// use, the person is neither recommended twice in the round nor already an active expert, and the unit stays
/// within the county's cap (县政府专家队伍 recommendations; a department's own team is its own matter).
/// </summary>
internal sealed class RecommendationRules(ExpertsDbContext db, ICountySettings settings, TimeProvider clock)
{
    /// <summary>"推荐已于 … 截止" when the round takes no more entries, else null.</summary>
    public string? ClosedMessage(RecommendationRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Status == RoundStatus.Closed && clock.GetUtcNow().UtcDateTime < round.DeadlineUtc)
        {
            return "本轮推荐已结束，不再接收推荐";
        }

        return clock.GetUtcNow().UtcDateTime >= round.DeadlineUtc
            ? $"推荐已于 {ChinaTime.Format(round.DeadlineUtc)} 截止，不再接收推荐"
            : null;
    }

    public static string CapMessage(int count, int cap) => $"本单位在本轮已推荐 {count} 名专家，已达上限 {cap} 名";

    /// <summary>
    /// Checks a candidate against the store. <paramref name="earlier"/> are candidates of the same batch
    /// (import rows above this one) that count as if already written.
    /// </summary>
    public async Task<List<CandidateProblem>> CheckAsync(RecommendationRound round, Candidate candidate, IReadOnlyList<Candidate> earlier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(earlier);
        var problems = new List<CandidateProblem>();
        if (ClosedMessage(round) is { } closed)
        {
            problems.Add(new("", closed));
            return problems;
        }

        var idCard = IdCard.Normalize(candidate.IdCardNumber);
        if (IdCard.Validate(idCard, candidate.BirthDate) is { } idProblem)
        {
            problems.Add(new("IdCardNumber", idProblem));
        }
        else if (earlier.Any(c => IdCard.Normalize(c.IdCardNumber) == idCard) ||
                 await db.Recommendations.AnyAsync(r => r.RoundId == round.Id && r.IdCardNumber == idCard && r.Status != RecommendationStatus.Withdrawn, cancellationToken))
        {
            problems.Add(new("IdCardNumber", "该身份证号码在本轮已被推荐，不能重复推荐"));
        }
        else if (await db.Experts.AnyAsync(e => e.IdCardNumber == idCard && e.Status == ExpertStatus.Active, cancellationToken))
        {
            problems.Add(new("IdCardNumber", "该身份证号码对应的人员已是在库专家"));
        }

        if (Contact.ValidateMobile(candidate.Mobile) is { } mobile)
        {
            problems.Add(new("Mobile", mobile));
        }

        if (Contact.ValidateEmail(candidate.Email, required: false) is { } email)
        {
            problems.Add(new("Email", email));
        }

        if (!await db.Fields.AnyAsync(f => f.Id == candidate.FieldId && f.Active, cancellationToken))
        {
            problems.Add(new("FieldId", "请选择一个在用的领域"));
        }

        if (candidate.Level == ExpertTeamLevel.Department && !candidate.UnitKey.StartsWith("department:", StringComparison.Ordinal))
        {
            problems.Add(new("Level", "只有部门可以推荐本部门专家队伍人选"));
        }

        if (candidate.Level == ExpertTeamLevel.County)
        {
            var cap = await settings.GetAsync(ExpertsModule.RecommendationsPerUnit, cancellationToken);
            var count = await CountAsync(round.Id, candidate.UnitKey, cancellationToken) +
                        earlier.Count(c => c.UnitKey == candidate.UnitKey && c.Level == ExpertTeamLevel.County);
            if (count >= cap)
            {
                problems.Add(new("", CapMessage(count, cap)));
            }
        }

        return problems;
    }

    /// <summary>
    /// Recommends one candidate: the cap and duplicate checks and the insert are one IMMEDIATE transaction,
    /// so two clerks of the same unit cannot both take the last place. Returns the refusals (nothing written)
    /// or the new recommendation.
    /// </summary>
    public async Task<(Recommendation? Recommendation, IReadOnlyList<CandidateProblem> Problems)> RecommendAsync(
        RecommendationRound round, Candidate candidate, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var problems = await CheckAsync(round, candidate, [], cancellationToken);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var recommendation = ToRecommendation(round.Id, candidate, by, clock.GetUtcNow().UtcDateTime);
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (recommendation, []);
    }

    /// <summary>The unit's recommendations to the county team in the round that count against the cap.</summary>
    public Task<int> CountAsync(int roundId, string unitKey, CancellationToken cancellationToken) =>
        db.Recommendations.CountAsync(
            r => r.RoundId == roundId && r.UnitKey == unitKey && r.Level == ExpertTeamLevel.County && r.Status != RecommendationStatus.Withdrawn,
            cancellationToken);

    public static Recommendation ToRecommendation(int roundId, Candidate c, string by, DateTime nowUtc) => new()
    {
        RoundId = roundId,
        UnitKey = c.UnitKey,
        UnitName = c.UnitName,
        Level = c.Level,
        Name = c.Name.Trim(),
        Gender = c.Gender,
        BirthDate = c.BirthDate,
        IdCardNumber = IdCard.Normalize(c.IdCardNumber),
        Employer = c.Employer.Trim(),
        Title = c.Title.Trim(),
        Specialty = c.Specialty.Trim(),
        FieldId = c.FieldId,
        Mobile = c.Mobile.Trim(),
        Email = string.IsNullOrWhiteSpace(c.Email) ? null : c.Email.Trim(),
        Experience = c.Experience.Trim(),
        UnitOpinion = c.UnitOpinion.Trim(),
        Status = RecommendationStatus.Submitted,
        SubmittedBy = by,
        SubmittedAtUtc = nowUtc,
    };
}

/// <summary>Unit keys ("department:3") back to kind and id.</summary>
internal static class UnitKeys
{
    public static (UnitKind Kind, int Id)? Parse(string key)
    {
        var parts = (key ?? "").Split(':');
        return parts.Length == 2 &&
               Enum.TryParse<UnitKind>(parts[0], ignoreCase: true, out var kind) &&
               int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (kind, id)
            : null;
    }
}
