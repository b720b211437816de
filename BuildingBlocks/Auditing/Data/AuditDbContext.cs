using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.BuildingBlocks.Auditing.Data;

/// <summary>One audited action: append-only; only the retention sweep ever removes rows.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string UserName { get; set; } = "";

    public string? County { get; set; }

    public string Module { get; set; } = "";

    public string Entity { get; set; } = "";

    public string? EntityId { get; set; }

    /// <summary>新增/修改/删除/登录 …</summary>
    public string Action { get; set; } = "";

    /// <summary>成功 or 失败.</summary>
    public string Outcome { get; set; } = "";

    public string Summary { get; set; } = "";

    public string? IpAddress { get; set; }
}

/// <summary>The audit log's own store (data/audit.db on SQLite), read only by the audit admin.</summary>
internal sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : StoreDbContext(options)
{
    public const string StoreName = "audit";

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("AuditEntries");
            b.Property(e => e.UserName).HasMaxLength(100);
            b.Property(e => e.County).HasMaxLength(12);
            b.Property(e => e.Module).HasMaxLength(30);
            b.Property(e => e.Entity).HasMaxLength(100);
            b.Property(e => e.EntityId).HasMaxLength(100);
            b.Property(e => e.Action).HasMaxLength(20);
            b.Property(e => e.Outcome).HasMaxLength(10);
            b.Property(e => e.Summary).HasMaxLength(4000);
            b.Property(e => e.IpAddress).HasMaxLength(45);
            b.HasIndex(e => e.AtUtc);
            b.HasIndex(e => new { e.County, e.AtUtc });
            b.HasIndex(e => new { e.UserName, e.AtUtc });
        });
    }
}

internal sealed class AuditDesignTimeFactory : IDesignTimeDbContextFactory<AuditDbContext>
{
    public AuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AuditDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
