using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Data;

/// <summary>Keeping the network current: member history, patrols (巡查) and the disaster figures series (初报/续报/核报).</summary>
internal sealed partial class GridDbContext
{
    public DbSet<MemberHistory> MemberHistory => Set<MemberHistory>();

    public DbSet<Patrol> Patrols => Set<Patrol>();

    public DbSet<PatrolHazard> PatrolHazards => Set<PatrolHazard>();

    public DbSet<DisasterFigures> DisasterFigures => Set<DisasterFigures>();

    partial void OnNetworkModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MemberHistory>(b =>
        {
            b.ToTable("MemberHistory");
            b.Property(x => x.By).HasMaxLength(64);
            b.Property(x => x.Action).HasMaxLength(40);
            b.Property(x => x.Reason).HasMaxLength(500);
            b.HasIndex(x => new { x.MemberId, x.Id });
        });
        modelBuilder.Entity<GridMember>(b =>
        {
            b.HasMany(x => x.History).WithOne().HasForeignKey(h => h.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Patrol>(b =>
        {
            b.ToTable("Patrols");
            b.Property(x => x.GridName).HasMaxLength(50);
            b.Property(x => x.MemberName).HasMaxLength(50);
            b.Property(x => x.By).HasMaxLength(64);
            b.Property(x => x.Checked).HasMaxLength(1000);
            // The month view: a township's (a village's, a grid's) patrols in a time range.
            b.HasIndex(x => new { x.TownshipId, x.PatrolledAtUtc });
            b.HasIndex(x => new { x.VillageId, x.PatrolledAtUtc });
            b.HasIndex(x => new { x.GridId, x.PatrolledAtUtc });
            b.HasIndex(x => x.PatrolledAtUtc);
            b.HasMany(x => x.Hazards).WithOne().HasForeignKey(h => h.PatrolId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PatrolHazard>(b =>
        {
            b.ToTable("PatrolHazards");
            b.HasKey(x => new { x.PatrolId, x.HazardId });
            b.HasIndex(x => x.HazardId);
        });
        modelBuilder.Entity<DisasterFigures>(b =>
        {
            b.ToTable("DisasterFigures");
            b.Property(x => x.By).HasMaxLength(64);
            b.Property(x => x.Note).HasMaxLength(1000);
            b.Property(x => x.DirectLoss).HasConversion<double>();
            b.Ignore(x => x.HasCasualties);
            b.HasIndex(x => new { x.ReportId, x.Id });
        });
        modelBuilder.Entity<DisasterReport>(b =>
        {
            b.HasMany(x => x.Figures).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
