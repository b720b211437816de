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
        void Line(string line) => text.Append(line).Append("\r\n");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//yingji//training//ZH");
        Line("METHOD:" + method);
        Line("BEGIN:VEVENT");
        Line("UID:" + Uid(item, county));
        Line("SEQUENCE:" + sequence.ToString(CultureInfo.InvariantCulture));
        Line("DTSTAMP:" + Utc(nowUtc));
        Line("DTSTART:" + Utc(item.StartsAtUtc));
        Line("DTEND:" + Utc(item.EndsAtUtc));
        Line("SUMMARY:" + Escape(item.CalendarTitle));
        Line("LOCATION:" + Escape(item.Place));
        Line("DESCRIPTION:" + Escape(item.CalendarDescription));
        Line("ORGANIZER;CN=" + Escape(item.OrganiserName) + ":mailto:noreply@yingji.local");
        Line("STATUS:" + (method == "CANCEL" ? "CANCELLED" : "CONFIRMED"));
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return new MailAttachment(method == "CANCEL" ? "cancel.ics" : "invite.ics", $"text/calendar; method={method}; charset=utf-8", text.ToString());
    }

    private static string Utc(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
