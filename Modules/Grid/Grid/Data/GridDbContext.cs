using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.Grid.Data;

/// <summary>The Grid module's store: one SQLite file per county (data/counties/&lt;county&gt;/grid.db).</summary>
internal sealed partial class GridDbContext(DbContextOptions<GridDbContext> options) : StoreDbContext(options)
{
    public DbSet<GridArea> Grids => Set<GridArea>();

    public DbSet<GridMember> Members => Set<GridMember>();

    public DbSet<GridMemberGrid> MemberGrids => Set<GridMemberGrid>();

    public DbSet<ServiceStation> Stations => Set<ServiceStation>();

    public DbSet<StationStaff> StationStaff => Set<StationStaff>();

    public DbSet<Hazard> Hazards => Set<Hazard>();

    public DbSet<HazardTally> HazardTallies => Set<HazardTally>();

    public DbSet<HazardPlan> HazardPlans => Set<HazardPlan>();

    public DbSet<HazardPhoto> HazardPhotos => Set<HazardPhoto>();

    public DbSet<HazardHistory> HazardHistory => Set<HazardHistory>();

    public DbSet<ExtensionRequest> Extensions => Set<ExtensionRequest>();

    public DbSet<DisasterReport> Disasters => Set<DisasterReport>();

    /// <summary>The hazards' tally deltas, applied in the save's own transaction (see <see cref="HazardTally"/>).</summary>
    protected override Func<CancellationToken, Task>? PrepareAfterSave()
    {
        ChangeTracker.DetectChanges();
        var deltas = HazardTallyDeltas.Deltas(this);
        return deltas.Count == 0 ? null : cancellationToken => HazardTallyDeltas.ApplyAsync(Database, deltas, cancellationToken);
    }

    /// <summary>The module saves asynchronously only, so the tally cannot be skipped by a synchronous save.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it keeps the hazard tally in step.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<GridArea>(b =>
        {
            b.ToTable("Grids");
            b.Property(x => x.Code).HasMaxLength(30);
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.KeyRisks).HasMaxLength(1000);
            b.Property(x => x.EvacuationRoute).HasMaxLength(500);
            b.Property(x => x.Shelter).HasMaxLength(200);
            b.Property(x => x.EmergencyNumbers).HasMaxLength(500);
            b.HasIndex(x => x.Code).IsUnique();
            b.HasIndex(x => new { x.VillageId, x.Name });
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<GridMember>(b =>
        {
            b.ToTable("Members");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.Mobile).HasMaxLength(11);
            b.Property(x => x.UserName).HasMaxLength(64);
            b.HasIndex(x => x.UserName);
            b.HasIndex(x => new { x.VillageId, x.Name });
            b.HasIndex(x => x.TownshipId);
        });
        modelBuilder.Entity<GridMemberGrid>(b =>
        {
            b.ToTable("MemberGrids");
            b.HasKey(x => new { x.MemberId, x.GridId });
            b.HasIndex(x => new { x.GridId, x.MemberId });
            b.HasOne(x => x.Member).WithMany(m => m.Grids).HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Grid).WithMany(g => g.Members).HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ServiceStation>(b =>
        {
            b.ToTable("Stations");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Address).HasMaxLength(200);
            b.Property(x => x.Phone).HasMaxLength(20);
            b.HasIndex(x => x.VillageId);
            b.HasMany(x => x.Staff).WithOne().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StationStaff>(b =>
        {
            b.ToTable("StationStaff");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.Mobile).HasMaxLength(11);
            b.Property(x => x.Post).HasMaxLength(50);
        });
        modelBuilder.Entity<Hazard>(b =>
        {
            b.ToTable("Hazards");
            b.Property(x => x.GridName).HasMaxLength(50);
            b.Property(x => x.Description).HasMaxLength(2000);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.DepartmentName).HasMaxLength(100);
            b.Property(x => x.ReportInResponse).HasMaxLength(2000);
            b.Property(x => x.RectificationNote).HasMaxLength(2000);
            b.Property(x => x.RejectReason).HasMaxLength(1000);
            b.Property(x => x.ReportedBy).HasMaxLength(64);
            b.Property(x => x.ReporterName).HasMaxLength(64);
            b.Property(x => x.LevelConfirmedBy).HasMaxLength(64);
            b.Property(x => x.ResponsibleName).HasMaxLength(100);
            b.Property(x => x.ResponsibleMobile).HasMaxLength(11);
            // Stored as 0/1 so that a filter on the flag is "Overdue = 0" (an index seek), not "NOT Overdue" (a scan).
            b.Property(x => x.Overdue).HasConversion<int>();
            b.Property(x => x.AwaitingReportIn).HasConversion<int>();
            // Ledger pages, newest first: SQLite ends every index with the rowid (Id), so a scope alone or a
            // scope with a state reads its rows already in page order; the counts come from HazardTallies.
            b.HasIndex(x => x.TownshipId);
            b.HasIndex(x => new { x.TownshipId, x.State });
            b.HasIndex(x => x.VillageId);
            b.HasIndex(x => new { x.VillageId, x.State });
            b.HasIndex(x => x.DepartmentId);
            b.HasIndex(x => new { x.DepartmentId, x.State });
            b.HasIndex(x => x.State);
            b.HasIndex(x => x.Overdue);
            // Overdue sweep and deadline reminders: only open, not yet overdue rows up to a deadline.
            b.HasIndex(x => new { x.Overdue, x.State, x.DeadlineUtc });
            // Overdue counts by township and department; the 报到 list.
            b.HasIndex(x => new { x.Overdue, x.TownshipId });
            b.HasIndex(x => new { x.Overdue, x.DepartmentId, x.AwaitingReportIn }).HasDatabaseName("IX_Hazards_Overdue_DepartmentId");
            b.HasIndex(x => new { x.DepartmentId, x.AwaitingReportIn });
            // 我的待办: a department's hazards of one state, not on the 报到 list, in deadline order, read only as far
            // as the list goes; and the count of those on the 报到 list per state, from the index alone.
            b.HasIndex(x => new { x.DepartmentId, x.State, x.AwaitingReportIn, x.DeadlineUtc });
            // 报到 escalation: the few hazards awaiting a 报到, not yet escalated (the job) or escalated (the county's 我的待办).
            b.HasIndex(x => new { x.AwaitingReportIn, x.EscalatedAtUtc });
            b.HasOne(x => x.Plan).WithOne().HasForeignKey<HazardPlan>(p => p.HazardId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Photos).WithOne().HasForeignKey(p => p.HazardId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<HazardTally>(b =>
        {
            b.ToTable("HazardTallies");
            b.HasKey(x => new { x.TownshipId, x.VillageId, x.DepartmentId, x.State, x.Category, x.Level, x.Overdue });
            b.Property(x => x.Overdue).HasConversion<int>();
            b.HasIndex(x => new { x.DepartmentId, x.State });
        });
        modelBuilder.Entity<HazardPlan>(b =>
        {
            b.ToTable("HazardPlans");
            b.HasKey(x => x.HazardId);
            b.Property(x => x.Targets).HasMaxLength(2000);
            b.Property(x => x.Measures).HasMaxLength(4000);
            b.Property(x => x.ResponsiblePerson).HasMaxLength(50);
            b.Property(x => x.SafetyMeasures).HasMaxLength(2000);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.Property(x => x.Funds).HasConversion<double>();
        });
        modelBuilder.Entity<HazardPhoto>(b =>
        {
            b.ToTable("HazardPhotos");
            b.Property(x => x.FileName).HasMaxLength(100);
            b.Property(x => x.ContentType).HasMaxLength(30);
            b.HasIndex(x => x.HazardId);
        });
        modelBuilder.Entity<HazardHistory>(b =>
        {
            b.ToTable("HazardHistory");
            b.Property(x => x.By).HasMaxLength(64);
            b.Property(x => x.Action).HasMaxLength(40);
            b.Property(x => x.Note).HasMaxLength(2000);
            b.HasIndex(x => new { x.HazardId, x.Id });
        });
        modelBuilder.Entity<ExtensionRequest>(b =>
        {
            b.ToTable("Extensions");
            b.Property(x => x.Reason).HasMaxLength(1000);
            b.Property(x => x.RequestedBy).HasMaxLength(64);
            b.Property(x => x.DecidedBy).HasMaxLength(64);
            b.Property(x => x.DecisionNote).HasMaxLength(1000);
            b.HasIndex(x => new { x.HazardId, x.Status });
            // 我的待办: the few pending requests first, each hazard then found by its key.
            b.HasIndex(x => new { x.Status, x.HazardId });
        });
        modelBuilder.Entity<DisasterReport>(b =>
        {
            b.ToTable("Disasters");
            b.Property(x => x.DisasterType).HasMaxLength(50);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.ReportedBy).HasMaxLength(64);
            b.Property(x => x.VerifiedBy).HasMaxLength(64);
            b.Property(x => x.DirectLoss).HasConversion<double>();
            b.HasIndex(x => new { x.TownshipId, x.Status });
            b.HasIndex(x => x.HappenedAtUtc);
        });
        OnNetworkModelCreating(modelBuilder);
    }

    /// <summary>The network's tables (member history, patrols, disaster figures): GridDbContext.Network.cs.</summary>
    partial void OnNetworkModelCreating(ModelBuilder modelBuilder);
}

internal sealed class GridDesignTimeFactory : IDesignTimeDbContextFactory<GridDbContext>
{
    public GridDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GridDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
