using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.BuildingBlocks.Validation;
using Emergency.Teams.Contracts;
using Emergency.Teams.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Domain;

/// <summary>One day of a weekly plan as the form gives it.</summary>
internal sealed class DutyPlanDayDraft
{
    public DateOnly Date { get; set; }

    public string? Name { get; set; }

    public string? Mobile { get; set; }
}

/// <summary>A village of a township and its plan for the week, if filed.</summary>
internal sealed record VillagePlan(UnitInfo Village, DutyPlan? Plan);

/// <summary>
/// 周值班计划: each village files the seven days of a week (who is on duty, their phone) with its township, for the
/// next week by the county's weekday (teams.duty-plan-due-weekday, default Friday). From that day until the week begins
/// the villages that have not filed are on the township's 我的待办; the day after it the township is told once per
/// village (<see cref="Jobs.DutyJob"/>). A first filing publishes <see cref="DutyPlanFiled"/>.
/// </summary>
internal sealed class DutyPlans(TeamsDbContext db, DutyAccess access, ICountyUnits units, ICountySettings settings, TimeProvider clock)
{
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The day by which the plan of the week starting <paramref name="weekStart"/> is due: the weekday of the week before.</summary>
    public static DateOnly DueDate(DateOnly weekStart, int dueWeekday) => weekStart.AddDays(-7 + (dueWeekday - 1));

    public static string WeekdayName(int weekday) => "周" + "一二三四五六日"[Math.Clamp(weekday, 1, 7) - 1];

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>The week whose plans are being collected: next week.</summary>
    public DateOnly NextWeek => WeekStart(Today).AddDays(7);

    public Task<int> DueWeekdayAsync(CancellationToken cancellationToken) => settings.GetAsync(TeamsModule.DutyPlanDueWeekday, cancellationToken);

    public async Task<IReadOnlyList<UnitInfo>> VillagesAsync(int townshipId, CancellationToken cancellationToken) =>
        (await units.VillagesAsync(access.County, cancellationToken)).Where(v => v.ParentId == townshipId).OrderBy(v => v.Id).ToList();

    /// <summary>The township's villages with their plans for the week.</summary>
    public async Task<IReadOnlyList<VillagePlan>> OfTownshipAsync(int townshipId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var villages = await VillagesAsync(townshipId, cancellationToken);
        var plans = await db.DutyPlans.AsNoTracking().Include(p => p.Days).Where(p => p.TownshipId == townshipId && p.WeekStart == weekStart).ToListAsync(cancellationToken);
        return villages.Select(v => new VillagePlan(v, plans.FirstOrDefault(p => p.VillageId == v.Id))).ToList();
    }

    /// <summary>The villages (of the township, or of the whole county when null) without a plan for the week.</summary>
    public async Task<IReadOnlyList<UnitInfo>> MissingAsync(int? townshipId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var villages = (await units.VillagesAsync(access.County, cancellationToken)).Where(v => townshipId is null || v.ParentId == townshipId).ToList();
        var filed = await db.DutyPlans.AsNoTracking().Where(p => p.WeekStart == weekStart && (townshipId == null || p.TownshipId == townshipId))
            .Select(p => p.VillageId).ToListAsync(cancellationToken);
        return villages.Where(v => !filed.Contains(v.Id)).OrderBy(v => v.ParentId).ThenBy(v => v.Id).ToList();
    }

    public Task<DutyPlan?> PlanAsync(int villageId, DateOnly weekStart, CancellationToken cancellationToken) =>
        db.DutyPlans.AsNoTracking().Include(p => p.Days).SingleOrDefaultAsync(p => p.VillageId == villageId && p.WeekStart == weekStart, cancellationToken);

    /// <summary>Files (or files again) the village's plan for the week: seven days, each with a name and a mobile.</summary>
    public async Task<IReadOnlyList<FieldError>> FileAsync(UnitInfo village, DateOnly weekStart, IReadOnlyList<DutyPlanDayDraft> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(village);
        ArgumentNullException.ThrowIfNull(days);
        if (weekStart != WeekStart(weekStart) || weekStart.AddDays(6) < Today)
        {
            return [new FieldError("Week", "请选择本周或以后的一周")];
        }

        var errors = new List<FieldError>();
        for (var i = 0; i < 7; i++)
        {
            var day = i < days.Count ? days[i] : new DutyPlanDayDraft();
            var date = weekStart.AddDays(i);
            if (string.IsNullOrWhiteSpace(day.Name) || day.Name.Trim().Length > 50)
            {
                errors.Add(new FieldError($"Days[{i}].Name", $"{StockNotices.Date(date)} 请填写值班人员"));
            }

            if (Contact.ValidateMobile(day.Mobile) is { } bad)
            {
                errors.Add(new FieldError($"Days[{i}].Mobile", bad));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = await db.DutyPlans.Include(p => p.Days).SingleOrDefaultAsync(p => p.VillageId == village.Id && p.WeekStart == weekStart, cancellationToken);
        var first = plan is null;
        if (plan is null)
        {
            plan = new DutyPlan { TownshipId = village.ParentId ?? 0, VillageId = village.Id, VillageName = village.Name, WeekStart = weekStart };
            db.DutyPlans.Add(plan);
        }

        plan.FiledAtUtc = now;
        plan.FiledBy = access.UserName;
        plan.Days.Clear();
        for (var i = 0; i < 7; i++)
        {
            plan.Days.Add(new DutyPlanDay { Date = weekStart.AddDays(i), Name = days[i].Name!.Trim(), Mobile = days[i].Mobile!.Trim() });
        }

        if (first)
        {
            db.PublishAfterSave(() => new DutyPlanFiled { TownshipId = plan.TownshipId, VillageId = plan.VillageId, VillageName = plan.VillageName, WeekStart = plan.WeekStart });
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
