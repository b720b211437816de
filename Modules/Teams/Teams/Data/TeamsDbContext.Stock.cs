using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Data;

/// <summary>The 装备物资 part of the Teams store: catalogue, storage sites, stock and movements.</summary>
internal sealed partial class TeamsDbContext
{
    public DbSet<SupplyKind> SupplyKinds => Set<SupplyKind>();

    public DbSet<StorageSite> Sites => Set<StorageSite>();

    public DbSet<StockItem> Stock => Set<StockItem>();

    public DbSet<StockMovement> Movements => Set<StockMovement>();

    partial void OnStockModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SupplyKind>(b =>
        {
            b.ToTable("SupplyKinds");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Unit).HasMaxLength(10);
            b.HasIndex(x => new { x.Category, x.Name }).IsUnique();
        });
        modelBuilder.Entity<StorageSite>(b =>
        {
            b.ToTable("StorageSites");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.OwnerName).HasMaxLength(100);
            b.Property(x => x.Address).HasMaxLength(200);
            b.Property(x => x.KeeperName).HasMaxLength(50);
            b.Property(x => x.KeeperMobile).HasMaxLength(11);
            b.Property(x => x.KeeperUserName).HasMaxLength(64);
            b.HasIndex(x => x.TownshipId);
            b.HasIndex(x => x.VillageId);
            b.HasIndex(x => x.DepartmentId);
        });
        modelBuilder.Entity<StockItem>(b =>
        {
            b.ToTable("Stock");
            b.HasIndex(x => new { x.SiteId, x.KindId }).IsUnique();
            // The ledger reads a page in the order of one of these instead of sorting the whole ledger: (site, kind)
            // county-wide, (township, site, kind) for a township, (kind, site) for a category or a kind.
            b.HasIndex(x => new { x.KindId, x.SiteId });
            b.HasIndex(x => new { x.TownshipId, x.SiteId, x.KindId });
            b.HasIndex(x => x.VillageId);
            b.HasIndex(x => x.ExpiresOn);
            b.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.Kind).WithMany().HasForeignKey(x => x.KindId).OnDelete(DeleteBehavior.Restrict);
            b.ToTable(t => t.HasCheckConstraint("CK_Stock_Quantity", "Quantity >= 0"));
        });
        modelBuilder.Entity<StockMovement>(b =>
        {
            b.ToTable("StockMovements");
            b.Property(x => x.Party).HasMaxLength(100);
            b.Property(x => x.Note).HasMaxLength(500);
            b.Property(x => x.By).HasMaxLength(64);
            b.HasIndex(x => new { x.StockId, x.Id });
            b.HasIndex(x => new { x.SiteId, x.Id });
            b.HasIndex(x => new { x.KindId, x.Id });
            b.HasOne<StockItem>().WithMany().HasForeignKey(x => x.StockId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
