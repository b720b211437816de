namespace Emergency.BuildingBlocks.Clock;

/// <summary>
/// A clock moved forward by a number of days, so a demo or an acceptance run can watch deadlines
/// pass. The Host only uses it in Development (configuration key "Clock:ShiftDays").
/// </summary>
public sealed class ShiftedTimeProvider(TimeProvider inner, TimeSpan shift) : TimeProvider
{
    public TimeSpan Shift => shift;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + shift;

    public override TimeZoneInfo LocalTimeZone => ChinaTime.Zone;
}

/// <summary>China Standard Time (UTC+8, no daylight saving): the time every page shows.</summary>
public static class ChinaTime
{
    public static TimeZoneInfo Zone { get; } = Find();

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime chinaTime) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(chinaTime, DateTimeKind.Unspecified), Zone);

    public static DateTime Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return FromUtc(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>"2026-11-23 14:05" in China time.</summary>
    public static string Format(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // Machines without tzdata: China has had no daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
        }
    }
}
