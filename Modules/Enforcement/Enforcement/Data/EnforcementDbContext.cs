using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.Enforcement.Data;

/// <summary>The Enforcement module's store: one SQLite file per county (data/counties/&lt;county&gt;/enforcement.db).</summary>
internal sealed class EnforcementDbContext(DbContextOptions<EnforcementDbContext> options) : StoreDbContext(options)
{
    public DbSet<Target> Targets => Set<Target>();

    public DbSet<Officer> Officers => Set<Officer>();

    public DbSet<Conflict> Conflicts => Set<Conflict>();

    public DbSet<Draw> Draws => Set<Draw>();

    public DbSet<DrawItem> DrawItems => Set<DrawItem>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<InspectionPhoto> InspectionPhotos => Set<InspectionPhoto>();

    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseStep> CaseSteps => Set<CaseStep>();

    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();

    public DbSet<ExpertRequest> ExpertRequests => Set<ExpertRequest>();

    public DbSet<ExpertHelper> ExpertHelpers => Set<ExpertHelper>();

    public DbSet<CaseReview> CaseReviews => Set<CaseReview>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Target>(b =>
        {
            b.ToTable("Targets");
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.CreditCode).HasMaxLength(18);
            b.Property(x => x.Address).HasMaxLength(300);
            b.Property(x => x.TownshipName).HasMaxLength(100);
            b.Property(x => x.Industry).HasMaxLength(50);
            b.Property(x => x.ContactMobile).HasMaxLength(11);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.HasIndex(x => x.CreditCode).IsUnique();
            b.HasIndex(x => x.TownshipId);
            b.HasIndex(x => x.JurisdictionTownshipId);
        });
        modelBuilder.Entity<Officer>(b =>
        {
            b.ToTable("Officers");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.Property(x => x.CertificateNumber).HasMaxLength(50);
            b.Property(x => x.Mobile).HasMaxLength(11);
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<Conflict>(b =>
        {
            b.ToTable("Conflicts");
            b.Property(x => x.Reason).HasMaxLength(200);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.HasIndex(x => new { x.OfficerId, x.TargetId }).IsUnique();
            b.HasIndex(x => x.TargetId);
        });
        modelBuilder.Entity<Draw>(b =>
        {
            b.ToTable("Draws");
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.Property(x => x.Filters).HasMaxLength(500);
            b.Property(x => x.Seed).HasMaxLength(16);
            b.Property(x => x.Algorithm).HasMaxLength(64);
            b.Property(x => x.DrawnBy).HasMaxLength(64);
            b.HasIndex(x => x.TownshipId);
            b.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.DrawId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DrawItem>(b =>
        {
            b.ToTable("DrawItems");
            b.Property(x => x.TargetName).HasMaxLength(200);
            b.Property(x => x.OfficerIds).HasMaxLength(200);
            b.Property(x => x.OfficerNames).HasMaxLength(500);
            b.HasIndex(x => new { x.DrawId, x.Position });
            b.HasIndex(x => x.TargetId);
        });
        modelBuilder.Entity<Plan>(b =>
        {
            b.ToTable("Plans");
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.Property(x => x.SubmittedBy).HasMaxLength(64);
            b.Property(x => x.ApprovedBy).HasMaxLength(64);
            b.Ignore(x => x.TotalInspections);
            b.Ignore(x => x.DrawSharePercent);
            b.HasIndex(x => new { x.TownshipId, x.Year });
        });
        modelBuilder.Entity<Inspection>(b =>
        {
            b.ToTable("Inspections");
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.Property(x => x.TargetName).HasMaxLength(200);
            b.Property(x => x.OfficerIds).HasMaxLength(200);
            b.Property(x => x.OfficerNames).HasMaxLength(500);
            b.Property(x => x.AuxiliaryNames).HasMaxLength(500);
            b.Property(x => x.ItemsChecked).HasMaxLength(4000);
            b.Property(x => x.Findings).HasMaxLength(4000);
            b.Property(x => x.PrincipalName).HasMaxLength(50);
            b.Property(x => x.SafetyManagerName).HasMaxLength(50);
            b.Property(x => x.OperatorName).HasMaxLength(50);
            b.Property(x => x.Signatures).HasMaxLength(1000);
            b.Property(x => x.OrderNumber).HasMaxLength(64);
            b.Property(x => x.RecheckNotes).HasMaxLength(4000);
            b.Property(x => x.RecheckNumber).HasMaxLength(64);
            b.Property(x => x.RecheckedBy).HasMaxLength(64);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.HasIndex(x => x.TownshipId);
            b.HasIndex(x => x.TargetTownshipId);
            b.HasIndex(x => x.TargetId);
            b.HasIndex(x => new { x.State, x.RecheckDue });
            b.HasIndex(x => x.InspectedOn);
            b.HasMany(x => x.Photos).WithOne().HasForeignKey(p => p.InspectionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<InspectionPhoto>(b =>
        {
            b.ToTable("InspectionPhotos");
            b.Property(x => x.FileName).HasMaxLength(100);
            b.Property(x => x.ContentType).HasMaxLength(50);
        });
        modelBuilder.Entity<DocumentCounter>(b =>
        {
            b.ToTable("DocumentCounters");
            b.HasKey(x => new { x.Kind, x.Year });
            b.Property(x => x.Kind).HasMaxLength(32);
        });
        modelBuilder.Entity<Case>(b =>
        {
            b.ToTable("Cases");
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.Property(x => x.TargetName).HasMaxLength(200);
            b.Property(x => x.PartyName).HasMaxLength(200);
            b.Property(x => x.PartyIdNumber).HasMaxLength(18);
            b.Property(x => x.Matter).HasMaxLength(200);
            b.Property(x => x.Facts).HasMaxLength(4000);
            b.Property(x => x.FilingNumber).HasMaxLength(64);
            b.Property(x => x.LeadOfficerName).HasMaxLength(50);
            b.Property(x => x.NoticeNumber).HasMaxLength(64);
            b.Property(x => x.HearingNoticeNumber).HasMaxLength(64);
            b.Property(x => x.DecisionNumber).HasMaxLength(64);
            b.Property(x => x.ServiceNumber).HasMaxLength(64);
            b.Property(x => x.TransferNumber).HasMaxLength(64);
            b.Property(x => x.TransferReceipt).HasMaxLength(200);
            b.Property(x => x.ClosingNumber).HasMaxLength(64);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.HasIndex(x => x.TownshipId);
            b.HasIndex(x => x.State);
            b.HasIndex(x => x.PublishedOn);
            b.HasIndex(x => x.FiledOn);
            b.HasIndex(x => x.DecidedOn);
            b.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CaseStep>(b =>
        {
            b.ToTable("CaseSteps");
            b.Property(x => x.Step).HasMaxLength(32);
            b.Property(x => x.Text).HasMaxLength(4000);
            b.Property(x => x.By).HasMaxLength(64);
            b.Property(x => x.SignedBy).HasMaxLength(64);
            b.Property(x => x.DocumentNumber).HasMaxLength(64);
            b.Property(x => x.MissedClock).HasMaxLength(32);
            b.HasIndex(x => new { x.CaseId, x.MissedClock });
            b.HasMany(x => x.Files).WithOne().HasForeignKey(f => f.CaseStepId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CaseFile>(b =>
        {
            b.ToTable("CaseFiles");
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.FileName).HasMaxLength(100);
            b.Property(x => x.ContentType).HasMaxLength(50);
        });
        modelBuilder.Entity<CaseReview>(b =>
        {
            b.ToTable("CaseReviews");
            b.Property(x => x.Reviewers).HasMaxLength(200);
            b.Property(x => x.Notes).HasMaxLength(4000);
            b.Property(x => x.RecordedBy).HasMaxLength(64);
            b.HasIndex(x => x.CaseId).IsUnique();
            b.HasIndex(x => x.ReviewedOn);
        });
        modelBuilder.Entity<ExpertRequest>(b =>
        {
            b.ToTable("ExpertRequests");
            b.Property(x => x.UnitName).HasMaxLength(100);
            b.Property(x => x.Fields).HasMaxLength(500);
            b.Property(x => x.Location).HasMaxLength(200);
            b.Property(x => x.Reason).HasMaxLength(2000);
            b.Property(x => x.RequestedBy).HasMaxLength(64);
            b.HasIndex(x => x.InspectionId);
            b.HasMany(x => x.Helpers).WithOne().HasForeignKey(h => h.ExpertRequestId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ExpertHelper>(b =>
        {
            b.ToTable("ExpertHelpers");
            b.Property(x => x.ExpertName).HasMaxLength(50);
            b.Property(x => x.Employer).HasMaxLength(200);
            b.Property(x => x.DeclineReason).HasMaxLength(500);
            b.Property(x => x.ParticipationNote).HasMaxLength(1000);
            b.Property(x => x.RecordedBy).HasMaxLength(64);
            b.HasIndex(x => new { x.ExpertRequestId, x.ExpertId }).IsUnique();
        });
    }
}

internal sealed class EnforcementDesignTimeFactory : IDesignTimeDbContextFactory<EnforcementDbContext>
{
    public EnforcementDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EnforcementDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
