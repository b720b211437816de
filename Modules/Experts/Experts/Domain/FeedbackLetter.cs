using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>
/// The yearly feedback letter to an expert's employer (反馈工作单位): the year's participations, counted and
/// rated. Classified entries are listed as "涉密事项" — the letter leaves the county's systems.
/// </summary>
internal sealed record FeedbackLetter(Expert Expert, int Year, IReadOnlyList<FeedbackLetter.Line> Lines)
{
    public int Count => Lines.Count;

    public double? AverageRating => Lines.Any(l => l.Rating is not null) ? Lines.Where(l => l.Rating is not null).Average(l => l.Rating!.Value) : null;

    public string Subject => string.Create(CultureInfo.InvariantCulture, $"关于{Expert.Name}同志{Year}年度参与应急管理专家工作情况的函");

    public string Average => AverageRating is { } a ? a.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public static async Task<FeedbackLetter> LoadAsync(ExpertsDbContext db, Expert expert, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(expert);
        var (from, to) = YearRange(year);
        var rows = await db.Participations.AsNoTracking()
            .Where(p => p.ExpertId == expert.Id && p.AtUtc >= from && p.AtUtc < to)
            .OrderBy(p => p.AtUtc)
            .ToListAsync(cancellationToken);
        return new FeedbackLetter(expert, year, rows.Select(p => new Line(p.AtUtc, p.Kind, p.Classified ? "涉密事项" : p.Title, p.DepartmentName, p.Rating)).ToList());
    }

    /// <summary>A China-time calendar year as UTC bounds.</summary>
    public static (DateTime From, DateTime To) YearRange(int year) =>
        (ChinaTime.ToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)), ChinaTime.ToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)));

    public string TextBody()
    {
        var lines = string.Join("\n", Lines.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"  {ChinaTime.FromUtc(l.AtUtc):yyyy-MM-dd} {KindName(l.Kind)} {l.Title}（{l.DepartmentName}）{(l.Rating is { } r ? $" 评分 {r}" : "")}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Expert.Employer}：\n\n贵单位 {Expert.Name} 同志（应急管理专家，证书编号 {Expert.CertificateNumber}）{Year} 年度共参与应急管理专家工作 {Count} 次，平均评分 {Average}。\n{lines}\n\n感谢贵单位对应急管理工作的支持。");
    }

    public static string KindName(ParticipationKind kind) => kind switch
    {
        ParticipationKind.Dispatch => "调用",
        ParticipationKind.Meeting => "会商",
        ParticipationKind.Training => "培训",
        ParticipationKind.Inspection => "执法检查",
        _ => "其他",
    };

    internal sealed record Line(DateTime AtUtc, ParticipationKind Kind, string Title, string? DepartmentName, int? Rating);
}
