using System.Text.RegularExpressions;
using Emergency.Enforcement.Data;

namespace Emergency.Enforcement.Domain;

/// <summary>A running statutory clock of a case: its key, name and the moment it runs out (China time).</summary>
internal sealed record CaseClock(string Key, string Name, DateTime DueLocal)
{
    /// <summary>The key a missed clock is recorded under (once per clock and due moment).</summary>
    public string MissedKey => $"{Key}@{DueLocal:yyyy-MM-dd HH:mm}";

    /// <summary>Whole days left from <paramref name="nowLocal"/> (negative: overdue), by date.</summary>
    public int DaysLeft(DateTime nowLocal) => DateOnly.FromDateTime(DueLocal).DayNumber - DateOnly.FromDateTime(nowLocal).DayNumber;
}

/// <summary>
/// The clocks of a case as the law counts them (the due dates are computed when the step that starts them is recorded,
/// through <see cref="BuildingBlocks.Calendar.IWorkingDays"/> for 工作日 periods): 立案 (working days from discovery),
/// 决定 (calendar days from 立案, moved off a holiday), 公示 (working days from the decision), 移送审批 (days from the
/// finding) and 移送 (hours from the approval). A date clock runs out at the end of its day.
/// </summary>
internal static class CaseClocks
{
    public static DateTime EndOf(DateOnly day) => day.ToDateTime(new TimeOnly(23, 59, 59));

    public static IReadOnlyList<CaseClock> Running(Case c, int transferApprovalDays, int transferHours)
    {
        ArgumentNullException.ThrowIfNull(c);
        var clocks = new List<CaseClock>();
        if (c.State == CaseState.Referred)
        {
            clocks.Add(new("filing", "立案期限", EndOf(c.FilingDue)));
        }

        if (c.DecisionNumber is null && c.DecisionDue is { } decision && c.State is CaseState.Filed or CaseState.Investigated or CaseState.Notified or CaseState.Reviewed or CaseState.Discussed)
        {
            clocks.Add(new("decision", "作出处罚决定期限", EndOf(decision)));
        }

        if (c.DecisionNumber is not null && c.PublishedOn is null && c.PublishDue is { } publish)
        {
            clocks.Add(new("publish", "处罚决定公示期限", EndOf(publish)));
        }

        if (c.SuspectedCrime && c.TransferredAtUtc is null && c.State != CaseState.Closed)
        {
            if (c.TransferApprovedAtUtc is { } approved)
            {
                clocks.Add(new("transfer", "移送公安机关期限", BuildingBlocks.Clock.ChinaTime.FromUtc(approved).AddHours(transferHours)));
            }
            else if (c.CrimeMarkedAtUtc is { } marked)
            {
                clocks.Add(new("transfer-approval", "移送审批期限", EndOf(DateOnly.FromDateTime(BuildingBlocks.Clock.ChinaTime.FromUtc(marked)).AddDays(transferApprovalDays))));
            }
        }

        return clocks;
    }

    /// <summary>加处罚款: the set per cent of the fine per day after the payment due date, never more than the fine.</summary>
    public static long LateFee(Case c, DateOnly today, int percentPerDay)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.PaymentDue is not { } due || c.Fine <= 0)
        {
            return 0;
        }

        var until = c.PaidOn ?? today;
        var days = until.DayNumber - due.DayNumber;
        return days <= 0 ? 0 : Math.Min(c.Fine, c.Fine * percentPerDay * days / 100);
    }
}

/// <summary>Masks personal data for 公示: individuals' names (surname + 某), 身份证号 and mobile numbers.</summary>
internal static partial class PublicMask
{
    public static string Name(string name) => name.Length == 0 ? "" : name[..1] + "某";

    public static string Text(string text, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var masked = IdNumber().Replace(text, m => m.Value[..6] + new string('*', 8) + m.Value[14..]);
        masked = Mobile().Replace(masked, m => m.Value[..3] + "****" + m.Value[7..]);
        foreach (var name in names.Where(n => n.Length > 1).Distinct().OrderByDescending(n => n.Length))
        {
            masked = masked.Replace(name, Name(name), StringComparison.Ordinal);
        }

        return masked;
    }

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?![\dXx])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();
}
