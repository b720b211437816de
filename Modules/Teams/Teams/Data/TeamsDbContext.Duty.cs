using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Data;

/// <summary>The 应急值守 part of the Teams store: rosters, swaps, the duty log and the villages' weekly plans.</summary>
internal sealed partial class TeamsDbContext
{
    public DbSet<DutyShift> DutyShifts => Set<DutyShift>();

    public DbSet<DutySwap> DutySwaps => Set<DutySwap>();

    public DbSet<DutyLogEntry> DutyLog => Set<DutyLogEntry>();

    public DbSet<DutyPlan> DutyPlans => Set<DutyPlan>();

    public DbSet<DutyPlanDay> DutyPlanDays => Set<DutyPlanDay>();

    partial void OnDutyModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DutyShift>(b =>
        {
            b.ToTable("DutyShifts");
            b.Ignore(x => x.Role);
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.Mobile).HasMaxLength(11);
            b.Property(x => x.UserName).HasMaxLength(64);
            b.Property(x => x.UpdatedBy).HasMaxLength(64);
            b.HasIndex(x => new { x.TownshipId, x.Date, x.Slot }).IsUnique();
            b.HasIndex(x => new { x.Date, x.UserName });
            b.ToTable(t => t.HasCheckConstraint("CK_DutyShifts_Slot", "Slot >= 0 AND Slot <= 2"));
        });
        modelBuilder.Entity<DutySwap>(b =>
        {
            b.ToTable("DutySwaps");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.UserName).HasMaxLength(64);
            b.Property(x => x.OtherName).HasMaxLength(50);
            b.Property(x => x.OtherUserName).HasMaxLength(64);
            b.Property(x => x.Reason).HasMaxLength(500);
            b.Property(x => x.DecidedBy).HasMaxLength(64);
            b.Property(x => x.DecisionNote).HasMaxLength(500);
            b.HasIndex(x => new { x.TownshipId, x.Status });
            b.HasIndex(x => x.UserName);
        });
        modelBuilder.Entity<DutyLogEntry>(b =>
        {
            b.ToTable("DutyLog");
            b.Property(x => x.Text).HasMaxLength(2000);
            b.Property(x => x.By).HasMaxLength(64);
            b.Property(x => x.ByName).HasMaxLength(100);
            b.HasIndex(x => new { x.TownshipId, x.Date, x.Id });
        });
        modelBuilder.Entity<DutyPlan>(b =>
        {
            b.ToTable("DutyPlans");
            b.Property(x => x.VillageName).HasMaxLength(100);
            b.Property(x => x.FiledBy).HasMaxLength(64);
            b.HasIndex(x => new { x.VillageId, x.WeekStart }).IsUnique();
            b.HasIndex(x => new { x.TownshipId, x.WeekStart });
            b.HasMany(x => x.Days).WithOne().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DutyPlanDay>(b =>
        {
            b.ToTable("DutyPlanDays");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.Mobile).HasMaxLength(11);
            b.HasIndex(x => new { x.PlanId, x.Date }).IsUnique();
        });
    }
}
