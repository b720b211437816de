using Emergency.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Domain;

/// <summary>
/// Each user's calendar-feed stamp (<see cref="FeedStamp"/>): the signed link carries it, the feed refuses a link
/// whose stamp is not the current one, and 重置订阅链接 moves it on — only ever the signed-in user's own.
/// </summary>
internal sealed class FeedStamps(TrainingDbContext db, TimeProvider clock)
{
    /// <summary>The user's current stamp; 0 for a user who never reset their link.</summary>
    public async Task<int> CurrentAsync(string userName, CancellationToken cancellationToken) =>
        await db.FeedStamps.AsNoTracking().Where(s => s.UserName == userName).Select(s => (int?)s.Stamp).SingleOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>Moves the user's stamp on: every link made before stops working. Returns the new stamp.</summary>
    public async Task<int> ResetAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var row = await db.FeedStamps.SingleOrDefaultAsync(s => s.UserName == userName, cancellationToken);
        if (row is null)
        {
            row = new FeedStamp { UserName = userName };
            db.FeedStamps.Add(row);
        }

        row.Stamp++;
        row.ResetAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return row.Stamp;
    }
}
