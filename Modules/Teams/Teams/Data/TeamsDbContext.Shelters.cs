using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Data;

/// <summary>The 避难场所 part of the Teams store.</summary>
internal sealed partial class TeamsDbContext
{
    public DbSet<Shelter> Shelters => Set<Shelter>();

    partial void OnShelterModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Shelter>(b =>
        {
            b.ToTable("Shelters");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.OwnerName).HasMaxLength(100);
            b.Property(x => x.Address).HasMaxLength(200);
            b.Property(x => x.ManagerName).HasMaxLength(50);
            b.Property(x => x.ManagerMobile).HasMaxLength(11);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.HasIndex(x => new { x.TownshipId, x.Status });
            b.HasIndex(x => x.VillageId);
            b.ToTable(t => t.HasCheckConstraint("CK_Shelters_Capacity", "Capacity > 0"));
        });
    }
}
