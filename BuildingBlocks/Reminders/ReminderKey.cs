using System.Globalization;

namespace Emergency.BuildingBlocks.Reminders;

/// <summary>
/// The send-once key of a reminder, built one way by every job: its parts joined with ':', each written
/// invariantly (a time as <c>yyyyMMddHHmm</c> UTC, a date as <c>yyyyMMdd</c>, a number without grouping),
/// e.g. <c>ReminderKey.For("hazard", 42, "overdue", deadline)</c> → <c>hazard:42:overdue:202611250800</c>.
/// </summary>
public readonly record struct ReminderKey
{
    private ReminderKey(string value) => Value = value;

    public string Value { get; }

    public static ReminderKey For(params object?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
        {
            throw new ArgumentException("A reminder key needs at least one part.", nameof(parts));
        }

        var value = string.Join(':', parts.Select(Format));
        return value.Length <= 300 ? new ReminderKey(value) : throw new ArgumentException("A reminder key is at most 300 characters.", nameof(parts));
    }

    public override string ToString() => Value;

    private static string Format(object? part) => part switch
    {
        null => "-",
        DateTime time => (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        Enum value => value.ToString().ToLowerInvariant(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => part.ToString() ?? "-",
    };
}
