using Emergency.BuildingBlocks.Calendar;
using Emergency.Host.Platform.Calendar;
using Emergency.Host.Platform.Data;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>Working-day arithmetic on the real 2025/2026 schedules (国务院办公厅), without a database.</summary>
public sealed class WorkingDaysTests
{
    private static readonly WorkingDayCalendar Calendar = new(
        OfficialSchedules.All.SelectMany(s => s.Days).Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date),
        OfficialSchedules.All.SelectMany(s => s.Days).Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date),
        OfficialSchedules.All.Select(s => s.Year));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void The_built_in_schedules_are_those_of_the_State_Council()
    {
        var y2026 = OfficialSchedules.All.Single(s => s.Year == 2026).Days;
        y2026.Count(d => d.Kind == CalendarDayKind.Holiday).Should().Be(3 + 9 + 3 + 5 + 3 + 3 + 7);
        y2026.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date).Should()
            .Equal(D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10));
        y2026.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Should().OnlyContain(d => d.Date.DayOfWeek == DayOfWeek.Saturday || d.Date.DayOfWeek == DayOfWeek.Sunday);

        var y2025 = OfficialSchedules.All.Single(s => s.Year == 2025);
        y2025.Source.Should().Be("国办发明电〔2024〕12号");
        y2025.Days.Count(d => d.Kind == CalendarDayKind.Holiday).Should().Be(1 + 8 + 3 + 5 + 3 + 8);
        y2025.Days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date).Should()
            .Equal(D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11));
    }

    [Fact]
    public void The_make_up_Saturday_before_the_Spring_Festival_is_a_working_day()
    {
        Calendar.IsWorkingDay(D(2026, 2, 14)).Should().BeTrue("2026-02-14 is a Saturday worked for 春节 (调休上班)");
        var next = Calendar.AddWorkingDays(D(2026, 2, 13), 1);
        next.Date.Should().Be(D(2026, 2, 14), "Friday 2-13 plus one working day is the make-up Saturday");
        next.UsedFallback.Should().BeFalse();
    }

    [Fact]
    public void The_Spring_Festival_week_is_skipped()
    {
        for (var day = D(2026, 2, 15); day <= D(2026, 2, 23); day = day.AddDays(1))
        {
            Calendar.IsWorkingDay(day).Should().BeFalse($"{day} is in the 春节 holiday");
        }

        Calendar.AddWorkingDays(D(2026, 2, 14), 1).Date.Should().Be(D(2026, 2, 24), "the next working day after 2-14 is Tuesday 2-24");
        Calendar.CountWorkingDays(D(2026, 2, 13), D(2026, 2, 28)).Should().Be(6, "2-14, 2-24…2-27 and the make-up Saturday 2-28");
    }

    [Fact]
    public void The_National_Day_week_ends_on_Thursday_and_the_Saturday_10_10_is_worked()
    {
        Calendar.AddWorkingDays(D(2026, 9, 30), 1).Date.Should().Be(D(2026, 10, 8), "10-1…10-7 are off, Thursday 10-8 is worked");
        Calendar.IsWorkingDay(D(2026, 10, 10)).Should().BeTrue("Saturday 10-10 is a make-up working day");
        Calendar.IsWorkingDay(D(2026, 10, 11)).Should().BeFalse("Sunday 10-11 is an ordinary Sunday");
        Calendar.AddWorkingDays(D(2026, 10, 8), 2).Date.Should().Be(D(2026, 10, 10), "10-9 then the make-up Saturday 10-10");
        Calendar.AddWorkingDays(D(2026, 10, 9), 2).Date.Should().Be(D(2026, 10, 12), "10-10 then Monday 10-12");

        // October 2026: 22 weekdays, 5 of them (10-1, 10-2, 10-5, 10-6, 10-7) off, plus Saturday 10-10.
        Calendar.CountWorkingDays(D(2026, 9, 30), D(2026, 10, 31)).Should().Be(22 - 5 + 1);
    }

    [Fact]
    public void Twenty_working_days_cross_the_Spring_Festival_and_its_make_up_Saturdays()
    {
        // 2-14 (1), 2-24…2-27 (2-5), Saturday 2-28 (6), 3-2…3-6 (7-11), 3-9…3-13 (12-16), 3-16…3-19 (17-20).
        var result = Calendar.AddWorkingDays(D(2026, 2, 13), 20);
        result.Date.Should().Be(D(2026, 3, 19));
        result.UsedFallback.Should().BeFalse();
        Calendar.CountWorkingDays(D(2026, 2, 13), result.Date).Should().Be(20, "counting back gives the same number");
    }

    [Fact]
    public void The_start_day_is_not_counted_and_zero_days_is_the_start()
    {
        Calendar.AddWorkingDays(D(2026, 6, 18), 0).Date.Should().Be(D(2026, 6, 18));
        Calendar.AddWorkingDays(D(2026, 6, 18), 1).Date.Should().Be(D(2026, 6, 22), "端午节 6-19…6-21 is off");
        Calendar.CountWorkingDays(D(2026, 6, 22), D(2026, 6, 22)).Should().Be(0, "the range excludes its start");
        Calendar.CountWorkingDays(D(2026, 6, 22), D(2026, 6, 1)).Should().Be(0, "an empty range");
        var act = () => Calendar.AddWorkingDays(D(2026, 6, 18), -1);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_calendar_period_ending_on_a_holiday_moves_to_the_next_working_day()
    {
        Calendar.NextWorkingDayOnOrAfter(D(2026, 10, 3)).Date.Should().Be(D(2026, 10, 8));
        Calendar.NextWorkingDayOnOrAfter(D(2026, 10, 10)).Date.Should().Be(D(2026, 10, 10), "a make-up Saturday is a working day");
        Calendar.NextWorkingDayOnOrAfter(D(2026, 1, 1)).Date.Should().Be(D(2026, 1, 4), "元旦 1-1…1-3, then the make-up Sunday 1-4");
    }

    [Fact]
    public void A_year_without_a_schedule_counts_Monday_to_Friday_and_says_so()
    {
        // 2027 has no schedule here: New Year's Day (a Friday) counts as a working day.
        var result = Calendar.AddWorkingDays(D(2026, 12, 31), 2);
        result.Date.Should().Be(D(2027, 1, 4), "Friday 2027-01-01, then Monday 01-04");
        result.UsedFallback.Should().BeTrue();
        result.FallbackYears.Should().Equal(2027);

        Calendar.AddWorkingDays(D(2026, 12, 30), 1).UsedFallback.Should().BeFalse("only 2026 was touched");
        Calendar.CountWorkingDays(D(2027, 1, 31), D(2027, 2, 28)).Should().Be(20, "February 2027 without 春节: its 20 weekdays");
        Calendar.YearsWithoutSchedule(D(2024, 6, 1), D(2028, 1, 1)).Should().Equal(2024, 2027, 2028);
        var moved = Calendar.NextWorkingDayOnOrAfter(D(2027, 1, 2));
        moved.Date.Should().Be(D(2027, 1, 4));
        moved.FallbackYears.Should().Equal(2027);
        WorkingDayCalendar.MondayToFriday.AddWorkingDays(D(2026, 2, 13), 1).Date.Should().Be(D(2026, 2, 16), "with no schedule at all 2-14 is an ordinary Saturday");
    }
}
