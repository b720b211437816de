using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Data;

/// <summary>The 一张网 (support requests) and 镇企联动协议 part of the Teams store.</summary>
internal sealed partial class TeamsDbContext
{
    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();

    public DbSet<SupportStep> SupportSteps => Set<SupportStep>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    partial void OnSupportModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SupportRequest>(b =>
        {
            b.ToTable("SupportRequests");
            b.Property(x => x.TownshipName).HasMaxLength(100);
            b.Property(x => x.TeamNeed).HasMaxLength(100);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.Reason).HasMaxLength(1000);
            b.Property(x => x.SupplierName).HasMaxLength(200);
            b.Property(x => x.Delivered).HasMaxLength(1000);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.HasIndex(x => new { x.TownshipId, x.Status });
            b.HasIndex(x => new { x.SupplierTownshipId, x.Status });
            b.HasIndex(x => new { x.SupplierDepartmentId, x.Status });
            b.HasIndex(x => x.Status);
            b.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.SupplyKind).WithMany().HasForeignKey(x => x.SupplyKindId).OnDelete(DeleteBehavior.Restrict);
            b.ToTable(t => t.HasCheckConstraint("CK_SupportRequests_Quantity", "Quantity > 0"));
        });
        modelBuilder.Entity<SupportStep>(b =>
        {
            b.ToTable("SupportSteps");
            b.Property(x => x.Note).HasMaxLength(1000);
            b.Property(x => x.By).HasMaxLength(64);
            b.Property(x => x.ByName).HasMaxLength(100);
            b.HasIndex(x => new { x.RequestId, x.Id });
        });
        modelBuilder.Entity<Agreement>(b =>
        {
            b.ToTable("Agreements");
            b.Property(x => x.TownshipName).HasMaxLength(100);
            b.Property(x => x.EnterpriseName).HasMaxLength(100);
            b.Property(x => x.ContactName).HasMaxLength(50);
            b.Property(x => x.ContactMobile).HasMaxLength(11);
            b.Property(x => x.TownshipProvides).HasMaxLength(1000);
            b.Property(x => x.EnterpriseProvides).HasMaxLength(1000);
            b.Property(x => x.CreatedBy).HasMaxLength(64);
            b.HasIndex(x => new { x.TownshipId, x.ValidTo });
            b.HasIndex(x => new { x.Status, x.ValidTo });
            b.ToTable(t => t.HasCheckConstraint("CK_Agreements_Validity", "ValidTo >= ValidFrom"));
        });
    }
}
