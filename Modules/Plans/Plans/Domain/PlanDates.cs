using System.Globalization;

namespace Emergency.Plans.Domain;

/// <summary>Dates as the module's pages show them (yyyy-MM-dd, China).</summary>
internal static class PlanDates
{
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
