using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.Experts.Data;

/// <summary>The Experts module's store: one SQLite file per county (data/counties/&lt;county&gt;/experts.db).</summary>
internal sealed class ExpertsDbContext(DbContextOptions<ExpertsDbContext> options) : StoreDbContext(options)
{
    public DbSet<Field> Fields => Set<Field>();

    public DbSet<RecommendationRound> Rounds => Set<RecommendationRound>();

    public DbSet<RoundUnit> RoundUnits => Set<RoundUnit>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<Expert> Experts => Set<Expert>();

    public DbSet<ExpertField> ExpertFields => Set<ExpertField>();

    public DbSet<Unavailability> Unavailabilities => Set<Unavailability>();

    public DbSet<Participation> Participations => Set<Participation>();

    public DbSet<Dispatch> Dispatches => Set<Dispatch>();

    public DbSet<DispatchAssignment> DispatchAssignments => Set<DispatchAssignment>();

    public DbSet<AssistanceRequest> AssistanceRequests => Set<AssistanceRequest>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingInvitation> MeetingInvitations => Set<MeetingInvitation>();

    public DbSet<ExitRequest> ExitRequests => Set<ExitRequest>();

    public DbSet<DisqualificationReview> DisqualificationReviews => Set<DisqualificationReview>();

    public DbSet<ExpertChange> ExpertChanges => Set<ExpertChange>();

    public DbSet<TeamFiling> TeamFilings => Set<TeamFiling>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Field>(b =>
        {
            b.ToTable("Fields");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.RecommendingUnits).HasMaxLength(200);
            b.HasIndex(x => x.Name).IsUnique();
            b.HasData(FieldSeed.Fields);
        });
        modelBuilder.Entity<RecommendationRound>(b =>
        {
            b.ToTable("Rounds");
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Notes).HasMaxLength(2000);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.HasMany(x => x.Units).WithOne().HasForeignKey(u => u.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RoundUnit>(b =>
        {
            b.ToTable("RoundUnits");
            b.Property(x => x.UnitKey).HasMaxLength(40);
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.HasIndex(x => new { x.RoundId, x.UnitKey }).IsUnique();
        });
        modelBuilder.Entity<Recommendation>(b =>
        {
            b.ToTable("Recommendations");
            b.Property(x => x.UnitKey).HasMaxLength(40);
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.IdCardNumber).HasMaxLength(18);
            b.Property(x => x.Employer).HasMaxLength(100);
            b.Property(x => x.Title).HasMaxLength(50);
            b.Property(x => x.Specialty).HasMaxLength(100);
            b.Property(x => x.Mobile).HasMaxLength(11);
            b.Property(x => x.Email).HasMaxLength(254);
            b.Property(x => x.Experience).HasMaxLength(4000);
            b.Property(x => x.UnitOpinion).HasMaxLength(1000);
            b.Property(x => x.ReviewNote).HasMaxLength(1000);
            b.Property(x => x.ReviewedBy).HasMaxLength(64);
            b.Property(x => x.DecidedBy).HasMaxLength(64);
            b.Property(x => x.SubmittedBy).HasMaxLength(64);
            b.HasOne(x => x.Field).WithMany().HasForeignKey(x => x.FieldId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(x => new { x.RoundId, x.UnitKey });
            b.HasIndex(x => x.IdCardNumber);
            b.HasIndex(x => x.Status);
        });
        modelBuilder.Entity<Expert>(b =>
        {
            b.ToTable("Experts");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.IdCardNumber).HasMaxLength(18);
            b.Property(x => x.Employer).HasMaxLength(100);
            b.Property(x => x.EmployerEmail).HasMaxLength(254);
            b.Property(x => x.Title).HasMaxLength(50);
            b.Property(x => x.Specialty).HasMaxLength(100);
            b.Property(x => x.Mobile).HasMaxLength(11);
            b.Property(x => x.Email).HasMaxLength(254);
            b.Property(x => x.DepartmentName).HasMaxLength(100);
            b.Property(x => x.CertificateNumber).HasMaxLength(40);
            b.Property(x => x.StatusReason).HasMaxLength(1000);
            // One archive per person in a county: the ID-card number cannot be admitted twice.
            b.HasIndex(x => x.IdCardNumber).IsUnique();
            b.HasIndex(x => x.CertificateNumber).IsUnique();
            b.HasIndex(x => new { x.Status, x.Level, x.Name });
            b.HasIndex(x => new { x.DepartmentId, x.Status });
            b.HasIndex(x => x.TermEnd);
            // The archive's default order (status, name, employer; the rowid breaks ties): pages walk the index, and
            // a name-or-employer search reads the index alone, not the rows (issue #16).
            b.HasIndex(x => new { x.Status, x.Name, x.Employer }).HasDatabaseName("IX_Experts_Status_Name_Employer");
            b.HasMany(x => x.Fields).WithOne().HasForeignKey(f => f.ExpertId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ExpertField>(b =>
        {
            b.ToTable("ExpertFields");
            b.HasKey(x => new { x.ExpertId, x.FieldId });
            b.HasIndex(x => new { x.FieldId, x.ExpertId });
            b.HasOne(x => x.Field).WithMany().HasForeignKey(x => x.FieldId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Unavailability>(b =>
        {
            b.ToTable("Unavailabilities");
            b.Property(x => x.Reason).HasMaxLength(200);
            b.HasIndex(x => new { x.ExpertId, x.From });
        });
        modelBuilder.Entity<Participation>(b =>
        {
            b.ToTable("Participations");
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.DepartmentName).HasMaxLength(100);
            b.HasIndex(x => new { x.ExpertId, x.AtUtc });
            b.HasIndex(x => new { x.DepartmentId, x.AtUtc });
        });
        modelBuilder.Entity<Dispatch>(b =>
        {
            b.ToTable("Dispatches");
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Description).HasMaxLength(4000);
            b.Property(x => x.Location).HasMaxLength(200);
            b.Property(x => x.DepartmentName).HasMaxLength(100);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.HasIndex(x => x.AssistanceRequestId);
            b.HasMany(x => x.Assignments).WithOne().HasForeignKey(a => a.DispatchId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AssistanceRequest>(b =>
        {
            b.ToTable("AssistanceRequests");
            b.Property(x => x.Source).HasMaxLength(32);
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.Property(x => x.TargetName).HasMaxLength(200);
            b.Property(x => x.Fields).HasMaxLength(500);
            b.Property(x => x.Location).HasMaxLength(200);
            b.Property(x => x.Reason).HasMaxLength(2000);
            b.Property(x => x.RequestedBy).HasMaxLength(64);
            b.HasIndex(x => new { x.Source, x.ReferenceId }).IsUnique();
            b.HasIndex(x => x.DispatchId);
        });
        modelBuilder.Entity<DispatchAssignment>(b =>
        {
            b.ToTable("DispatchAssignments");
            b.Property(x => x.DeclineReason).HasMaxLength(500);
            b.Property(x => x.TokenHash).HasMaxLength(64);
            b.Property(x => x.AnswerTakenBy).HasMaxLength(64);
            b.HasIndex(x => new { x.DispatchId, x.ExpertId }).IsUnique();
            b.HasIndex(x => x.ExpertId);
            b.HasIndex(x => x.TokenHash).IsUnique();
        });
        modelBuilder.Entity<Meeting>(b =>
        {
            b.ToTable("Meetings");
            b.Property(x => x.Topic).HasMaxLength(200);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.DepartmentName).HasMaxLength(100);
            b.Property(x => x.Report).HasMaxLength(20000);
            b.Property(x => x.ReportFileName).HasMaxLength(200);
            b.Property(x => x.ReportStoredName).HasMaxLength(100);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.Property(x => x.CancelledBy).HasMaxLength(64);
            b.Property(x => x.CancelReason).HasMaxLength(500);
            b.HasMany(x => x.Invitations).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MeetingInvitation>(b =>
        {
            b.ToTable("MeetingInvitations");
            b.Property(x => x.ExcuseReason).HasMaxLength(500);
            b.HasIndex(x => new { x.MeetingId, x.ExpertId }).IsUnique();
            b.HasIndex(x => x.ExpertId);
        });
        modelBuilder.Entity<ExitRequest>(b =>
        {
            b.ToTable("ExitRequests");
            b.Property(x => x.Reason).HasMaxLength(1000);
            b.Property(x => x.RequestedBy).HasMaxLength(64);
            b.Property(x => x.DecidedBy).HasMaxLength(64);
            b.Property(x => x.DecisionNote).HasMaxLength(1000);
            b.HasIndex(x => new { x.ExpertId, x.Status });
        });
        modelBuilder.Entity<DisqualificationReview>(b =>
        {
            b.ToTable("DisqualificationReviews");
            b.Property(x => x.Detail).HasMaxLength(2000);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.Property(x => x.DecidedBy).HasMaxLength(64);
            b.Property(x => x.DecisionNote).HasMaxLength(1000);
            // One pending review per expert and cause, whatever races.
            b.HasIndex(x => new { x.ExpertId, x.Cause }).IsUnique().HasFilter("\"Status\" = 0").HasDatabaseName("IX_DisqualificationReviews_Open");
            b.HasIndex(x => new { x.Status, x.CreatedAtUtc });
        });
        modelBuilder.Entity<ExpertChange>(b =>
        {
            b.ToTable("ExpertChanges");
            b.Property(x => x.Lines).HasMaxLength(4000);
            b.Property(x => x.Proposed).HasMaxLength(4000);
            b.Property(x => x.ProposedBy).HasMaxLength(64);
            b.Property(x => x.ProposedByUnit).HasMaxLength(100);
            b.Property(x => x.DecidedBy).HasMaxLength(64);
            b.Property(x => x.RejectReason).HasMaxLength(500);
            b.HasIndex(x => new { x.ExpertId, x.ProposedAtUtc });
            b.HasIndex(x => new { x.Status, x.ProposedAtUtc });
            b.HasIndex(x => new { x.DepartmentId, x.Status, x.DecidedAtUtc });
        });
        modelBuilder.Entity<TeamFiling>(b =>
        {
            b.ToTable("TeamFilings");
            b.Property(x => x.DepartmentName).HasMaxLength(100);
            b.Property(x => x.Names).HasMaxLength(20000);
            b.Property(x => x.FiledBy).HasMaxLength(64);
            b.HasIndex(x => new { x.Year, x.DepartmentId, x.FiledAtUtc });
            b.HasIndex(x => new { x.DepartmentId, x.FiledAtUtc });
        });
    }
}

internal sealed class ExpertsDesignTimeFactory : IDesignTimeDbContextFactory<ExpertsDbContext>
{
    public ExpertsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ExpertsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
