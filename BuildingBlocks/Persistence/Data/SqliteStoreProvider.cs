using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Emergency.BuildingBlocks.Persistence.Data;

/// <summary>
/// The embedded store: one SQLite file per module per county under the data root
/// (<c>counties/&lt;county&gt;/&lt;module&gt;.db</c>) and one per platform store (<c>&lt;name&gt;.db</c>).
/// Every connection runs in WAL mode with a busy timeout, so readers never wait for the writer
/// and a second writer waits instead of failing.
/// </summary>
public sealed class SqliteStoreProvider(string dataRoot) : IStoreProvider
{
    private static readonly SqlitePragmas Pragmas = new();

    public string DataRoot { get; } = Path.GetFullPath(dataRoot);

    public void Configure(DbContextOptionsBuilder builder, StoreKey key)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlite(ConnectionString(key, SqliteOpenMode.ReadWriteCreate, pooling: true)).AddInterceptors(Pragmas);
    }

    /// <summary>
    /// Opening it fails where the file does not exist: it never creates one (the migrator does that). Not pooled: it
    /// is opened once a start, and a pooled one would keep a second idle handle per store beside the contexts' pool.
    /// </summary>
    public DbConnection CreateConnection(StoreKey key) => new SqliteConnection(ConnectionString(key, SqliteOpenMode.ReadWrite, pooling: false));

    public async Task CheckpointAsync(StoreDbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    public string Describe(StoreKey key) => PathOf(key);

    private string ConnectionString(StoreKey key, SqliteOpenMode mode, bool pooling)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Cache = SqliteCacheMode.Private,
            Pooling = pooling,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string PathOf(StoreKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.County is null
            ? Path.Combine(DataRoot, $"{Safe(key.Name)}.db")
            : Path.Combine(DataRoot, "counties", Safe(key.County), $"{Safe(key.Name)}.db");
    }

    private static string Safe(string part) =>
        part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? part
            : throw new ArgumentException($"'{part}' is not a safe store name.", nameof(part));

    /// <summary>
    /// Sets the connection's pragmas once per physical connection: a pooled connection keeps them, so a
    /// reopened one runs no extra statement (issue #16: this was one statement before every query).
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        private const string Sql = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Prepared = new();
        private static readonly object Marker = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsPrepared(connection))
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.ExecuteNonQuery();
            MarkPrepared(connection);
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsPrepared(connection))
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkPrepared(connection);
        }

        private static bool IsPrepared(DbConnection connection) =>
            connection is SqliteConnection { Handle: { } handle } && Prepared.TryGetValue(handle, out _);

        private static void MarkPrepared(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle })
            {
                Prepared.AddOrUpdate(handle, Marker);
            }
        }
    }
}
