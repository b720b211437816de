using Emergency.Enforcement.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Domain;

/// <summary>Gap-free document numbers ("青山县应急罚〔2026〕3号"), one counter per kind and year.</summary>
internal static class DocumentNumbers
{
    /// <summary>
    /// The next number of a kind and year: the counter row is advanced first (taking the write lock), inside the
    /// caller's transaction, so two documents never share a number and a rolled-back one leaves no gap. Call it as the
    /// first statement of the transaction.
    /// </summary>
    public static async Task<string> NextAsync(EnforcementDbContext db, string kind, int year, string countyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var updated = await db.DocumentCounters.Where(c => c.Kind == kind && c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken);
        int number;
        if (updated == 0)
        {
            db.DocumentCounters.Add(new DocumentCounter { Kind = kind, Year = year, Last = 1 });
            number = 1;
        }
        else
        {
            number = await db.DocumentCounters.AsNoTracking().Where(c => c.Kind == kind && c.Year == year).Select(c => c.Last).SingleAsync(cancellationToken);
        }

        return $"{countyName}应急{kind}〔{year}〕{number}号";
    }
}
