using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Data;
using Microsoft.Extensions.Localization;

namespace Emergency.Training.Domain;

/// <summary>
/// Every notice the Training module sends, with its text from Resources/TrainingText.tsv in Chinese: the
/// reminders before a session, the update after a move and the cancellation (each with its <c>.ics</c>), and
/// the shortfall notice to a short unit's trainer.
/// </summary>
internal sealed class TrainingNotices(IStringLocalizer<TrainingText> text)
{
    public static class Kinds
    {
        public static readonly NoticeKind SessionReminder = new("training.session-reminder", NoticeDelivery.Each);
        public static readonly NoticeKind SessionUpdated = new("training.session-updated", NoticeDelivery.Each);
        public static readonly NoticeKind SessionCancelled = new("training.session-cancelled", NoticeDelivery.Each);
        public static readonly NoticeKind Shortfall = new("training.shortfall", NoticeDelivery.Each);
        public static readonly NoticeKind DrillReminder = new("training.drill-reminder", NoticeDelivery.Each);
        public static readonly NoticeKind CertificateExpiry = new("training.certificate-expiry", NoticeDelivery.Each);
        public static readonly NoticeKind DrillCancelled = new("training.drill-cancelled", NoticeDelivery.Each);
    }

    /// <summary>Who is told of a session: each invitee with an email, and each target unit (its accounts' addresses).</summary>
    public static IReadOnlyList<NoticeRecipient> Recipients(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var people = session.Invitees
            .Where(i => !string.IsNullOrWhiteSpace(i.Email))
            .Select(i => NoticeRecipient.Email(i.Email!, i.Name));
        var units = session.Targets.Select(t => NoticeRecipient.Unit(t.UnitKind, t.UnitId, t.UnitName));
        return people.Concat(units).DistinctBy(r => r.Key).ToList();
    }

    /// <summary>Who is told of a drill: each participating unit (its accounts' addresses).</summary>
    public static IReadOnlyList<NoticeRecipient> Recipients(Drill drill)
    {
        ArgumentNullException.ThrowIfNull(drill);
        return drill.Units.Select(u => NoticeRecipient.Unit(u.UnitKind, u.UnitId, u.UnitName)).DistinctBy(r => r.Key).ToList();
    }

    public Notice DrillReminder(Drill drill, NoticeRecipient to, int leadDays, string county, DateTime nowUtc) => new()
    {
        Kind = Kinds.DrillReminder,
        To = to,
        Title = text.Render("Mail_DrillReminderSubject", leadDays, drill.PlanName),
        TextBody = text.Render("Mail_DrillReminderBody", to.Name, drill.PlanName, text["DrillKind_" + drill.Kind].Value, When(drill), drill.Place, drill.OrganiserName, drill.Scenario),
        Link = DrillLink(drill),
        Attachment = Ics.Request(drill, county, nowUtc),
        AtUtc = nowUtc,
    };

    public Notice DrillCancelled(Drill drill, NoticeRecipient to, string county, DateTime nowUtc) => new()
    {
        Kind = Kinds.DrillCancelled,
        To = to,
        Title = text.Render("Mail_DrillCancelSubject", drill.PlanName),
        TextBody = text.Render("Mail_DrillCancelBody", to.Name, drill.PlanName, When(drill), drill.Place, drill.CancelReason, drill.OrganiserName),
        Link = DrillLink(drill),
        Attachment = Ics.Cancel(drill, county, nowUtc),
        AtUtc = nowUtc,
    };

    public Notice CertificateExpiry(Certificate certificate, NoticeRecipient to, DateTime nowUtc) => new()
    {
        Kind = Kinds.CertificateExpiry,
        To = to,
        Title = text.Render("Mail_CertificateExpirySubject", certificate.HolderName, text["CertKind_" + certificate.Kind].Value),
        TextBody = text.Render("Mail_CertificateExpiryBody", to.Name, certificate.HolderName, text["CertKind_" + certificate.Kind].Value, certificate.Number, certificate.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Link = "/training/Certificates",
        AtUtc = nowUtc,
    };

    public Notice Reminder(TrainingSession session, NoticeRecipient to, int leadDays, string county, DateTime nowUtc) => new()
    {
        Kind = Kinds.SessionReminder,
        To = to,
        Title = text.Render("Mail_ReminderSubject", leadDays, session.Title),
        TextBody = text.Render("Mail_ReminderBody", to.Name, session.Title, When(session), session.Place, session.Trainer, session.OrganiserName, session.Content),
        Link = Link(session, to),
        Attachment = Ics.Request(session, county, nowUtc),
        AtUtc = nowUtc,
    };

    public Notice Updated(TrainingSession session, NoticeRecipient to, string county, DateTime nowUtc) => new()
    {
        Kind = Kinds.SessionUpdated,
        To = to,
        Title = text.Render("Mail_UpdateSubject", session.Title),
        TextBody = text.Render("Mail_UpdateBody", to.Name, session.Title, When(session), session.Place, session.OrganiserName),
        Link = Link(session, to),
        Attachment = Ics.Request(session, county, nowUtc),
        AtUtc = nowUtc,
    };

    public Notice Cancelled(TrainingSession session, NoticeRecipient to, string county, DateTime nowUtc) => new()
    {
        Kind = Kinds.SessionCancelled,
        To = to,
        Title = text.Render("Mail_CancelSubject", session.Title),
        TextBody = text.Render("Mail_CancelBody", to.Name, session.Title, When(session), session.Place, session.CancelReason, session.OrganiserName),
        Link = Link(session, to),
        Attachment = Ics.Cancel(session, county, nowUtc),
        AtUtc = nowUtc,
    };

    public Notice Shortfall(UnitOwed unit, NoticeRecipient trainer, int year, DateTime nowUtc) => new()
    {
        Kind = Kinds.Shortfall,
        To = trainer,
        Title = text.Render("Mail_ShortfallSubject", unit.Name, year),
        TextBody = text.Render("Mail_ShortfallBody", unit.Name, year, Days(unit.Target), Days(unit.Delivered), Days(unit.Owed), Days(unit.Planned)),
        Link = "/training/Owed?year=" + year.ToString(CultureInfo.InvariantCulture),
        AtUtc = nowUtc,
    };

    public static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"2026-12-01 09:00 — 17:00" in China time (the end's date too when it is another day).</summary>
    public static string When(ICalendarItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var start = ChinaTime.FromUtc(item.StartsAtUtc);
        var end = ChinaTime.FromUtc(item.EndsAtUtc);
        var endText = end.Date == start.Date ? end.ToString("HH:mm", CultureInfo.InvariantCulture) : end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " — " + endText;
    }

    private static string DrillLink(Drill drill) => "/training/Drills/Details?id=" + drill.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Units' accounts open the session page; a person mailed by address has no account, so no link.</summary>
    private static string? Link(TrainingSession session, NoticeRecipient to) =>
        to.Kind == NoticeRecipientKind.Unit ? "/training/Sessions/Details?id=" + session.Id.ToString(CultureInfo.InvariantCulture) : null;
}
