using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Experts.Domain;

/// <summary>
/// 部门专家队伍备案 (seed 000: 各部门做好本部门专家遴选，于1月20日前报县政府应急办备案（备案报名单即可）;
/// 将本部门专家队伍调整情况及时向县政府应急管理部门报备): each department with a team files its list of names for
/// the year by the county's deadline (<see cref="ExpertsModule.FilingDeadline"/>); a filing records how many experts
/// and how many changes since the department's previous filing. The county sees who has filed and what.
/// </summary>
internal sealed class TeamFilings(ExpertsDbContext db, ICountySettings settings, IStringLocalizer<ExpertsText> text, TimeProvider clock)
{
    public static readonly NoticeKind ReminderKind = new("experts.filing-reminder", NoticeDelivery.Each);

    public static readonly NoticeKind OverdueKind = new("experts.filing-overdue", NoticeDelivery.Each);

    /// <summary>Every month-day of a year ("01-01" … "12-31", with "02-29"), the choices of the deadline setting.</summary>
    public static IReadOnlyList<string> MonthDays { get; } =
        Enumerable.Range(0, 366).Select(d => new DateOnly(2024, 1, 1).AddDays(d).ToString("MM-dd", CultureInfo.InvariantCulture)).ToList();

    /// <summary>The year being filed: the China-time calendar year of today.</summary>
    public int CurrentYear => ChinaTime.Now(clock).Year;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(clock));

    /// <summary>The county's filing deadline in a year (29 February falls on the 28th in other years).</summary>
    public static DateOnly DeadlineIn(int year, string monthDay)
    {
        ArgumentNullException.ThrowIfNull(monthDay);
        var month = int.Parse(monthDay.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(monthDay.AsSpan(3, 2), CultureInfo.InvariantCulture);
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    public async Task<DateOnly> DeadlineAsync(int year, string county, CancellationToken cancellationToken) =>
        DeadlineIn(year, await settings.GetAsync(ExpertsModule.FilingDeadline, county, cancellationToken));

    /// <summary>The end of the deadline day (China time) as UTC, for 我的待办.</summary>
    public static DateTime DeadlineUtc(DateOnly deadline) => ChinaTime.ToUtc(deadline.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>The departments that keep a team (active department-level experts), with the team's size.</summary>
    public async Task<List<TeamRow>> TeamsAsync(CancellationToken cancellationToken) =>
        await db.Experts.AsNoTracking()
            .Where(e => e.Level == ExpertTeamLevel.Department && e.Status == ExpertStatus.Active && e.DepartmentId != null)
            .GroupBy(e => new { e.DepartmentId, e.DepartmentName })
            .Select(g => new TeamRow(g.Key.DepartmentId!.Value, g.Key.DepartmentName ?? "", g.Count()))
            .ToListAsync(cancellationToken);

    /// <summary>Whether the department filed for the year.</summary>
    public Task<bool> FiledAsync(int departmentId, int year, CancellationToken cancellationToken) =>
        db.TeamFilings.AnyAsync(f => f.DepartmentId == departmentId && f.Year == year, cancellationToken);

    /// <summary>The department's last filing (any year), or null.</summary>
    public Task<TeamFiling?> LastAsync(int departmentId, CancellationToken cancellationToken) =>
        db.TeamFilings.AsNoTracking().Where(f => f.DepartmentId == departmentId)
            .OrderByDescending(f => f.FiledAtUtc).ThenByDescending(f => f.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Admissions, exits and applied edits of the department's team since a time (all when null).</summary>
    public async Task<int> ChangesSinceAsync(int departmentId, DateTime? sinceUtc, CancellationToken cancellationToken)
    {
        var since = sinceUtc ?? DateTime.MinValue;
        var team = db.Experts.AsNoTracking().Where(e => e.Level == ExpertTeamLevel.Department && e.DepartmentId == departmentId);
        var admitted = await team.CountAsync(e => e.CreatedAtUtc > since, cancellationToken);
        var left = await team.CountAsync(e => e.Status != ExpertStatus.Active && e.StatusChangedAtUtc > since, cancellationToken);
        var edited = await db.ExpertChanges.AsNoTracking()
            .Where(c => c.DepartmentId == departmentId && c.Status == ExpertChangeStatus.Applied && c.DecidedAtUtc > since)
            .Join(team, c => c.ExpertId, e => e.Id, (c, e) => c.Id)
            .CountAsync(cancellationToken);
        return admitted + left + edited;
    }

    /// <summary>报备: files the department's team as it is now for the current year. Null, or the reason nothing was written.</summary>
    public async Task<(TeamFiling? Filing, string? Problem)> FileAsync(UnitInfo department, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(department);
        var team = await db.Experts.AsNoTracking()
            .Where(e => e.Level == ExpertTeamLevel.Department && e.DepartmentId == department.Id && e.Status == ExpertStatus.Active)
            .OrderBy(e => e.Name).ThenBy(e => e.Id)
            .Select(e => new { e.Name, e.CertificateNumber })
            .ToListAsync(cancellationToken);
        var last = await LastAsync(department.Id, cancellationToken);
        if (team.Count == 0 && last is null)
        {
            return (null, "本部门专家队伍中还没有专家，无需备案");
        }

        var filing = new TeamFiling
        {
            Year = CurrentYear,
            DepartmentId = department.Id,
            DepartmentName = department.Name,
            ExpertCount = team.Count,
            ChangeCount = await ChangesSinceAsync(department.Id, last?.FiledAtUtc, cancellationToken),
            Names = string.Join("、", team.Select(t => $"{t.Name}（{t.CertificateNumber}）")),
            FiledBy = by,
            FiledAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.TeamFilings.Add(filing);
        await db.SaveChangesAsync(cancellationToken);
        return (filing, null);
    }

    /// <summary>
    /// The county view for a year: every department keeping a team or that filed that year, with its latest filing
    /// of the year (or none), unfiled first.
    /// </summary>
    public async Task<List<CountyRow>> CountyViewAsync(int year, CancellationToken cancellationToken)
    {
        var teams = await TeamsAsync(cancellationToken);
        var filings = await db.TeamFilings.AsNoTracking().Where(f => f.Year == year).ToListAsync(cancellationToken);
        var latest = filings.GroupBy(f => f.DepartmentId).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.FiledAtUtc).ThenByDescending(f => f.Id).First());
        var rows = teams.Select(t => new CountyRow(t.DepartmentId, t.DepartmentName, t.Experts, latest.GetValueOrDefault(t.DepartmentId), filings.Count(f => f.DepartmentId == t.DepartmentId)))
            .Concat(latest.Values.Where(f => teams.All(t => t.DepartmentId != f.DepartmentId))
                .Select(f => new CountyRow(f.DepartmentId, f.DepartmentName, 0, f, filings.Count(x => x.DepartmentId == f.DepartmentId))))
            .OrderBy(r => r.Latest is null ? 0 : 1).ThenBy(r => r.DepartmentName, StringComparer.Ordinal)
            .ToList();
        return rows;
    }

    public Notice Reminder(TeamRow team, int year, DateOnly deadline, DateTime nowUtc) => new()
    {
        Kind = ReminderKind,
        To = NoticeRecipient.Unit(UnitKind.Department, team.DepartmentId, team.DepartmentName),
        Title = text.Render("Mail_FilingReminderSubject", year),
        TextBody = text.Render("Mail_FilingReminderBody", team.DepartmentName, year, Date(deadline), team.Experts),
        Link = "/experts/Filing",
        AtUtc = nowUtc,
    };

    public Notice Overdue(TeamRow team, int year, DateOnly deadline, DateTime nowUtc) => new()
    {
        Kind = OverdueKind,
        To = NoticeRecipient.Unit(UnitKind.Department, team.DepartmentId, team.DepartmentName),
        Title = text.Render("Mail_FilingOverdueSubject", year),
        TextBody = text.Render("Mail_FilingOverdueBody", team.DepartmentName, year, Date(deadline), team.Experts),
        Link = "/experts/Filing",
        AtUtc = nowUtc,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal sealed record TeamRow(int DepartmentId, string DepartmentName, int Experts);

    internal sealed record CountyRow(int DepartmentId, string DepartmentName, int Experts, TeamFiling? Latest, int FilingsThisYear);
}
