using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>
/// 批准入库: turns a passed recommendation into an expert with a certificate (聘任证书, numbered
/// <c>&lt;county&gt;-ZJ-&lt;year&gt;-&lt;seq&gt;</c>) and a term of the county's length, and publishes
/// <see cref="ExpertAdmitted"/> in the same transaction.
/// </summary>
internal sealed class ExpertAdmission(ExpertsDbContext db, ICountySettings settings, ICountyContext county, TimeProvider clock)
{
    public static string DuplicateMessage(string certificate) => $"该身份证号码已在专家库中（证书 {certificate}），不能重复入库";

    /// <summary>Admits the recommendation; returns the Chinese reason when it cannot be admitted (nothing written then).</summary>
    public async Task<(Expert? Expert, string? Problem)> AdmitAsync(Recommendation recommendation, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var existing = await db.Experts.AsNoTracking()
            .Where(e => e.IdCardNumber == recommendation.IdCardNumber)
            .Select(e => e.CertificateNumber)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return (null, DuplicateMessage(existing));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var years = await settings.GetAsync(ExpertsModule.TermYears, cancellationToken);
        var field = await db.Fields.AsNoTracking().SingleAsync(f => f.Id == recommendation.FieldId, cancellationToken);
        var department = UnitKeys.Parse(recommendation.UnitKey) is { Kind: UnitKind.Department } unit ? unit.Id : (int?)null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var expert = new Expert
        {
            RecommendationId = recommendation.Id,
            Name = recommendation.Name,
            Gender = recommendation.Gender,
            BirthDate = recommendation.BirthDate,
            IdCardNumber = recommendation.IdCardNumber,
            Employer = recommendation.Employer,
            Title = recommendation.Title,
            Specialty = recommendation.Specialty,
            Mobile = recommendation.Mobile,
            Email = recommendation.Email,
            Level = recommendation.Level,
            DepartmentId = department,
            DepartmentName = department is null ? null : recommendation.UnitName,
            CertificateNumber = await NextCertificateAsync(today.Year, cancellationToken),
            TermStart = today,
            TermEnd = today.AddYears(years).AddDays(-1),
            Status = ExpertStatus.Active,
            CreatedAtUtc = now,
            Fields = [new ExpertField { FieldId = recommendation.FieldId }],
        };
        db.Experts.Add(expert);
        recommendation.Status = RecommendationStatus.Admitted;
        recommendation.DecidedBy = by;
        recommendation.DecidedAtUtc = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Admitted by someone else between the check and the write (unique ID-card index).
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return (null, DuplicateMessage("—"));
        }

        recommendation.ExpertId = expert.Id;
        db.Publish(Admitted(expert, [field.Name], now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (expert, null);
    }

    /// <summary>
    /// Enters an expert admitted before the system (名册录入): the record as given, with its own certificate number
    /// and term. The caller adds the rows; <see cref="ExpertAdmitted"/> is published for each in the same SaveChanges.
    /// </summary>
    public void AdmitExisting(Expert expert, IReadOnlyList<string> fieldNames)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var now = clock.GetUtcNow().UtcDateTime;
        expert.Status = ExpertStatus.Active;
        expert.CreatedAtUtc = now;
        db.Experts.Add(expert);
        db.PublishAfterSave(() => Admitted(expert, fieldNames, now));
    }

    /// <summary>The one event every admission publishes (approval of a recommendation or roster entry).</summary>
    private ExpertAdmitted Admitted(Expert expert, IReadOnlyList<string> fieldNames, DateTime now) => new()
    {
        County = county.Required,
        OccurredAtUtc = now,
        ExpertId = expert.Id,
        Name = expert.Name,
        Level = expert.Level,
        DepartmentId = expert.Level == ExpertTeamLevel.Department ? expert.DepartmentId : null,
        Fields = [.. fieldNames],
        CertificateNumber = expert.CertificateNumber,
        TermEnd = expert.TermEnd,
        Employer = expert.Employer,
    };

    private async Task<string> NextCertificateAsync(int year, CancellationToken cancellationToken)
    {
        var prefix = $"{county.Required}-ZJ-{year.ToString(CultureInfo.InvariantCulture)}-";
        var last = await db.Experts.AsNoTracking()
            .Where(e => e.CertificateNumber.StartsWith(prefix))
            .OrderByDescending(e => e.CertificateNumber)
            .Select(e => e.CertificateNumber)
            .FirstOrDefaultAsync(cancellationToken);
        var seq = last is not null && int.TryParse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        return prefix + seq.ToString("D4", CultureInfo.InvariantCulture);
    }
}
