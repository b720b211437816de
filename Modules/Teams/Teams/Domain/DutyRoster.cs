using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.BuildingBlocks.Validation;
using Emergency.Teams.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Domain;

/// <summary>One person of a day's roster as the grid form gives it.</summary>
internal sealed class DutyPersonDraft
{
    public string? Name { get; set; }

    public string? Mobile { get; set; }

    /// <summary>The person's sign-in account (optional).</summary>
    public string? UserName { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Mobile) && string.IsNullOrWhiteSpace(UserName);
}

/// <summary>One day of the grid form: the leader on duty and up to <see cref="DutyShift.MaxStaff"/> staff.</summary>
internal sealed class DutyDayDraft
{
    public DateOnly Date { get; set; }

    public DutyPersonDraft Leader { get; set; } = new();

    public DutyPersonDraft Staff1 { get; set; } = new();

    public DutyPersonDraft Staff2 { get; set; } = new();

    public DutyPersonDraft Slot(int slot) => slot switch { 0 => Leader, 1 => Staff1, _ => Staff2 };

    public static string SlotField(int slot) => slot switch { 0 => "Leader", 1 => "Staff1", _ => "Staff2" };

    public bool IsBlank => Leader.IsBlank && Staff1.IsBlank && Staff2.IsBlank;
}

/// <summary>A day of a roster as pages show it.</summary>
internal sealed record DutyDay(DateOnly Date, DutyShift? Leader, IReadOnlyList<DutyShift> Staff);

/// <summary>
/// The 24-hour duty rosters (应急值守): the county's (kept by the county emergency bureau) and each township's. Days
/// are entered a week or a month at a time on a grid and edited a day at a time; a day needs its leader on duty and at
/// least one staff member, cannot be in the past, and has each person once. Swaps (换班) are asked by the person on
/// duty and decided by the roster's keeper; the roster changes only on approval, and both people are told. The duty
/// log (值班记录) is appended to, never changed.
/// </summary>
internal sealed class DutyRoster(TeamsDbContext db, DutyAccess access, DutyNotices notices, ICountyUnits units, TimeProvider clock)
{
    public const string CountyRosterName = "县应急管理局（县级值班）";

    /// <summary>A grid form holds at most this many days (a month).</summary>
    public const int MaxDays = 31;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.FromUtc(Now));

    public static string RoleName(DutyRole role) => role == DutyRole.Leader ? "带班领导" : "值班员";

    public static string KindName(DutyLogKind kind) => kind switch
    {
        DutyLogKind.Call => "来电",
        DutyLogKind.Event => "事件",
        _ => "交接班",
    };

    public static string SwapStatusName(DutySwapStatus status) => status switch
    {
        DutySwapStatus.Asked => "待审批",
        DutySwapStatus.Approved => "已同意",
        _ => "未同意",
    };

    public async Task<string> RosterNameAsync(int roster, CancellationToken cancellationToken) =>
        roster == DutyAccess.CountyRoster ? CountyRosterName
        : (await units.TownshipsAsync(access.County, cancellationToken)).FirstOrDefault(t => t.Id == roster)?.Name ?? "";

    public async Task<bool> ExistsAsync(int roster, CancellationToken cancellationToken) =>
        roster == DutyAccess.CountyRoster || (await units.TownshipsAsync(access.County, cancellationToken)).Any(t => t.Id == roster);

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/> (inclusive), each with whoever is on duty.</summary>
    public async Task<IReadOnlyList<DutyDay>> DaysAsync(int roster, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var shifts = await db.DutyShifts.AsNoTracking().Where(s => s.TownshipId == roster && s.Date >= from && s.Date <= to)
            .OrderBy(s => s.Date).ThenBy(s => s.Slot).ToListAsync(cancellationToken);
        var days = new List<DutyDay>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var date = d;
            days.Add(new DutyDay(date, shifts.FirstOrDefault(s => s.Date == date && s.Slot == 0), shifts.Where(s => s.Date == date && s.Slot > 0).ToList()));
        }

        return days;
    }

    /// <summary>The grid form's rows for the days, filled with what is there.</summary>
    public async Task<List<DutyDayDraft>> DraftsAsync(int roster, DateOnly from, int count, CancellationToken cancellationToken)
    {
        var days = await DaysAsync(roster, from, from.AddDays(Math.Clamp(count, 1, MaxDays) - 1), cancellationToken);
        return days.Select(d =>
        {
            var draft = new DutyDayDraft { Date = d.Date };
            foreach (var shift in (IEnumerable<DutyShift>)[.. d.Leader is null ? [] : new[] { d.Leader }, .. d.Staff])
            {
                var person = draft.Slot(shift.Slot);
                person.Name = shift.Name;
                person.Mobile = shift.Mobile;
                person.UserName = shift.UserName;
            }

            return draft;
        }).ToList();
    }

    /// <summary>
    /// Saves the grid's days: each filled day replaces that day's roster (an emptied slot is cleared); a blank day is
    /// left as it was. Any refused day refuses the whole form (nothing is saved). Returns the number of days saved.
    /// </summary>
    public async Task<(int Saved, IReadOnlyList<FieldError> Errors)> SaveAsync(int roster, IReadOnlyList<DutyDayDraft> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        var errors = new List<FieldError>();
        var today = Today;
        var filled = new List<DutyDayDraft>();
        if (days.Count > MaxDays)
        {
            return (0, [new FieldError("", $"一次最多录入 {MaxDays} 天")]);
        }

        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            if (day.IsBlank)
            {
                continue;
            }

            var prefix = $"Days[{i}].";
            if (day.Date < today)
            {
                errors.Add(new FieldError(prefix + "Date", $"{StockNotices.Date(day.Date)} 已过去，不能再排班"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(day.Leader.Name))
            {
                errors.Add(new FieldError(prefix + "Leader.Name", $"{StockNotices.Date(day.Date)} 请填写带班领导"));
            }

            if (day.Staff1.IsBlank && day.Staff2.IsBlank)
            {
                errors.Add(new FieldError(prefix + "Staff1.Name", $"{StockNotices.Date(day.Date)} 请至少填写一名值班员"));
            }

            var seen = new List<(string Name, string? User)>();
            for (var slot = 0; slot <= DutyShift.MaxStaff; slot++)
            {
                var person = day.Slot(slot);
                if (person.IsBlank)
                {
                    continue;
                }

                var field = prefix + DutyDayDraft.SlotField(slot) + ".";
                var name = person.Name?.Trim() ?? "";
                var user = string.IsNullOrWhiteSpace(person.UserName) ? null : person.UserName.Trim();
                if (name.Length is 0 or > 50)
                {
                    errors.Add(new FieldError(field + "Name", "请填写姓名（50 字以内）"));
                    continue;
                }

                if (Contact.ValidateMobile(person.Mobile) is { } bad)
                {
                    errors.Add(new FieldError(field + "Mobile", bad));
                }

                if (user is { Length: > 64 })
                {
                    errors.Add(new FieldError(field + "UserName", "平台账号不超过 64 个字符"));
                }

                if (seen.Any(p => p.Name == name || (user is not null && string.Equals(p.User, user, StringComparison.OrdinalIgnoreCase))))
                {
                    errors.Add(new FieldError(field + "Name", $"{name} 在 {StockNotices.Date(day.Date)} 已排班，同一人一天只排一次"));
                }

                seen.Add((name, user));
            }

            filled.Add(day);
        }

        if (errors.Count > 0)
        {
            return (0, errors);
        }

        var dates = filled.Select(d => d.Date).ToList();
        var existing = await db.DutyShifts.Where(s => s.TownshipId == roster && dates.Contains(s.Date)).ToListAsync(cancellationToken);
        var now = Now;
        foreach (var day in filled)
        {
            for (var slot = 0; slot <= DutyShift.MaxStaff; slot++)
            {
                var person = day.Slot(slot);
                var shift = existing.FirstOrDefault(s => s.Date == day.Date && s.Slot == slot);
                if (person.IsBlank)
                {
                    if (shift is not null)
                    {
                        db.DutyShifts.Remove(shift);
                    }

                    continue;
                }

                if (shift is null)
                {
                    shift = new DutyShift { TownshipId = roster, Date = day.Date, Slot = slot };
                    db.DutyShifts.Add(shift);
                }

                shift.Name = person.Name!.Trim();
                shift.Mobile = person.Mobile!.Trim();
                shift.UserName = string.IsNullOrWhiteSpace(person.UserName) ? null : person.UserName.Trim();
                shift.UpdatedAtUtc = now;
                shift.UpdatedBy = access.UserName;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (filled.Count, []);
    }

    /// <summary>The shifts the person on duty may swap with: the same roster and post, from today on, someone else's.</summary>
    public Task<List<DutyShift>> SwapOptionsAsync(DutyShift shift, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shift);
        var today = Today;
        var leader = shift.Slot == 0;
        return db.DutyShifts.AsNoTracking()
            .Where(s => s.TownshipId == shift.TownshipId && s.Date >= today && s.Date != shift.Date && s.Name != shift.Name && (leader ? s.Slot == 0 : s.Slot > 0))
            .OrderBy(s => s.Date).ThenBy(s => s.Slot).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>换班: the person on duty asks to exchange their shift with another; the keeper is told.</summary>
    public async Task<(DutySwap? Swap, IReadOnlyList<FieldError> Errors)> AskSwapAsync(DutyShift shift, int? otherShiftId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shift);
        var today = Today;
        if (shift.Date < today)
        {
            return (null, [new FieldError("", "该班次已过去，不能换班")]);
        }

        var other = otherShiftId is { } o ? await db.DutyShifts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == o, cancellationToken) : null;
        var errors = new List<FieldError>();
        if (other is null || other.TownshipId != shift.TownshipId || other.Date < today || other.Date == shift.Date || other.Name == shift.Name
            || (other.Slot == 0) != (shift.Slot == 0))
        {
            errors.Add(new FieldError("OtherShiftId", "请选择同一值班表中今后其他人的同岗位班次"));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            errors.Add(new FieldError("Reason", "请填写换班理由（500 字以内）"));
        }

        if (await db.DutySwaps.AnyAsync(s => s.Status == DutySwapStatus.Asked && (s.ShiftId == shift.Id || s.OtherShiftId == shift.Id), cancellationToken))
        {
            errors.Add(new FieldError("", "该班次已有待审批的换班申请"));
        }

        if (errors.Count == 0 && await ClashAsync(shift, other!, cancellationToken) is { } clash)
        {
            errors.Add(new FieldError("OtherShiftId", clash));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var swap = new DutySwap
        {
            TownshipId = shift.TownshipId, ShiftId = shift.Id, Date = shift.Date, Name = shift.Name, UserName = shift.UserName ?? access.UserName,
            OtherShiftId = other!.Id, OtherDate = other.Date, OtherName = other.Name, OtherUserName = other.UserName,
            Reason = reason!.Trim(), Status = DutySwapStatus.Asked, AskedAtUtc = Now,
        };
        db.DutySwaps.Add(swap);
        await db.SaveChangesAsync(cancellationToken);
        db.Notify(notices.SwapAsked(swap, await KeeperAsync(swap.TownshipId, cancellationToken), Now));
        await db.SaveChangesAsync(cancellationToken);
        return (swap, []);
    }

    /// <summary>
    /// The keeper approves (the two shifts exchange their people) or refuses (with a reason) a swap; both people are
    /// told. A swap already decided, or whose shifts changed since it was asked, is refused and nothing changes.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> DecideSwapAsync(DutySwap swap, bool approve, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(swap);
        if (swap.Status != DutySwapStatus.Asked)
        {
            return [new FieldError("", $"该换班申请{SwapStatusName(swap.Status)}，不能再审批")];
        }

        if (!approve && (string.IsNullOrWhiteSpace(note) || note.Trim().Length > 500))
        {
            return [new FieldError("Note", "请填写不同意的理由")];
        }

        if (approve)
        {
            var shift = await db.DutyShifts.SingleOrDefaultAsync(s => s.Id == swap.ShiftId, cancellationToken);
            var other = await db.DutyShifts.SingleOrDefaultAsync(s => s.Id == swap.OtherShiftId, cancellationToken);
            if (shift is null || other is null || shift.Name != swap.Name || other.Name != swap.OtherName)
            {
                return [new FieldError("", "申请后值班表已变更，不能按此申请换班，请不同意后重新申请")];
            }

            if (shift.Date < Today || other.Date < Today)
            {
                return [new FieldError("", "班次已过去，不能再换班")];
            }

            if (await ClashAsync(shift, other, cancellationToken) is { } clash)
            {
                return [new FieldError("", clash)];
            }

            (shift.Name, other.Name) = (other.Name, shift.Name);
            (shift.Mobile, other.Mobile) = (other.Mobile, shift.Mobile);
            (shift.UserName, other.UserName) = (other.UserName, shift.UserName);
            shift.UpdatedAtUtc = other.UpdatedAtUtc = Now;
            shift.UpdatedBy = other.UpdatedBy = access.UserName;
        }

        var id = swap.Id;
        if (await db.DutySwaps.Where(s => s.Id == id && s.Status == DutySwapStatus.Asked)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, approve ? DutySwapStatus.Approved : DutySwapStatus.Refused), cancellationToken) == 0)
        {
            db.ChangeTracker.Clear();
            return [new FieldError("", "该换班申请刚刚已由他人审批，请刷新后查看")];
        }

        swap.Status = approve ? DutySwapStatus.Approved : DutySwapStatus.Refused;
        swap.DecidedBy = access.UserName;
        swap.DecidedAtUtc = Now;
        swap.DecisionNote = note?.Trim() ?? "";
        foreach (var (user, name) in new[] { ((string?)swap.UserName, swap.Name), (swap.OtherUserName, swap.OtherName) })
        {
            if (!string.IsNullOrWhiteSpace(user))
            {
                db.Notify(notices.SwapDecided(swap, NoticeRecipient.Account(user, name), Now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Appends an entry to the day's duty log (今天或以前), with who and when; entries are never changed.</summary>
    public async Task<IReadOnlyList<FieldError>> AppendLogAsync(int roster, DateOnly date, DutyLogKind kind, string? text, CancellationToken cancellationToken)
    {
        if (date > Today)
        {
            return [new FieldError("Date", "不能为今后的日期填写值班记录")];
        }

        if (!Enum.IsDefined(kind))
        {
            return [new FieldError("Kind", "请选择记录类别")];
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 2000)
        {
            return [new FieldError("Text", "请填写记录内容（2000 字以内）")];
        }

        db.DutyLog.Add(new DutyLogEntry { TownshipId = roster, Date = date, Kind = kind, Text = text.Trim(), AtUtc = Now, By = access.UserName, ByName = access.DisplayName });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public Task<List<DutyLogEntry>> LogAsync(int roster, DateOnly date, CancellationToken cancellationToken) =>
        db.DutyLog.AsNoTracking().Where(e => e.TownshipId == roster && e.Date == date).OrderBy(e => e.Id).ToListAsync(cancellationToken);

    /// <summary>Who is told of a roster's swaps: the county emergency bureau (county roster) or the township.</summary>
    public async Task<NoticeRecipient> KeeperAsync(int roster, CancellationToken cancellationToken)
    {
        if (roster != DutyAccess.CountyRoster)
        {
            return NoticeRecipient.Unit(UnitKind.Township, roster, await RosterNameAsync(roster, cancellationToken));
        }

        var bureau = (await units.DepartmentsAsync(access.County, cancellationToken)).FirstOrDefault(d => d.IsEmergencyBureau);
        return bureau is null ? NoticeRecipient.Unit(UnitKind.Department, 0) : NoticeRecipient.Unit(UnitKind.Department, bureau.Id, bureau.Name);
    }

    /// <summary>Why the two people cannot exchange days (one already on duty on the other's day), or null.</summary>
    private async Task<string?> ClashAsync(DutyShift shift, DutyShift other, CancellationToken cancellationToken)
    {
        var a = shift.Name;
        var b = other.Name;
        if (await db.DutyShifts.AnyAsync(s => s.TownshipId == shift.TownshipId && s.Date == other.Date && s.Id != other.Id && s.Name == a, cancellationToken))
        {
            return $"{a} 在 {StockNotices.Date(other.Date)} 已有班次，不能换到这一天";
        }

        return await db.DutyShifts.AnyAsync(s => s.TownshipId == shift.TownshipId && s.Date == shift.Date && s.Id != shift.Id && s.Name == b, cancellationToken)
            ? $"{b} 在 {StockNotices.Date(shift.Date)} 已有班次，不能换到这一天"
            : null;
    }
}
