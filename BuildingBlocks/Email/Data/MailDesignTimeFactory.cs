using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Emergency.BuildingBlocks.Email.Data;

/// <summary>Lets "dotnet ef migrations add" build the mail store's model.</summary>
internal sealed class MailDesignTimeFactory : IDesignTimeDbContextFactory<MailDbContext>
{
    public MailDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MailDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
