using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Areas.training.Pages.Calendar;

/// <summary>
/// 培训演练日历: a month (China time) of the sessions and drills the user's unit sees (the county all, a township its own
/// and its villages', a village its own), previous and next month; and the user's signed calendar-feed (.ics) link,
/// which the user may reset (重置订阅链接: the old link is refused from then on). Only the signed-in user's own link is
/// ever reset: the handler takes no user.
/// </summary>
internal sealed class IndexModel(TrainingDbContext db, TrainingAccess access, FeedLinks links, FeedStamps stamps, IPublicAddress address, TimeProvider clock) : PageModel
{
    public DateOnly Month { get; private set; }

    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public string FeedUrl { get; private set; } = "";

    /// <summary>A read-only post (县领导) writes nothing, not even its stamp: no reset button.</summary>
    public bool CanReset => access.CanWrite;

    /// <summary>The month shown, "yyyy-MM"; the current China month when missing or not a month.</summary>
    public async Task OnGetAsync(string? month, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(ChinaTime.Now(clock));
        Month = DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen) && chosen.Year is >= 2000 and <= 2100
            ? chosen
            : new DateOnly(today.Year, today.Month, 1);
        var fromUtc = ChinaTime.ToUtc(Month.ToDateTime(TimeOnly.MinValue));
        var toUtc = ChinaTime.ToUtc(Month.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var sessions = await access.Visible(db.Sessions.AsNoTracking())
            .Where(s => s.StartsAtUtc >= fromUtc && s.StartsAtUtc < toUtc)
            .Select(s => new { s.Id, s.Title, s.StartsAtUtc, s.Place, s.Status })
            .ToListAsync(cancellationToken);
        var drills = await access.Visible(db.Drills.AsNoTracking())
            .Where(d => d.StartsAtUtc >= fromUtc && d.StartsAtUtc < toUtc)
            .Select(d => new { d.Id, d.PlanName, d.StartsAtUtc, d.Place, d.Status })
            .ToListAsync(cancellationToken);
        Entries = sessions.Select(s => new Entry(ChinaTime.FromUtc(s.StartsAtUtc), "培训", s.Title, s.Place, "/Sessions/Details", s.Id, s.Status == SessionStatus.Cancelled))
            .Concat(drills.Select(d => new Entry(ChinaTime.FromUtc(d.StartsAtUtc), "演练", d.PlanName, d.Place, "/Drills/Details", d.Id, d.Status == DrillStatus.Cancelled)))
            .OrderBy(e => e.StartsAt)
            .ToList();
        var stamp = await stamps.CurrentAsync(access.UserName, cancellationToken);
        FeedUrl = address.Absolute("/training/Calendar/Feed?t=" + Uri.EscapeDataString(links.Create(access.County, access.UserName, access.Calendar, stamp)));
    }

    /// <summary>重置订阅链接: the user's own feed stamp moves on, so every link given out before stops working.</summary>
    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        await stamps.ResetAsync(access.UserName, cancellationToken);
        TempData["Notice"] = "已重置日历订阅链接：原链接已失效，请在日历应用中改用下方的新链接";
        return RedirectToPage();
    }

    /// <summary>The weeks of the month, Monday first; days outside the month are null.</summary>
    public IEnumerable<DateOnly?[]> Weeks()
    {
        var offset = ((int)Month.DayOfWeek + 6) % 7;
        var days = DateTime.DaysInMonth(Month.Year, Month.Month);
        var cells = Enumerable.Repeat<DateOnly?>(null, offset).Concat(Enumerable.Range(0, days).Select(d => (DateOnly?)Month.AddDays(d))).ToList();
        while (cells.Count % 7 != 0)
        {
            cells.Add(null);
        }

        return cells.Chunk(7);
    }

    public IEnumerable<Entry> On(DateOnly day) => Entries.Where(e => DateOnly.FromDateTime(e.StartsAt) == day);

    internal sealed record Entry(DateTime StartsAt, string What, string Title, string Place, string Page, int Id, bool Cancelled);
}
