using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.Teams.Data;

/// <summary>The Teams module's store: one SQLite file per county (data/counties/&lt;county&gt;/teams.db).</summary>
internal sealed partial class TeamsDbContext(DbContextOptions<TeamsDbContext> options) : StoreDbContext(options)
{
    public DbSet<RescueTeam> Teams => Set<RescueTeam>();

    public DbSet<TeamMember> Members => Set<TeamMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<RescueTeam>(b =>
        {
            b.ToTable("Teams");
            b.Property(x => x.OwnerName).HasMaxLength(100);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Organization).HasMaxLength(100);
            b.Property(x => x.LeaderName).HasMaxLength(50);
            b.Property(x => x.LeaderMobile).HasMaxLength(11);
            b.Property(x => x.ServiceArea).HasMaxLength(500);
            b.Property(x => x.Tasks).HasMaxLength(2000);
            b.Property(x => x.ResponseProcedure).HasMaxLength(4000);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.HasIndex(x => new { x.TownshipId, x.Kind });
            b.HasIndex(x => x.VillageId);
            b.HasIndex(x => x.DepartmentId);
            b.HasIndex(x => new { x.Kind, x.Status });
            b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TeamMember>(b =>
        {
            b.ToTable("Members");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.IdCardNumber).HasMaxLength(18);
            b.Property(x => x.Mobile).HasMaxLength(11);
            b.Property(x => x.Skills).HasMaxLength(500);
            b.Property(x => x.LeftReason).HasMaxLength(500);
            b.Property(x => x.TrainedHow).HasMaxLength(200);
            b.Ignore(x => x.IsActive);
            // One person is in a team once while active (a member who left may join again).
            b.HasIndex(x => new { x.TeamId, x.IdCardNumber }).IsUnique().HasFilter("LeftOn IS NULL");
            b.HasIndex(x => new { x.TeamId, x.LeftOn });
            // The same person in two teams of one township: found by the ID card.
            b.HasIndex(x => x.IdCardNumber);
        });
        OnStockModelCreating(modelBuilder);
        OnShelterModelCreating(modelBuilder);
        OnSupportModelCreating(modelBuilder);
        OnDutyModelCreating(modelBuilder);
    }

    partial void OnStockModelCreating(ModelBuilder modelBuilder);

    partial void OnShelterModelCreating(ModelBuilder modelBuilder);

    partial void OnSupportModelCreating(ModelBuilder modelBuilder);

    partial void OnDutyModelCreating(ModelBuilder modelBuilder);
}

internal sealed class TeamsDesignTimeFactory : IDesignTimeDbContextFactory<TeamsDbContext>
{
    public TeamsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TeamsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
