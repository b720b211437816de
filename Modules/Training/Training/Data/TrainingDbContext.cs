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

    public DbSet<Drill> Drills => Set<Drill>();

    public DbSet<DrillUnit> DrillUnits => Set<DrillUnit>();

    public DbSet<DrillProblem> DrillProblems => Set<DrillProblem>();

    public DbSet<DrillPhoto> DrillPhotos => Set<DrillPhoto>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<KnownPerson> KnownPeople => Set<KnownPerson>();

    public DbSet<SkillTick> SkillTicks => Set<SkillTick>();

    public DbSet<KnownPlan> KnownPlans => Set<KnownPlan>();

    public DbSet<FeedStamp> FeedStamps => Set<FeedStamp>();

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
            b.HasIndex(x => x.KnownPersonId);
        });
        modelBuilder.Entity<KnownPerson>(b =>
        {
            b.ToTable("KnownPeople");
            b.Property(x => x.SourceModule).HasMaxLength(16);
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.IdCard).HasMaxLength(18);
            b.Property(x => x.Mobile).HasMaxLength(20);
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.Property(x => x.Role).HasMaxLength(20);
            b.Property(x => x.Detail).HasMaxLength(500);
            b.HasIndex(x => new { x.SourceModule, x.SourceId }).IsUnique();
            b.HasIndex(x => new { x.TownshipId, x.UnitKind, x.UnitId });
            b.HasIndex(x => x.IdCard);
        });
        modelBuilder.Entity<KnownPlan>(b =>
        {
            b.ToTable("KnownPlans");
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Type).HasMaxLength(40);
            b.Property(x => x.Category).HasMaxLength(40);
            b.Property(x => x.OwnerName).HasMaxLength(100);
            b.Property(x => x.DocumentNumber).HasMaxLength(100);
            b.HasIndex(x => x.PlanId).IsUnique();
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<FeedStamp>(b =>
        {
            b.ToTable("FeedStamps");
            b.Property(x => x.UserName).HasMaxLength(64);
            b.HasIndex(x => x.UserName).IsUnique();
        });
        modelBuilder.Entity<SkillTick>(b =>
        {
            b.ToTable("SkillTicks");
            b.Property(x => x.TickedBy).HasMaxLength(64);
            b.Property(x => x.TickedByName).HasMaxLength(100);
            b.HasIndex(x => new { x.KnownPersonId, x.Item }).IsUnique().HasFilter("KnownPersonId IS NOT NULL");
            b.HasIndex(x => new { x.InviteeId, x.Item }).IsUnique().HasFilter("InviteeId IS NOT NULL");
        });
        modelBuilder.Entity<Shortfall>(b =>
        {
            b.ToTable("Shortfalls");
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.HasIndex(x => new { x.Year, x.UnitKind, x.UnitId }).IsUnique();
            b.HasIndex(x => new { x.Year, x.TownshipId });
        });
        modelBuilder.Entity<Drill>(b =>
        {
            b.ToTable("Drills");
            b.Property(x => x.PlanName).HasMaxLength(200);
            b.Property(x => x.Scenario).HasMaxLength(2000);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.OrganiserName).HasMaxLength(100);
            b.Property(x => x.Teams).HasMaxLength(1000);
            b.Property(x => x.Observers).HasMaxLength(500);
            b.Property(x => x.Account).HasMaxLength(4000);
            b.Property(x => x.Improvements).HasMaxLength(4000);
            b.Property(x => x.EvaluationReport).HasMaxLength(8000);
            b.Property(x => x.EvaluationFileName).HasMaxLength(100);
            b.Property(x => x.EvaluationContentType).HasMaxLength(100);
            b.Property(x => x.EvaluationOriginalName).HasMaxLength(200);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.Property(x => x.CancelReason).HasMaxLength(500);
            b.HasIndex(x => new { x.Status, x.StartsAtUtc });
            b.HasIndex(x => x.TownshipId);
            b.HasMany(x => x.Units).WithOne().HasForeignKey(u => u.DrillId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Problems).WithOne().HasForeignKey(p => p.DrillId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Photos).WithOne().HasForeignKey(p => p.DrillId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DrillUnit>(b =>
        {
            b.ToTable("DrillUnits");
            b.HasKey(x => new { x.DrillId, x.UnitKind, x.UnitId });
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.HasIndex(x => new { x.UnitKind, x.UnitId });
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<DrillProblem>(b =>
        {
            b.ToTable("DrillProblems");
            b.Property(x => x.Text).HasMaxLength(500);
            b.HasIndex(x => x.DrillId);
        });
        modelBuilder.Entity<Certificate>(b =>
        {
            b.ToTable("Certificates");
            b.Property(x => x.Number).HasMaxLength(50);
            b.Property(x => x.HolderName).HasMaxLength(50);
            b.Property(x => x.IdCard).HasMaxLength(18);
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.Property(x => x.IssuedBy).HasMaxLength(64);
            b.HasIndex(x => new { x.Kind, x.Number }).IsUnique();
            b.HasIndex(x => x.ExpiresOn);
            b.HasIndex(x => x.TownshipId);
            b.HasIndex(x => x.IdCard);
        });
        modelBuilder.Entity<DrillPhoto>(b =>
        {
            b.ToTable("DrillPhotos");
            b.Property(x => x.FileName).HasMaxLength(100);
            b.Property(x => x.ContentType).HasMaxLength(50);
            b.HasIndex(x => x.DrillId);
        });
    }
}

internal sealed class TrainingDesignTimeFactory : IDesignTimeDbContextFactory<TrainingDbContext>
{
    public TrainingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TrainingDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
