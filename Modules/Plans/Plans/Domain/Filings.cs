using System.Globalization;
using Emergency.BuildingBlocks.Calendar;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.Plans.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Domain;

/// <summary>
/// Filing (备案, 应急管理部令第2号): the owner submits the issued version; the receiver registers it (登记) or returns
/// one list of everything to correct (补正, once per submission round) and the owner resubmits; a receiver silent for
/// the set working days after a submission has filed it (视为备案), marked once by the daily job. Registering and
/// deeming publish <see cref="PlanFiled"/>; each step notifies the other side; each is one SaveChanges.
/// </summary>
internal sealed class Filings(PlansDbContext db, PlansNotices notices, TimeProvider clock)
{
    private const string OverdueKey = "filing-overdue";

    public static string? NotSubmittable(Filing filing) => filing.State switch
    {
        FilingState.Submitted => "已报送，等待受理单位答复",
        FilingState.Registered or FilingState.Deemed => "该版本已备案",
        _ => null,
    };

    public async Task<IReadOnlyList<Problem>> SubmitAsync(Plan plan, Filing filing, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(filing);
        if (NotSubmittable(filing) is { } why)
        {
            return [new("", why)];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        filing.State = FilingState.Submitted;
        filing.Round++;
        filing.SubmittedAtUtc = now;
        filing.SubmittedOn = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        filing.SubmittedBy = by;
        db.Notify(notices.Submitted(plan, filing, now));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<Problem>> RegisterAsync(Plan plan, Filing filing, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(filing);
        if (filing.State != FilingState.Submitted)
        {
            return [new("", "只能对已报送的预案登记备案")];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Filed(plan, filing, FilingState.Registered, now, false);
        filing.AnsweredBy = by;
        if (PlansNotices.Owner(plan) is { } owner)
        {
            db.Notify(notices.Registered(plan, filing, owner, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>补正: one list (one item a line) per submission round; the owner is told and resubmits.</summary>
    public async Task<IReadOnlyList<Problem>> CorrectAsync(Plan plan, Filing filing, string? list, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(filing);
        if (filing.State != FilingState.Submitted)
        {
            return [new("", "只能对已报送的预案提出补正")];
        }

        if (filing.CorrectionRound == filing.Round)
        {
            return [new("", "本轮报送已提出过补正，补正材料须一次性告知")];
        }

        var items = (list ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (items.Count == 0)
        {
            return [new("Correction.Items", "请一次性列明需要补正的全部内容（每行一项）")];
        }

        var text = string.Join("\n", items);
        if (text.Length > 4000)
        {
            return [new("Correction.Items", "补正内容不能超过 4000 个字")];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        filing.State = FilingState.Correction;
        filing.CorrectionRound = filing.Round;
        filing.Corrections = text;
        filing.CorrectionAtUtc = now;
        filing.AnsweredBy = by;
        if (PlansNotices.Owner(plan) is { } owner)
        {
            db.Notify(notices.Correction(plan, filing, owner, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// The daily sweep: each submission the receiver has left unanswered for <paramref name="deemedDays"/> working
    /// days is deemed filed (state change, both sides told once, <see cref="PlanFiled"/>); each filing past its due
    /// date and not yet submitted is noticed to its owner once. Returns how many were deemed.
    /// </summary>
    public async Task<int> SweepAsync(int deemedDays, IWorkingDays workingDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workingDays);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var calendar = await workingDays.CalendarAsync(cancellationToken);
        // The scan reads a few columns untracked; only the filings with something to do today are loaded to change.
        var candidates = await db.Filings.AsNoTracking()
            .Where(f => f.State == FilingState.Submitted || ((f.State == FilingState.Awaiting || f.State == FilingState.Correction) && f.DueOn < today))
            .Select(f => new { f.Id, f.State, f.SubmittedOn })
            .ToListAsync(cancellationToken);
        var noticed = await db.ClaimedAsync(OverdueKey, cancellationToken);
        var due = candidates
            .Where(f => f.State == FilingState.Submitted
                ? f.SubmittedOn is { } submitted && calendar.CountWorkingDays(submitted, today) >= deemedDays
                : !noticed.Contains(ReminderKey.For(OverdueKey, f.Id).Value))
            .Select(f => f.Id)
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var open = await db.Filings.Where(f => due.Contains(f.Id)).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var ids = open.Select(f => f.PlanId).Distinct().ToList();
        var plans = await db.Plans.Include(p => p.Versions).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var deemed = 0;
        foreach (var filing in open)
        {
            var plan = plans[filing.PlanId];
            var owner = PlansNotices.Owner(plan);
            if (filing.State == FilingState.Submitted)
            {
                if (filing.SubmittedOn is not { } submitted || calendar.CountWorkingDays(submitted, today) < deemedDays)
                {
                    continue;
                }

                Filed(plan, filing, FilingState.Deemed, now, true);
                deemed++;
                foreach (var to in new[] { owner, PlansNotices.Receiver(filing) }.OfType<NoticeRecipient>())
                {
                    await db.NotifyOnceAsync(ReminderKey.For("deemed", filing.Id, to.Key), notices.Deemed(plan, filing, to, now), cancellationToken);
                }
            }
            else if (owner is not null)
            {
                await db.NotifyOnceAsync(ReminderKey.For(OverdueKey, filing.Id), notices.Overdue(plan, filing, owner, now), cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return deemed;
    }

    private void Filed(Plan plan, Filing filing, FilingState state, DateTime nowUtc, bool deemed)
    {
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(nowUtc));
        filing.State = state;
        filing.FiledAtUtc = nowUtc;
        filing.FiledOn = today;
        filing.FilingNumber = string.Create(CultureInfo.InvariantCulture, $"备{today.Year}-{filing.Id:D4}");
        var version = plan.Versions.First(v => v.Id == filing.VersionId);
        db.Publish(PlanEvents.Filed(plan, version, today, deemed));
    }

    /// <summary>Whether a filing is past due and not yet submitted (on the owner's 我的待办).</summary>
    public static bool Overdue(Filing filing, DateOnly today) =>
        filing.State is FilingState.Awaiting or FilingState.Correction && filing.DueOn < today;
}
