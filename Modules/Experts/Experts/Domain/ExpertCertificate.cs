using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>
/// 聘任证书 as printed: the expert, the fields held (category · field), the certificate number, the term in
/// China dates and the issuing body (the county team's certificate is issued by the county emergency
/// committee, a department team's by the department). An expert who left (自愿退出, 取消资格, 解聘) holds a
/// revoked certificate (已撤销), with the date and reason; a term that ran out is not a revocation.
/// </summary>
internal sealed record ExpertCertificate(Expert Expert, string CountyName, IReadOnlyList<(ExpertCategory Category, string Field)> Fields)
{
    public bool Revoked => Expert.Status is ExpertStatus.Exited or ExpertStatus.Disqualified or ExpertStatus.Dismissed;

    public bool Expired => Expert.Status == ExpertStatus.Expired;

    public bool CountyTeam => Expert.Level == ExpertTeamLevel.County || Expert.DepartmentName is null;

    /// <summary>The China date the certificate was revoked, e.g. 2026年12月4日; empty when not revoked.</summary>
    public string RevokedOn => Revoked && Expert.StatusChangedAtUtc is { } at ? ChinaDate(DateOnly.FromDateTime(ChinaTime.FromUtc(at))) : "";

    public string RevokedReason => Revoked ? Expert.StatusReason ?? "" : "";

    public string TermStart => ChinaDate(Expert.TermStart);

    public string TermEnd => ChinaDate(Expert.TermEnd);

    public static string ChinaDate(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static async Task<ExpertCertificate> LoadAsync(ExpertsDbContext db, Expert expert, string countyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(expert);
        var fields = await db.ExpertFields.AsNoTracking()
            .Where(f => f.ExpertId == expert.Id)
            .Select(f => new { f.Field!.Category, f.Field.Name, f.Field.SortOrder })
            .ToListAsync(cancellationToken);
        return new ExpertCertificate(
            expert,
            countyName,
            fields.OrderBy(f => f.Category).ThenBy(f => f.SortOrder).Select(f => (f.Category, f.Name)).ToList());
    }
}
