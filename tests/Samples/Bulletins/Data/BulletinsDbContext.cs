using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.Samples.Bulletins.Data;

internal sealed class Bulletin
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public DateTime IssuedAtUtc { get; set; }

    public DateTime AcknowledgeByUtc { get; set; }
}

internal sealed class BulletinsDbContext(DbContextOptions<BulletinsDbContext> options) : StoreDbContext(options)
{
    public DbSet<Bulletin> Bulletins => Set<Bulletin>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Bulletin>(b =>
        {
            b.ToTable("Bulletins");
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.ContactEmail).HasMaxLength(320);
        });
    }
}

internal sealed class BulletinsDesignTimeFactory : IDesignTimeDbContextFactory<BulletinsDbContext>
{
    public BulletinsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BulletinsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
