using System.Globalization;
using System.Text;
using Emergency.BuildingBlocks.Email;
using Emergency.Training.Data;

namespace Emergency.Training.Domain;

/// <summary>
/// The calendar attachment (RFC 5545) of a session's or a drill's mails: METHOD:REQUEST with SEQUENCE = the schedule's
/// version for reminders and updates, METHOD:CANCEL with SEQUENCE = version + 1 for a cancellation. The UID
/// is stable per session or drill, so a phone calendar replaces or removes the one event.
/// </summary>
internal static class Ics
{
    public static MailAttachment Request(ICalendarItem item, string county, DateTime nowUtc) =>
        Build(item, county, "REQUEST", item.Version, nowUtc);

    public static MailAttachment Cancel(ICalendarItem item, string county, DateTime nowUtc) =>
        Build(item, county, "CANCEL", item.Version + 1, nowUtc);

    public static string Uid(ICalendarItem item, string county) =>
        string.Create(CultureInfo.InvariantCulture, $"training-{item.CalendarKey}-{item.Id}@{county}.yingji.local");

    private static MailAttachment Build(ICalendarItem item, string county, string method, int sequence, DateTime nowUtc)
    {
        var text = new StringBuilder();
        Header(text, method);
        Event(text, item, county, sequence, method == "CANCEL", nowUtc);
        Line(text, "END:VCALENDAR");
        return new MailAttachment(method == "CANCEL" ? "cancel.ics" : "invite.ics", $"text/calendar; method={method}; charset=utf-8", text.ToString());
    }

    /// <summary>
    /// A calendar feed (METHOD:PUBLISH) of many sessions and drills, with the same UIDs as the mails' invitations; a
    /// cancelled one is STATUS:CANCELLED with SEQUENCE = version + 1, as its cancellation mail.
    /// </summary>
    public static string Feed(IEnumerable<(ICalendarItem Item, bool Cancelled)> items, string county, string name, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(items);
        var text = new StringBuilder();
        Header(text, "PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape(name));
        Line(text, "X-WR-TIMEZONE:Asia/Shanghai");
        foreach (var (item, cancelled) in items)
        {
            Event(text, item, county, cancelled ? item.Version + 1 : item.Version, cancelled, nowUtc);
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    private static void Header(StringBuilder text, string method)
    {
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//yingji//training//ZH");
        Line(text, "METHOD:" + method);
    }

    private static void Event(StringBuilder text, ICalendarItem item, string county, int sequence, bool cancelled, DateTime nowUtc)
    {
        Line(text, "BEGIN:VEVENT");
        Line(text, "UID:" + Uid(item, county));
        Line(text, "SEQUENCE:" + sequence.ToString(CultureInfo.InvariantCulture));
        Line(text, "DTSTAMP:" + Utc(nowUtc));
        Line(text, "DTSTART:" + Utc(item.StartsAtUtc));
        Line(text, "DTEND:" + Utc(item.EndsAtUtc));
        Line(text, "SUMMARY:" + Escape(item.CalendarTitle));
        Line(text, "LOCATION:" + Escape(item.Place));
        Line(text, "DESCRIPTION:" + Escape(item.CalendarDescription));
        Line(text, "ORGANIZER;CN=" + Escape(item.OrganiserName) + ":mailto:noreply@yingji.local");
        Line(text, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        Line(text, "END:VEVENT");
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append("\r\n");

    private static string Utc(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
