using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Incentives;

/// <summary>
/// 激励: participations and average ratings per expert and per team for a year, and the yearly feedback
/// letter to each expert's employer (print view, or sent by email).
/// </summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<ExpertRow> Experts { get; private set; } = [];

    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : ChinaTime.Now(clock).Year;
        var (from, to) = FeedbackLetter.YearRange(Year);
        var experts = db.Experts.AsNoTracking();
        if (!access.SeesWholeCounty)
        {
            var department = access.DepartmentId ?? -1;
            experts = experts.Where(e => e.Level == ExpertTeamLevel.County || e.DepartmentId == department);
        }

        var rows = await experts
            .Select(e => new
            {
                e.Id,
                e.Name,
                e.Employer,
                e.Level,
                e.DepartmentName,
                e.EmployerEmail,
                Count = db.Participations.Count(p => p.ExpertId == e.Id && p.AtUtc >= from && p.AtUtc < to),
                Rated = db.Participations.Count(p => p.ExpertId == e.Id && p.AtUtc >= from && p.AtUtc < to && p.Rating != null),
                RatingSum = db.Participations.Where(p => p.ExpertId == e.Id && p.AtUtc >= from && p.AtUtc < to && p.Rating != null).Sum(p => (int?)p.Rating) ?? 0,
            })
            .OrderByDescending(e => e.Count).ThenBy(e => e.Name)
            .Take(500)
            .ToListAsync(cancellationToken);
        Experts = rows.Select(r => new ExpertRow(r.Id, r.Name, r.Employer, r.Level, r.DepartmentName, r.EmployerEmail is not null, r.Count, r.Rated, r.Rated == 0 ? null : (double)r.RatingSum / r.Rated)).ToList();
        Teams = Experts
            .GroupBy(e => e.Level == ExpertTeamLevel.County ? "县政府专家队伍" : e.DepartmentName ?? "")
            .Select(g => new TeamRow(
                g.Key,
                g.Count(),
                g.Sum(e => e.Count),
                g.Sum(e => e.Rated) == 0 ? null : g.Where(e => e.Average is not null).Sum(e => e.Average!.Value * e.Rated) / g.Sum(e => e.Rated)))
            .OrderByDescending(t => t.Participations)
            .ToList();
    }

    /// <summary>Emails the year's feedback letter to the employer.</summary>
    public async Task<IActionResult> OnPostSendAsync(int id, int year, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (expert is null || !access.MayOpen(expert))
        {
            return NotFound();
        }

        if (!access.ManagesExpert(expert))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(expert.EmployerEmail))
        {
            Notice = $"{expert.Name} 的工作单位没有登记邮箱，请打印反馈函寄送";
            return RedirectToPage(new { year });
        }

        var letter = await FeedbackLetter.LoadAsync(db, expert, year, cancellationToken);
        db.Notify(ExpertNotices.FeedbackLetterToEmployer(letter, expert, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已将 {expert.Name} 的 {year} 年度反馈函发送至 {expert.EmployerEmail}";
        return RedirectToPage(new { year });
    }

    internal sealed record ExpertRow(int Id, string Name, string Employer, ExpertTeamLevel Level, string? DepartmentName, bool HasEmployerEmail, int Count, int Rated, double? Average);

    internal sealed record TeamRow(string Team, int Experts, int Participations, double? Average);
}
