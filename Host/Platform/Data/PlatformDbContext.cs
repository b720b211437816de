using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform.Data;

/// <summary>A county of the deployment (行政区划代码 is its key and the name of its data folder).</summary>
internal sealed class County
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public bool Active { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public List<CountyModule> Modules { get; set; } = [];
}

/// <summary>A module the county may use (set by the platform admin).</summary>
internal sealed class CountyModule
{
    public string CountyCode { get; set; } = "";

    public string Module { get; set; } = "";
}

/// <summary>The platform's own store (data/platform.db on SQLite): counties and what they may use.</summary>
internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : StoreDbContext(options)
{
    public const string StoreName = "platform";

    public DbSet<County> Counties => Set<County>();

    public DbSet<CountyModule> CountyModules => Set<CountyModule>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<County>(b =>
        {
            b.ToTable("Counties");
            b.HasKey(c => c.Code);
            b.Property(c => c.Code).HasMaxLength(12);
            b.Property(c => c.Name).HasMaxLength(50);
            b.Property(c => c.TimeZone).HasMaxLength(50);
            b.HasMany(c => c.Modules).WithOne().HasForeignKey(m => m.CountyCode);
        });
        modelBuilder.Entity<CountyModule>(b =>
        {
            b.ToTable("CountyModules");
            b.HasKey(m => new { m.CountyCode, m.Module });
            b.Property(m => m.Module).HasMaxLength(30);
        });
    }
}
