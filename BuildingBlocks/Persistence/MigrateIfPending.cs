using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>Start-up's one way to bring a database up to date.</summary>
public static class MigrateIfPending
{
    /// <summary>
    /// Applies pending migrations (creating the database when new). The check comes first: it reads the history
    /// table only, whereas migrating also compares the model with the last snapshot, the slow part of a start on an
    /// existing data folder.
    /// </summary>
    public static async Task MigrateIfPendingAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if ((await database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await database.MigrateAsync(cancellationToken);
        }
    }
}
