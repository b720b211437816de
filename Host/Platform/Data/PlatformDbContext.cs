using Emergency.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform.Data;

/// <summary>A county of the deployment (行政区划代码 is its key and the name of its data folder).</summary>
internal sealed class County
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>False when suspended: nobody of the county can sign in and no job or handler runs for it.</summary>
    public bool Active { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public List<CountyModule> Modules { get; set; } = [];
}

/// <summary>A module the county may use (set by the platform admin).</summary>
internal sealed class CountyModule
{
    public string CountyCode { get; set; } = "";

    public string Module { get; set; } = "";
}

internal enum TownshipKind
{
    Township = 0, // 乡
    Town = 1, // 镇
    Subdistrict = 2, // 街道
    ParkCommittee = 3, // 管委会
}

/// <summary>乡镇/街道 (including industrial-park 管委会).</summary>
internal sealed class Township
{
    public int Id { get; set; }

    public string CountyCode { get; set; } = "";

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public TownshipKind Kind { get; set; }

    public List<Village> Villages { get; set; } = [];
}

internal enum VillageKind
{
    Village = 0, // 村
    Community = 1, // 社区
}

/// <summary>村/社区.</summary>
internal sealed class Village
{
    public int Id { get; set; }

    public string CountyCode { get; set; } = "";

    public int TownshipId { get; set; }

    public Township? Township { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public VillageKind Kind { get; set; }
}

internal enum DepartmentType
{
    Emergency = 0, // 应急管理部门
    Sector = 1, // 行业主管部门
    Rescue = 2, // 专业救援力量
    Support = 3, // 保障部门
    Other = 4, // 其他
}

/// <summary>A county bureau (应急管理局, 水利局 …).</summary>
internal sealed class Department
{
    public int Id { get; set; }

    public string CountyCode { get; set; } = "";

    public string Name { get; set; } = "";

    public DepartmentType Type { get; set; }

    public List<DepartmentModule> Modules { get; set; } = [];
}

/// <summary>A module a department has switched on (set by the county admin, among those the county may use).</summary>
internal sealed class DepartmentModule
{
    public int DepartmentId { get; set; }

    public string Module { get; set; } = "";
}

/// <summary>A per-county setting that differs from its documented default.</summary>
internal sealed class CountySetting
{
    public string CountyCode { get; set; } = "";

    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}

/// <summary>The platform's own store (data/platform.db on SQLite): counties, their tree, departments and settings.</summary>
internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : StoreDbContext(options)
{
    public const string StoreName = "platform";

    public DbSet<County> Counties => Set<County>();

    public DbSet<CountyModule> CountyModules => Set<CountyModule>();

    public DbSet<Township> Townships => Set<Township>();

    public DbSet<Village> Villages => Set<Village>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<DepartmentModule> DepartmentModules => Set<DepartmentModule>();

    public DbSet<CountySetting> CountySettings => Set<CountySetting>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<County>(b =>
        {
            b.ToTable("Counties");
            b.HasKey(c => c.Code);
            b.Property(c => c.Code).HasMaxLength(12);
            b.Property(c => c.Name).HasMaxLength(50);
            b.Property(c => c.TimeZone).HasMaxLength(50);
            b.Property(c => c.ContactName).HasMaxLength(50);
            b.Property(c => c.ContactPhone).HasMaxLength(30);
            b.HasMany(c => c.Modules).WithOne().HasForeignKey(m => m.CountyCode);
        });
        modelBuilder.Entity<CountyModule>(b =>
        {
            b.ToTable("CountyModules");
            b.HasKey(m => new { m.CountyCode, m.Module });
            b.Property(m => m.Module).HasMaxLength(30);
        });
        modelBuilder.Entity<Township>(b =>
        {
            b.ToTable("Townships");
            b.Property(t => t.CountyCode).HasMaxLength(12);
            b.Property(t => t.Code).HasMaxLength(12);
            b.Property(t => t.Name).HasMaxLength(50);
            b.HasIndex(t => new { t.CountyCode, t.Code }).IsUnique();
            b.HasOne<County>().WithMany().HasForeignKey(t => t.CountyCode);
            b.HasMany(t => t.Villages).WithOne(v => v.Township).HasForeignKey(v => v.TownshipId);
        });
        modelBuilder.Entity<Village>(b =>
        {
            b.ToTable("Villages");
            b.Property(v => v.CountyCode).HasMaxLength(12);
            b.Property(v => v.Code).HasMaxLength(15);
            b.Property(v => v.Name).HasMaxLength(50);
            b.HasIndex(v => new { v.CountyCode, v.Code }).IsUnique();
        });
        modelBuilder.Entity<Department>(b =>
        {
            b.ToTable("Departments");
            b.Property(d => d.CountyCode).HasMaxLength(12);
            b.Property(d => d.Name).HasMaxLength(50);
            b.HasIndex(d => new { d.CountyCode, d.Name }).IsUnique();
            b.HasOne<County>().WithMany().HasForeignKey(d => d.CountyCode);
            b.HasMany(d => d.Modules).WithOne().HasForeignKey(m => m.DepartmentId);
        });
        modelBuilder.Entity<DepartmentModule>(b =>
        {
            b.ToTable("DepartmentModules");
            b.HasKey(m => new { m.DepartmentId, m.Module });
            b.Property(m => m.Module).HasMaxLength(30);
        });
        modelBuilder.Entity<CountySetting>(b =>
        {
            b.ToTable("CountySettings");
            b.HasKey(s => new { s.CountyCode, s.Key });
            b.Property(s => s.Key).HasMaxLength(60);
            b.Property(s => s.Value).HasMaxLength(500);
        });
        WorkingCalendarModel.Configure(modelBuilder);
    }
}
