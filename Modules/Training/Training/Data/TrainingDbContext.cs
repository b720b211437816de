using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.Training.Data;

/// <summary>The Training module's store: one SQLite file per county (data/counties/&lt;county&gt;/training.db).</summary>
internal sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options) : StoreDbContext(options)
{
    public DbSet<TrainingSession> Sessions => Set<TrainingSession>();

    public DbSet<SessionTarget> Targets => Set<SessionTarget>();

    public DbSet<Invitee> Invitees => Set<Invitee>();

    public DbSet<Shortfall> Shortfalls => Set<Shortfall>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TrainingSession>(b =>
        {
            b.ToTable("Sessions");
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Content).HasMaxLength(2000);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.Trainer).HasMaxLength(100);
            b.Property(x => x.OrganiserName).HasMaxLength(100);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.Property(x => x.CancelReason).HasMaxLength(500);
            b.HasIndex(x => new { x.Status, x.StartsAtUtc });
            b.HasIndex(x => x.TownshipId);
            b.HasMany(x => x.Targets).WithOne().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Invitees).WithOne().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SessionTarget>(b =>
        {
            b.ToTable("SessionTargets");
            b.HasKey(x => new { x.SessionId, x.UnitKind, x.UnitId });
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.HasIndex(x => new { x.UnitKind, x.UnitId });
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<Invitee>(b =>
        {
            b.ToTable("Invitees");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.Property(x => x.Email).HasMaxLength(320);
            b.Property(x => x.Mobile).HasMaxLength(11);
            b.Property(x => x.IdCard).HasMaxLength(18);
            b.HasIndex(x => x.SessionId);
        });
        modelBuilder.Entity<Shortfall>(b =>
        {
            b.ToTable("Shortfalls");
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.HasIndex(x => new { x.Year, x.UnitKind, x.UnitId }).IsUnique();
            b.HasIndex(x => new { x.Year, x.TownshipId });
        });
    }
}

internal sealed class TrainingDesignTimeFactory : IDesignTimeDbContextFactory<TrainingDbContext>
{
    public TrainingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TrainingDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
