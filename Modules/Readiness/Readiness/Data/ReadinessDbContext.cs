using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.Readiness.Data;

/// <summary>
/// The Readiness module's store (data/counties/&lt;county&gt;/readiness.db): the journal of received events, the read
/// model built from it (facts and scores, cleared by a rebuild), the monthly snapshots and what townships and villages
/// record here (offices, village organisations, documents).
/// </summary>
internal sealed class ReadinessDbContext(DbContextOptions<ReadinessDbContext> options) : StoreDbContext(options)
{
    public DbSet<ReceivedEvent> ReceivedEvents => Set<ReceivedEvent>();

    public DbSet<TeamFact> TeamFacts => Set<TeamFact>();

    public DbSet<StockFact> StockFacts => Set<StockFact>();

    public DbSet<PlanFact> PlanFacts => Set<PlanFact>();

    public DbSet<DrillFact> DrillFacts => Set<DrillFact>();

    public DbSet<TrainingFact> TrainingFacts => Set<TrainingFact>();

    public DbSet<DutyFact> DutyFacts => Set<DutyFact>();

    public DbSet<HazardFact> HazardFacts => Set<HazardFact>();

    public DbSet<GridMemberFact> GridMemberFacts => Set<GridMemberFact>();

    public DbSet<CaseFact> CaseFacts => Set<CaseFact>();

    public DbSet<ExpertFact> ExpertFacts => Set<ExpertFact>();

    public DbSet<UnitScore> Scores => Set<UnitScore>();

    public DbSet<MonthlySnapshot> Snapshots => Set<MonthlySnapshot>();

    public DbSet<TownshipOffice> Offices => Set<TownshipOffice>();

    public DbSet<OfficeStaff> Staff => Set<OfficeStaff>();

    public DbSet<VillageOrg> Villages => Set<VillageOrg>();

    public DbSet<OrgDocument> Documents => Set<OrgDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ReceivedEvent>(b =>
        {
            b.ToTable("ReceivedEvents");
            b.HasKey(x => x.Seq);
            b.Property(x => x.Seq).ValueGeneratedOnAdd();
            b.Property(x => x.Type).HasMaxLength(100);
            b.HasIndex(x => x.EventId).IsUnique();
        });
        modelBuilder.Entity<TeamFact>(b =>
        {
            b.ToTable("TeamFacts");
            b.HasKey(x => x.TeamId);
            b.Property(x => x.TeamId).ValueGeneratedNever();
            b.Property(x => x.Name).HasMaxLength(200);
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<StockFact>(b =>
        {
            b.ToTable("StockFacts");
            b.HasKey(x => x.StockId);
            b.Property(x => x.StockId).ValueGeneratedNever();
            b.Property(x => x.What).HasMaxLength(200);
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<PlanFact>(b =>
        {
            b.ToTable("PlanFacts");
            b.HasKey(x => x.PlanId);
            b.Property(x => x.PlanId).ValueGeneratedNever();
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Type).HasMaxLength(50);
            b.Property(x => x.Revision).HasMaxLength(500);
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<DrillFact>(b =>
        {
            b.ToTable("DrillFacts");
            b.HasKey(x => new { x.DrillId, x.TownshipId });
            b.Property(x => x.PlanName).HasMaxLength(200);
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<TrainingFact>(b =>
        {
            b.ToTable("TrainingFacts");
            b.HasKey(x => x.Key);
            b.Property(x => x.Key).HasMaxLength(40);
        });
        modelBuilder.Entity<DutyFact>(b =>
        {
            b.ToTable("DutyFacts");
            b.HasKey(x => x.VillageId);
            b.Property(x => x.VillageId).ValueGeneratedNever();
        });
        modelBuilder.Entity<HazardFact>(b =>
        {
            b.ToTable("HazardFacts");
            b.HasKey(x => x.HazardId);
            b.Property(x => x.HazardId).ValueGeneratedNever();

            // Covers the scorer's counts per township (all, open, overdue) without reading the rows.
            b.HasIndex(x => new { x.TownshipId, x.Closed, x.Overdue });
        });
        modelBuilder.Entity<GridMemberFact>(b =>
        {
            b.ToTable("GridMemberFacts");
            b.HasKey(x => x.MemberId);
            b.Property(x => x.MemberId).ValueGeneratedNever();
            b.Property(x => x.GridName).HasMaxLength(500);
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<CaseFact>(b =>
        {
            b.ToTable("CaseFacts");
            b.HasKey(x => x.CaseId);
            b.Property(x => x.CaseId).ValueGeneratedNever();
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<ExpertFact>(b =>
        {
            b.ToTable("ExpertFacts");
            b.HasKey(x => x.ExpertId);
            b.Property(x => x.ExpertId).ValueGeneratedNever();
            b.Property(x => x.Fields).HasMaxLength(500);
        });
        modelBuilder.Entity<UnitScore>(b =>
        {
            b.ToTable("UnitScores");
            b.HasKey(x => x.Key);
            b.Property(x => x.Key).HasMaxLength(40);
            b.Property(x => x.Name).HasMaxLength(100);
            b.HasIndex(x => new { x.UnitKind, x.TownshipId });
        });
        modelBuilder.Entity<MonthlySnapshot>(b =>
        {
            b.ToTable("MonthlySnapshots");
            b.Property(x => x.Month).HasMaxLength(7);
            b.HasIndex(x => new { x.TownshipId, x.Month }).IsUnique();
            b.HasIndex(x => x.Month);
        });
        modelBuilder.Entity<TownshipOffice>(b =>
        {
            b.ToTable("TownshipOffices");
            b.HasKey(x => x.TownshipId);
            b.Property(x => x.TownshipId).ValueGeneratedNever();
            b.Property(x => x.LeaderInCharge).HasMaxLength(50);
            b.Property(x => x.FirstResponsible).HasMaxLength(50);
            b.Property(x => x.Facilities).HasMaxLength(1000);
            b.Property(x => x.CommandLead).HasMaxLength(50);
            b.Property(x => x.MemberUnits).HasMaxLength(1000);
            b.Property(x => x.Director).HasMaxLength(50);
            b.Property(x => x.PendingDirector).HasMaxLength(50);
            b.Property(x => x.PendingBy).HasMaxLength(64);
            b.Property(x => x.ApprovedBy).HasMaxLength(64);
            b.Property(x => x.UpdatedBy).HasMaxLength(64);
            b.HasMany(x => x.Staff).WithOne().HasForeignKey(s => s.TownshipId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<OfficeStaff>(b =>
        {
            b.ToTable("OfficeStaff");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.Post).HasMaxLength(50);
        });
        modelBuilder.Entity<VillageOrg>(b =>
        {
            b.ToTable("VillageOrgs");
            b.HasKey(x => x.VillageId);
            b.Property(x => x.VillageId).ValueGeneratedNever();
            b.Property(x => x.GroupLeader).HasMaxLength(50);
            b.Property(x => x.GroupMembers).HasMaxLength(1000);
            b.Property(x => x.Station).HasMaxLength(200);
            b.Property(x => x.StationFacilities).HasMaxLength(1000);
            b.Property(x => x.UpdatedBy).HasMaxLength(64);
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<OrgDocument>(b =>
        {
            b.ToTable("OrgDocuments");
            b.Property(x => x.Kind).HasMaxLength(30);
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.FileName).HasMaxLength(100);
            b.Property(x => x.ContentType).HasMaxLength(100);
            b.Property(x => x.OriginalName).HasMaxLength(200);
            b.Property(x => x.UploadedBy).HasMaxLength(64);
            b.HasIndex(x => new { x.Level, x.UnitId, x.Kind });
            b.HasIndex(x => x.TownshipId);
        });
    }
}

internal sealed class ReadinessDesignTimeFactory : IDesignTimeDbContextFactory<ReadinessDbContext>
{
    public ReadinessDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ReadinessDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
