using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.BuildingBlocks.Notices.Data;

/// <summary>A notice as the inbox and the digest know it (the id of its <see cref="NoticeRequested"/>).</summary>
internal sealed class NoticeEntry
{
    public Guid Id { get; set; }

    public string County { get; set; } = "";

    public string Module { get; set; } = "";

    public string Kind { get; set; } = "";

    public string RecipientKey { get; set; } = "";

    public string? RecipientName { get; set; }

    public string Title { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string? Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>How it is mailed, decided when it arrived (the recipient's choice, or the kind's default).</summary>
    public NoticeDelivery Delivery { get; set; }

    /// <summary>When its mail (single or digest) was requested; null while a digest item waits for the next digest.</summary>
    public DateTime? MailedAtUtc { get; set; }

    /// <summary>Addresses mailed (0 when the recipient has none: the notice is in the inbox only).</summary>
    public int MailCount { get; set; }
}

/// <summary>That a user has read a notice.</summary>
internal sealed class NoticeRead
{
    public Guid NoticeId { get; set; }

    public string UserName { get; set; } = "";

    public DateTime ReadAtUtc { get; set; }
}

/// <summary>"全部标为已读": everything created up to this time counts as read for the user.</summary>
internal sealed class NoticeReadMark
{
    public string County { get; set; } = "";

    public string UserName { get; set; } = "";

    public DateTime AllReadUntilUtc { get; set; }
}

/// <summary>A recipient's choice of one mail per notice or a daily digest; no row means the kind's default.</summary>
internal sealed class NoticePreference
{
    public string County { get; set; } = "";

    public string RecipientKey { get; set; } = "";

    public NoticeDelivery Delivery { get; set; }

    public string ChangedBy { get; set; } = "";

    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>The platform's notices (data/notices.db on SQLite): every county's inbox, reads, preferences and digest state.</summary>
internal sealed class NoticesDbContext(DbContextOptions<NoticesDbContext> options) : StoreDbContext(options)
{
    public const string StoreName = "notices";

    public DbSet<NoticeEntry> Notices => Set<NoticeEntry>();

    public DbSet<NoticeRead> Reads => Set<NoticeRead>();

    public DbSet<NoticeReadMark> ReadMarks => Set<NoticeReadMark>();

    public DbSet<NoticePreference> Preferences => Set<NoticePreference>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<NoticeEntry>(b =>
        {
            b.ToTable("Notices");
            b.HasKey(n => n.Id);
            b.Property(n => n.County).HasMaxLength(12);
            b.Property(n => n.Module).HasMaxLength(50);
            b.Property(n => n.Kind).HasMaxLength(100);
            b.Property(n => n.RecipientKey).HasMaxLength(340);
            b.Property(n => n.RecipientName).HasMaxLength(200);
            b.Property(n => n.Title).HasMaxLength(300);
            b.Property(n => n.Link).HasMaxLength(1000);
            // The inbox and the header's unread count: one range of this index per recipient key.
            b.HasIndex(n => new { n.County, n.RecipientKey, n.CreatedAtUtc });
            // The digest: the pending items only.
            b.HasIndex(n => new { n.MailedAtUtc, n.Delivery });
        });
        modelBuilder.Entity<NoticeRead>(b =>
        {
            b.ToTable("NoticeReads");
            b.HasKey(r => new { r.NoticeId, r.UserName });
            b.Property(r => r.UserName).HasMaxLength(256);
        });
        modelBuilder.Entity<NoticeReadMark>(b =>
        {
            b.ToTable("NoticeReadMarks");
            b.HasKey(r => new { r.County, r.UserName });
            b.Property(r => r.County).HasMaxLength(12);
            b.Property(r => r.UserName).HasMaxLength(256);
        });
        modelBuilder.Entity<NoticePreference>(b =>
        {
            b.ToTable("NoticePreferences");
            b.HasKey(p => new { p.County, p.RecipientKey });
            b.Property(p => p.County).HasMaxLength(12);
            b.Property(p => p.RecipientKey).HasMaxLength(340);
            b.Property(p => p.ChangedBy).HasMaxLength(256);
        });
    }
}

/// <summary>Lets "dotnet ef migrations add" build the notices store's model.</summary>
internal sealed class NoticesDesignTimeFactory : IDesignTimeDbContextFactory<NoticesDbContext>
{
    public NoticesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NoticesDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
