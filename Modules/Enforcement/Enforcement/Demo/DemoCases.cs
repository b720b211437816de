using Emergency.BuildingBlocks.Calendar;
using Emergency.BuildingBlocks.Settings;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.Extensions.Localization;

namespace Emergency.Enforcement.Demo;

/// <summary>
/// The demo county's cases, made through <see cref="Cases"/> (the transition table and its rules, document numbers from
/// the counters) as the users would: a case opened a week late (its missed 立案 clock recorded), a case just opened by
/// the bureau, one opened by 青山镇 within its entrusted matters, one 青山镇 had to refer to the bureau (乡镇移送待立案),
/// an on-site 简易程序 fine served and awaiting payment, and an on-site fine paid, published and closed. The demo has no
/// platform services, so the calendar is Monday–Friday (exact for the rest of 2026) and every setting its default.
/// </summary>
internal static class DemoCases
{
    public static async Task SeedAsync(EnforcementDbContext db, TimeProvider clock, IReadOnlyList<Target> targets, IReadOnlyList<Officer> officers, string qingshanName, CancellationToken cancellationToken)
    {
        var cases = new Cases(db, new MondayToFridayDays(), new DefaultSettings(), clock, new KeyLocalizer());
        var today = cases.Today;
        var county = new Drawer(null, Labels.County, "yjj");
        var township = new Drawer(officers[6].TownshipId, qingshanName, "qingshan");
        const string CountyName = "青山县";

        async Task<Case> OpenAsync(CaseOpenRequest request, Drawer unit)
        {
            var result = await cases.OpenAsync(request, unit, CountyName, cancellationToken);
            return result.Case ?? throw new InvalidOperationException("Demo case refused: " + string.Join("；", result.Problems.Select(p => p.Message)));
        }

        async Task StepAsync(Case c, CaseAction action, int? officer, string? approver, string text = "")
        {
            var problems = await cases.ApplyAsync(c, action, new CaseStepRequest(officer, approver, text, null, false, false, false, null, null, []), "yjj", CountyName, cancellationToken);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException("Demo step refused: " + string.Join("；", problems.Select(p => p.Message)));
            }
        }

        // 立案 a week after the discovery: the 5-working-day clock is recorded missed, never moved.
        await OpenAsync(new CaseOpenRequest(targets[1].Id, null, today.AddDays(-12), PartyKind.Unit, targets[1].Name, null, "未按规定对安全设备进行经常性维护、保养",
            "爆破器材库视频监控和防盗报警装置损坏未修复", officers[0].Id, "王局长", false, null, false), county);

        await OpenAsync(new CaseOpenRequest(targets[2].Id, null, today.AddDays(-1), PartyKind.Unit, targets[2].Name, null, "未按规定开展粉尘爆炸危险场所隐患排查",
            "木粉尘除尘系统未设置锁气卸灰装置，除尘器内积尘未清理", officers[2].Id, "王局长", false, null, false), county);

        // 青山镇 within its entrusted matters, and outside them (referred with the file to the county bureau).
        await OpenAsync(new CaseOpenRequest(targets[7].Id, null, today.AddDays(-2), PartyKind.Individual, "李某", null, "生产经营单位主要负责人未履行安全生产管理职责",
            "主要负责人未组织制定本单位安全生产规章制度和操作规程", officers[6].Id, "青山镇镇长", false, null, false), township);
        await OpenAsync(new CaseOpenRequest(targets[8].Id, null, today.AddDays(-1), PartyKind.Unit, targets[8].Name, null, "未按规定储存危险化学品",
            "农药与化肥混存于同一库房，未设置专用储存区", officers[7].Id, "青山镇镇长", false, null, false), township);

        // 简易程序 on site: a fine served and awaiting payment; a fine paid, published and closed.
        await OpenAsync(new CaseOpenRequest(targets[3].Id, null, today, PartyKind.Unit, targets[3].Name, null, "烟花爆竹批发仓库超量储存",
            "仓库内存放烟花爆竹超过核定储存量", officers[1].Id, null, true, 2000, false), county);
        var closed = await OpenAsync(new CaseOpenRequest(targets[5].Id, null, today, PartyKind.Unit, targets[5].Name, null, "未如实记录安全生产教育和培训情况",
            "新入职员工三级安全教育培训记录缺失", officers[3].Id, null, true, 1000, true), county);
        await StepAsync(closed, CaseAction.Execute, officers[3].Id, null, "当场缴纳");
        await StepAsync(closed, CaseAction.Publish, officers[3].Id, null);
        await StepAsync(closed, CaseAction.Close, null, "王局长");
    }

    private sealed class MondayToFridayDays : IWorkingDays
    {
        private static WorkingDayCalendar Calendar => WorkingDayCalendar.MondayToFriday;

        public Task<WorkingDayResult> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken cancellationToken) => Task.FromResult(Calendar.AddWorkingDays(start, days));

        public Task<int> CountWorkingDaysAsync(DateOnly fromExclusive, DateOnly toInclusive, CancellationToken cancellationToken) => Task.FromResult(Calendar.CountWorkingDays(fromExclusive, toInclusive));

        public Task<bool> IsWorkingDayAsync(DateOnly day, CancellationToken cancellationToken) => Task.FromResult(Calendar.IsWorkingDay(day));

        public Task<DateOnly> NextWorkingDayOnOrAfterAsync(DateOnly day, CancellationToken cancellationToken) => Task.FromResult(Calendar.NextWorkingDayOnOrAfter(day).Date);

        public Task<IReadOnlyList<int>> YearsWithoutScheduleAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) => Task.FromResult(Calendar.YearsWithoutSchedule(from, to));

        public Task<WorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken) => Task.FromResult(Calendar);
    }

    private sealed class DefaultSettings : ICountySettings
    {
        public Task<int> GetAsync(IntSetting setting, CancellationToken cancellationToken = default) => Task.FromResult(setting.Default);

        public Task<int> GetAsync(IntSetting setting, string county, CancellationToken cancellationToken = default) => Task.FromResult(setting.Default);

        public Task<string> GetAsync(TextSetting setting, CancellationToken cancellationToken = default) => Task.FromResult(setting.Default);

        public Task<string> GetAsync(TextSetting setting, string county, CancellationToken cancellationToken = default) => Task.FromResult(setting.Default);

        public Task<string> GetAsync(ChoiceSetting setting, CancellationToken cancellationToken = default) => Task.FromResult(setting.Default);

        public Task<string> GetAsync(ChoiceSetting setting, string county, CancellationToken cancellationToken = default) => Task.FromResult(setting.Default);
    }

    private sealed class KeyLocalizer : IStringLocalizer<EnforcementText>
    {
        public LocalizedString this[string name] => new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
