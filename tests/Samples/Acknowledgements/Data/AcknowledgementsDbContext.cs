using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.Samples.Acknowledgements.Data;

internal sealed class Acknowledgement
{
    public int Id { get; set; }

    public int BulletinId { get; set; }

    public string Title { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public DateTime DueAtUtc { get; set; }

    public DateTime? AcknowledgedAtUtc { get; set; }
}

internal sealed class AcknowledgementsDbContext(DbContextOptions<AcknowledgementsDbContext> options) : StoreDbContext(options)
{
    public DbSet<Acknowledgement> Acknowledgements => Set<Acknowledgement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Acknowledgement>(b =>
        {
            b.ToTable("Acknowledgements");
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.ContactEmail).HasMaxLength(320);
            b.HasIndex(x => new { x.AcknowledgedAtUtc, x.DueAtUtc });
        });
    }
}

internal sealed class AcknowledgementsDesignTimeFactory : IDesignTimeDbContextFactory<AcknowledgementsDbContext>
{
    public AcknowledgementsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AcknowledgementsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
