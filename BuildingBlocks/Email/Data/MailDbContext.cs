using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Emergency.BuildingBlocks.Email.Data;

internal enum MailStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>Will not be retried: a bad address, a refused recipient, or too many failures.</summary>
    Failed = 2,
}

internal sealed class MailMessage
{
    /// <summary>The id of the <see cref="EmailRequested"/> event: one request, one mail.</summary>
    public Guid Id { get; set; }

    public string County { get; set; } = "";

    public string Source { get; set; } = "";

    public string To { get; set; } = "";

    public string? ToName { get; set; }

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string? HtmlBody { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The attachment's file name, MIME type and text (<see cref="MailAttachment"/>), when the mail has one.</summary>
    public string? AttachmentName { get; set; }

    public string? AttachmentContentType { get; set; }

    public string? AttachmentContent { get; set; }

    public MailStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime? NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>"smtp" or "pickup": where the mail went.</summary>
    public string? Transport { get; set; }
}

/// <summary>The platform's mail queue (data/mail.db on SQLite).</summary>
internal sealed class MailDbContext(DbContextOptions<MailDbContext> options) : StoreDbContext(options)
{
    public const string StoreName = "mail";

    public DbSet<MailMessage> Messages => Set<MailMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<MailMessage>(b =>
        {
            b.ToTable("MailMessages");
            b.HasKey(m => m.Id);
            b.Property(m => m.County).HasMaxLength(12);
            b.Property(m => m.Source).HasMaxLength(50);
            b.Property(m => m.To).HasMaxLength(320);
            b.Property(m => m.ToName).HasMaxLength(100);
            b.Property(m => m.Subject).HasMaxLength(300);
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.Property(m => m.Transport).HasMaxLength(10);
            b.Property(m => m.AttachmentName).HasMaxLength(100);
            b.Property(m => m.AttachmentContentType).HasMaxLength(100);
            b.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
            b.HasIndex(m => new { m.County, m.CreatedAtUtc });
        });
    }
}
