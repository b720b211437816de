using Emergency.BuildingBlocks.Hosting;
using Emergency.Host.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform;

/// <summary>Configuration section "Demo": the county seeded on a fresh data folder.</summary>
internal sealed class DemoOptions
{
    public bool Seed { get; set; } = true;

    public string CountyCode { get; set; } = "450999";

    public string CountyName { get; set; } = "青山县";
}

/// <summary>On an empty platform store, creates the demo county with every module it may use.</summary>
internal sealed class DemoCountySeeder(PlatformDbContext db, ModuleCatalog catalog, TimeProvider clock)
{
    public async Task<bool> SeedAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        if (!options.Seed || await db.Counties.AnyAsync(cancellationToken))
        {
            return false;
        }

        db.Counties.Add(new County
        {
            Code = options.CountyCode,
            Name = options.CountyName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Modules = catalog.Modules.Select(m => new CountyModule { Module = m.Name }).ToList(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
