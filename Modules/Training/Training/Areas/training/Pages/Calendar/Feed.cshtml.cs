using Autofac;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Areas.training.Pages.Calendar;

/// <summary>
/// The user's calendar feed (.ics, METHOD:PUBLISH) read by a calendar app through the signed link of the calendar page,
/// without signing in: the sessions and drills the link's unit sees, from a year back (cancelled ones STATUS:CANCELLED).
/// The link names its county, so the page works in a scope of its own for that county. A tampered link is refused (404);
/// a link its user has since reset (重置订阅链接: its stamp is not the user's current one) answers 410 with a Chinese note.
/// </summary>
[AllowAnonymous]
internal sealed class FeedModel(ILifetimeScope lifetimeScope, FeedLinks links, ICountyDirectory counties, TimeProvider clock) : PageModel
{
    public const string InvalidLink = "日历订阅链接无效或已被篡改";

    public const string RevokedLink = "该日历订阅链接已被重置，不再有效。请登录平台，在“培训演练日历”页面复制新的订阅链接。";

    public async Task<IActionResult> OnGetAsync(string? t, CancellationToken cancellationToken)
    {
        var payload = links.Read(t);
        if (payload is null || (await counties.FindAsync(payload.County, cancellationToken))?.MayUse(TrainingModule.ModuleName) != true)
        {
            return new ContentResult { StatusCode = StatusCodes404, Content = InvalidLink, ContentType = "text/plain; charset=utf-8" };
        }

        await using var scope = lifetimeScope.BeginLifetimeScope();
        scope.Resolve<ICountyContext>().Set(payload.County);
        var db = scope.Resolve<TrainingDbContext>();
        if (payload.Stamp != await scope.Resolve<FeedStamps>().CurrentAsync(payload.UserName, cancellationToken))
        {
            return new ContentResult { StatusCode = StatusCodes410, Content = RevokedLink, ContentType = "text/plain; charset=utf-8" };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = now.AddDays(-365);
        var sessions = await TrainingAccess.SessionsFor(payload.Scope, db.Sessions.AsNoTracking()).Where(s => s.StartsAtUtc >= from).OrderBy(s => s.StartsAtUtc).Take(1000).ToListAsync(cancellationToken);
        var drills = await TrainingAccess.DrillsFor(payload.Scope, db.Drills.AsNoTracking()).Where(d => d.StartsAtUtc >= from).OrderBy(d => d.StartsAtUtc).Take(1000).ToListAsync(cancellationToken);
        var items = sessions.Select(s => ((ICalendarItem)s, s.Status == SessionStatus.Cancelled))
            .Concat(drills.Select(d => ((ICalendarItem)d, d.Status == DrillStatus.Cancelled)))
            .OrderBy(i => i.Item1.StartsAtUtc);
        var text = Ics.Feed(items, payload.County, "培训演练日历", now);
        return Content(text, "text/calendar; charset=utf-8");
    }

    private const int StatusCodes404 = 404;

    private const int StatusCodes410 = 410;
}
