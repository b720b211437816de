using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Emergency.BuildingBlocks.Persistence;

/// <summary>Start-up's one way to bring a database up to date.</summary>
public static class MigrateIfPending
{
    private static readonly ConcurrentDictionary<Type, string[]> Known = new();

    /// <summary>
    /// Applies pending migrations (creating the database when new). The check comes first and touches neither the
    /// EF model nor the context's services (either builds the model, about 0.2 s a context type here): it compares
    /// the migrations compiled for the context type with the ids in the history table, one plain query on a plain
    /// connection. A start on an existing data folder so builds no model; a page builds it when it first uses the store.
    /// </summary>
    public static async Task MigrateIfPendingAsync(this StoreOptionsFactory options, DbContext context, StoreKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (!await options.IsCurrentAsync(context.GetType(), key, cancellationToken))
        {
            await context.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>Whether every migration of the context type is recorded in the history table of the connection's database (the connection is disposed).</summary>
    internal static async Task<bool> IsCurrentAsync(Type contextType, DbConnection unopened, CancellationToken cancellationToken)
    {
        await using var connection = unopened;
        var known = Known.GetOrAdd(contextType, MigrationsOf);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Standard SQL on EF's own history table: the same on SQLite and PostgreSQL.
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            // No history table yet: a new database.
            return false;
        }

        return known.Length > 0 && known.All(applied.Contains);
    }

    private static string[] MigrationsOf(Type contextType) =>
        contextType.Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .ToArray();
}
