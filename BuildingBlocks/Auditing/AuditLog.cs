using Emergency.BuildingBlocks.Auditing.Data;
using Emergency.BuildingBlocks.Persistence;

namespace Emergency.BuildingBlocks.Auditing;

/// <summary>Who is acting: the signed-in user of the request, or the system for jobs and handlers.</summary>
public interface IAuditActor
{
    string UserName { get; }

    string? County { get; }

    string? IpAddress { get; }
}

/// <summary>Writes audit entries to the audit store.</summary>
public sealed class AuditLog(StoreOptionsFactory options, IAuditActor actor, TimeProvider clock)
{
    public const string Success = "成功";
    public const string Failure = "失败";

    /// <summary>Records an action that is not a data write (a sign-in, an export, a denied access).</summary>
    public Task RecordAsync(string module, string entity, string? entityId, string action, string outcome, string summary,
        string? userName = null, string? county = null, CancellationToken cancellationToken = default) =>
        WriteAsync(
            [
                new AuditEntry
                {
                    Module = module, Entity = entity, EntityId = entityId, Action = action, Outcome = outcome, Summary = summary,
                    UserName = userName ?? actor.UserName, County = county ?? actor.County,
                },
            ],
            cancellationToken);

    internal async Task WriteAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = options.Open<AuditDbContext>(StoreKey.Platform(AuditDbContext.StoreName));
        foreach (var entry in entries)
        {
            entry.AtUtc = now;
            entry.IpAddress ??= actor.IpAddress;
            if (entry.UserName.Length == 0)
            {
                entry.UserName = actor.UserName;
            }

            db.Entries.Add(entry);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
