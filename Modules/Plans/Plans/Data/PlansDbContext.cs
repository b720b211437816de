using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.Plans.Data;

/// <summary>The Plans module's store: one SQLite file per county (data/counties/&lt;county&gt;/plans.db).</summary>
internal sealed class PlansDbContext(DbContextOptions<PlansDbContext> options) : StoreDbContext(options)
{
    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanVersion> Versions => Set<PlanVersion>();

    public DbSet<Filing> Filings => Set<Filing>();

    public DbSet<ReviewExpert> ReviewExperts => Set<ReviewExpert>();

    public DbSet<PlanReview> Reviews => Set<PlanReview>();

    public DbSet<PlanReviewer> Reviewers => Set<PlanReviewer>();

    public DbSet<PlanEvaluation> Evaluations => Set<PlanEvaluation>();

    public DbSet<RevisionTrigger> Triggers => Set<RevisionTrigger>();

    public DbSet<PlanDrill> Drills => Set<PlanDrill>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Plan>(b =>
        {
            b.ToTable("Plans");
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.OwnerName).HasMaxLength(100);
            b.Property(x => x.EnterpriseName).HasMaxLength(200);
            b.Property(x => x.Risks).HasMaxLength(2000);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            // The registry's order (level, township, type, id): read in index order county-wide and for one township
            // instead of sorting every plan of the county on each request.
            b.HasIndex(x => new { x.OwnerLevel, x.TownshipId, x.Type });
            b.HasIndex(x => new { x.TownshipId, x.OwnerLevel, x.Type });
            b.HasIndex(x => x.DepartmentId);
            b.HasIndex(x => x.HigherPlanId);
            b.HasIndex(x => new { x.Type, x.Status });
            b.HasOne<Plan>().WithMany().HasForeignKey(x => x.HigherPlanId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PlanVersion>(b =>
        {
            b.ToTable("PlanVersions");
            b.Property(x => x.FileName).HasMaxLength(100);
            b.Property(x => x.ContentType).HasMaxLength(100);
            b.Property(x => x.OriginalName).HasMaxLength(200);
            b.Property(x => x.Summary).HasMaxLength(2000);
            b.Property(x => x.Reason).HasMaxLength(1000);
            b.Property(x => x.UploadedBy).HasMaxLength(64);
            b.Property(x => x.Signer).HasMaxLength(50);
            b.Property(x => x.DocumentNumber).HasMaxLength(100);
            b.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
        });
        modelBuilder.Entity<Filing>(b =>
        {
            b.ToTable("Filings");
            b.Property(x => x.ReceiverName).HasMaxLength(100);
            b.Property(x => x.SubmittedBy).HasMaxLength(64);
            b.Property(x => x.AnsweredBy).HasMaxLength(64);
            b.Property(x => x.Corrections).HasMaxLength(4000);
            b.Property(x => x.FilingNumber).HasMaxLength(50);
            b.HasIndex(x => x.VersionId).IsUnique();
            b.HasIndex(x => new { x.State, x.DueOn });
            b.HasIndex(x => x.PlanId);
        });
        modelBuilder.Entity<PlanVersion>().Property(x => x.Author).HasMaxLength(200);
        modelBuilder.Entity<ReviewExpert>(b =>
        {
            b.ToTable("ReviewExperts");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.Unit).HasMaxLength(100);
            b.Property(x => x.Fields).HasMaxLength(500);
            b.Property(x => x.Employer).HasMaxLength(100);
            b.HasIndex(x => x.ExpertId).IsUnique();
        });
        modelBuilder.Entity<PlanReview>(b =>
        {
            b.ToTable("PlanReviews");
            b.Property(x => x.ConvenedBy).HasMaxLength(64);
            b.HasIndex(x => x.VersionId);
            b.HasMany(x => x.Reviewers).WithOne().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PlanReviewer>(b =>
        {
            b.ToTable("PlanReviewers");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.Unit).HasMaxLength(100);
            b.Property(x => x.Opinion).HasMaxLength(2000);
        });
        modelBuilder.Entity<PlanEvaluation>(b =>
        {
            b.ToTable("PlanEvaluations");
            b.Property(x => x.Report).HasMaxLength(4000);
            b.Property(x => x.FileName).HasMaxLength(100);
            b.Property(x => x.ContentType).HasMaxLength(100);
            b.Property(x => x.OriginalName).HasMaxLength(200);
            b.Property(x => x.RecordedBy).HasMaxLength(64);
            b.HasIndex(x => x.PlanId);
        });
        modelBuilder.Entity<RevisionTrigger>(b =>
        {
            b.ToTable("RevisionTriggers");
            b.Property(x => x.Note).HasMaxLength(1000);
            b.Property(x => x.SourceKey).HasMaxLength(100);
            b.Property(x => x.RaisedBy).HasMaxLength(64);
            b.Property(x => x.ClosedReason).HasMaxLength(500);
            b.Property(x => x.ClosedBy).HasMaxLength(64);
            b.HasIndex(x => new { x.PlanId, x.ClosedAtUtc });
            b.HasIndex(x => x.SourceKey);
        });
        modelBuilder.Entity<PlanDrill>(b =>
        {
            b.ToTable("PlanDrills");
            b.Property(x => x.FileName).HasMaxLength(100);
            b.Property(x => x.ContentType).HasMaxLength(100);
            b.Property(x => x.OriginalName).HasMaxLength(200);
            b.Property(x => x.RecordedBy).HasMaxLength(64);
            b.HasIndex(x => x.PlanId);
        });
    }
}

internal sealed class PlansDesignTimeFactory : IDesignTimeDbContextFactory<PlansDbContext>
{
    public PlansDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlansDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
