using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.Host.Access.Data;

/// <summary>An account. Its county and unit fix what it may see; its role fixes what it may do.</summary>
internal sealed class PlatformUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public string? CountyCode { get; set; }

    public int? DepartmentId { get; set; }

    public int? TownshipId { get; set; }

    public int? VillageId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime PasswordChangedAtUtc { get; set; }

    /// <summary>Set for a one-time password: the user must choose their own at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>ASP.NET Core Identity's store (data/accounts.db on SQLite), part of the platform's own data.</summary>
internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<PlatformUser>(options)
{
    public const string StoreName = "accounts";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PlatformUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(50);
            b.Property(u => u.CountyCode).HasMaxLength(12);
            b.HasIndex(u => u.CountyCode);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare DateTimeOffset in SQL; Identity's lockout end is stored as ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<long>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<long?>();
    }
}

internal sealed class AccountsDesignTimeFactory : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AccountsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
