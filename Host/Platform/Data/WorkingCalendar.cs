using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform.Data;

internal enum CalendarDayKind
{
    Holiday = 0, // 放假
    MakeUpWorkday = 1, // 调休上班
}

/// <summary>A day of an official schedule that differs from the week: a holiday, or a weekend day that is worked (调休).</summary>
internal sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    /// <summary>The schedule the day belongs to (its own year).</summary>
    public int Year { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>The holiday it belongs to: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节.</summary>
    public string Name { get; set; } = "";
}

/// <summary>A year whose official schedule is loaded; a year without this row is counted Monday–Friday.</summary>
internal sealed class CalendarYear
{
    public int Year { get; set; }

    /// <summary>The document it comes from, e.g. 国办发明电〔2024〕12号.</summary>
    public string Source { get; set; } = "";

    public DateTime LoadedAtUtc { get; set; }

    /// <summary>The account that loaded it, or "system" for the built-in schedules.</summary>
    public string LoadedBy { get; set; } = "";
}

internal static class WorkingCalendarModel
{
    public const int MaxNameLength = 20;
    public const int MaxSourceLength = 100;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CalendarYear>(b =>
        {
            b.ToTable("CalendarYears");
            b.HasKey(y => y.Year);
            b.Property(y => y.Year).ValueGeneratedNever();
            b.Property(y => y.Source).HasMaxLength(MaxSourceLength);
            b.Property(y => y.LoadedBy).HasMaxLength(50);
        });
        modelBuilder.Entity<CalendarDay>(b =>
        {
            b.ToTable("CalendarDays");
            b.HasKey(d => d.Date);
            b.Property(d => d.Name).HasMaxLength(MaxNameLength);
            b.HasIndex(d => d.Year);
            b.HasOne<CalendarYear>().WithMany().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
