using System.Globalization;
using Emergency.BuildingBlocks.Calendar;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.Enforcement.Contracts;
using Emergency.Enforcement.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Domain;

/// <summary>What the officers recorded on site.</summary>
internal sealed record InspectionRequest(
    int? TargetId,
    int? DrawItemId,
    DateOnly? Date,
    IReadOnlyList<int> OfficerIds,
    string? ItemsChecked,
    string? Findings,
    DateOnly? Deadline,
    string? PrincipalName,
    string? SafetyManagerName,
    string? OperatorName,
    bool Signed);

/// <summary>A photo already recognised by its content, saved under <see cref="FileName"/>.</summary>
internal sealed record SavedPhoto(string FileName, string ContentType);

/// <summary>
/// 现场检查 → 责令限期整改 → 复查 (应急管理部令第18号; seed 002 三位一体: 企业负责人+安全管理人员+岗位操作人员全过程在场).
/// An inspection needs at least two of the unit's officers holding a valid 执法证 on the day (协管 may accompany and are
/// recorded, never counted: 严禁辅助人员执法); a refusal writes nothing. Findings set a deadline and the 复查 falls due
/// the set working days after it (<see cref="IWorkingDays"/>). Each 责令限期整改指令书 and 整改复查意见书 gets the next
/// number of its kind and year from a counter advanced in the same transaction, so numbers have no gaps.
/// </summary>
internal sealed class Inspections(EnforcementDbContext db, IWorkingDays workingDays, ICountySettings settings, TimeProvider clock)
{
    public const string OrderKind = "责改";

    public const string RecheckKind = "复查";

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>Checks the request; the target and officers it names, or the problems.</summary>
    public async Task<(Target? Target, List<Officer> Officers, List<Problem> Problems)> CheckAsync(InspectionRequest request, Drawer unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(unit);
        var problems = new List<Problem>();
        var today = Today;
        Target? target = null;
        if (request.TargetId is { } targetId)
        {
            target = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == targetId && t.JurisdictionTownshipId == unit.TownshipId, cancellationToken);
        }

        if (target is null)
        {
            problems.Add(new("Input.TargetId", "请选择本单位管辖的检查对象"));
        }

        if (request.DrawItemId is { } itemId && target is not null)
        {
            var item = await db.DrawItems.AsNoTracking().Join(db.Draws, i => i.DrawId, d => d.Id, (i, d) => new { i.Id, i.TargetId, d.TownshipId })
                .SingleOrDefaultAsync(x => x.Id == itemId, cancellationToken);
            if (item is null || item.TargetId != target.Id || item.TownshipId != unit.TownshipId)
            {
                problems.Add(new("Input.TargetId", "抽查结果与检查对象不一致"));
            }
        }

        if (request.Date is not { } date)
        {
            problems.Add(new("Input.Date", "请填写检查日期"));
            date = today;
        }
        else if (date > today)
        {
            problems.Add(new("Input.Date", "检查日期不能晚于今天"));
        }

        var ids = request.OfficerIds.Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id) && o.TownshipId == unit.TownshipId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var certified = officers.Where(o => !o.Auxiliary).ToList();
        var invalid = certified.Where(o => !o.EligibleOn(date)).ToList();
        if (officers.Count != ids.Count)
        {
            problems.Add(new("Input.OfficerIds", "只能选择本单位登记的执法人员"));
        }
        else if (invalid.Count > 0)
        {
            problems.Add(new("Input.OfficerIds", string.Join("、", invalid.Select(o => o.Name)) + $" 的执法证在 {Day(date)} 不在有效期内，不能参加执法检查"));
        }
        else if (certified.Count < 2)
        {
            problems.Add(new("Input.OfficerIds", $"现场检查须有不少于 2 名持有效执法证的执法人员（协管人员不计入），本次只有 {certified.Count} 名"));
        }

        if (string.IsNullOrWhiteSpace(request.ItemsChecked))
        {
            problems.Add(new("Input.ItemsChecked", "请填写检查事项"));
        }

        if (string.IsNullOrWhiteSpace(request.PrincipalName))
        {
            problems.Add(new("Input.PrincipalName", "请填写在场的企业负责人姓名"));
        }

        if (string.IsNullOrWhiteSpace(request.SafetyManagerName))
        {
            problems.Add(new("Input.SafetyManagerName", "请填写在场的安全管理人员姓名"));
        }

        if (string.IsNullOrWhiteSpace(request.OperatorName))
        {
            problems.Add(new("Input.OperatorName", "请填写在场的岗位操作人员姓名"));
        }

        if (!string.IsNullOrWhiteSpace(request.Findings))
        {
            if (request.Deadline is not { } deadline)
            {
                problems.Add(new("Input.Deadline", "发现问题须责令限期整改，请填写整改期限"));
            }
            else if (deadline <= date)
            {
                problems.Add(new("Input.Deadline", "整改期限须晚于检查日期"));
            }
        }

        if (!request.Signed)
        {
            problems.Add(new("Input.Signed", "请确认执法人员已在现场检查记录上签名"));
        }

        return (target, officers, problems);
    }

    /// <summary>Records a checked inspection with its (already saved) photos in one transaction.</summary>
    public async Task<Inspection> RecordAsync(InspectionRequest request, Target target, List<Officer> officers, IReadOnlyList<SavedPhoto> photos, Drawer unit, string countyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(officers);
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(unit);
        var now = clock.GetUtcNow().UtcDateTime;
        var date = request.Date!.Value;
        var certified = officers.Where(o => !o.Auxiliary).ToList();
        var signedAt = ChinaTime.FromUtc(now).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var inspection = new Inspection
        {
            TownshipId = unit.TownshipId,
            UnitName = unit.UnitName,
            TargetId = target.Id,
            TargetName = target.Name,
            TargetTownshipId = target.TownshipId,
            DrawItemId = request.DrawItemId,
            InspectedOn = date,
            OfficerIds = DrawAlgorithm.Join(certified.Select(o => o.Id)),
            OfficerNames = string.Join("、", certified.Select(o => o.Name)),
            AuxiliaryNames = string.Join("、", officers.Where(o => o.Auxiliary).Select(o => o.Name)),
            ItemsChecked = request.ItemsChecked!.Trim(),
            Findings = request.Findings?.Trim() ?? "",
            PrincipalName = request.PrincipalName!.Trim(),
            SafetyManagerName = request.SafetyManagerName!.Trim(),
            OperatorName = request.OperatorName!.Trim(),
            Signatures = string.Join("；", certified.Select(o => $"{o.Name}@{signedAt}")),
            State = InspectionState.Closed,
            CreatedBy = unit.UserName,
            CreatedAtUtc = now,
            Photos = photos.Select(p => new InspectionPhoto { FileName = p.FileName, ContentType = p.ContentType }).ToList(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (inspection.Findings.Length > 0)
        {
            inspection.State = InspectionState.AwaitingRecheck;
            inspection.Deadline = request.Deadline!.Value;
            var due = await workingDays.AddWorkingDaysAsync(inspection.Deadline.Value, await settings.GetAsync(EnforcementModule.RecheckWorkingDays, cancellationToken), cancellationToken);
            inspection.RecheckDue = due.Date;
            inspection.RecheckDueFallback = due.UsedFallback;
            inspection.OrderNumber = await DocumentNumbers.NextAsync(db, OrderKind, date.Year, countyName, cancellationToken);
        }

        db.Inspections.Add(inspection);
        db.PublishAfterSave(() => new InspectionCompleted
        {
            InspectionId = inspection.Id,
            TargetId = inspection.TargetId,
            TargetName = inspection.TargetName,
            TownshipId = inspection.TownshipId,
            Date = inspection.InspectedOn,
            HasFindings = inspection.Findings.Length > 0,
            Deadline = inspection.Deadline,
            RecheckDue = inspection.RecheckDue,
            OrderNumber = inspection.OrderNumber,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inspection;
    }

    /// <summary>复查: passed closes it, failed keeps it open as 复查不合格; a 复查 after its due date records the missed clock.</summary>
    public async Task<List<Problem>> RecheckAsync(Inspection inspection, DateOnly? date, bool? passed, string? notes, string userName, string countyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var problems = new List<Problem>();
        if (inspection.State != InspectionState.AwaitingRecheck)
        {
            return [new("", "该检查不在待复查状态")];
        }

        if (date is not { } day)
        {
            problems.Add(new("Recheck.Date", "请填写复查日期"));
        }
        else if (day > Today)
        {
            problems.Add(new("Recheck.Date", "复查日期不能晚于今天"));
        }
        else if (day < inspection.InspectedOn)
        {
            problems.Add(new("Recheck.Date", "复查日期不能早于检查日期"));
        }

        if (passed is null)
        {
            problems.Add(new("Recheck.Passed", "请选择复查结论"));
        }

        if (string.IsNullOrWhiteSpace(notes))
        {
            problems.Add(new("Recheck.Notes", "请填写复查意见"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        inspection.RecheckedOn = date!.Value;
        inspection.RecheckNotes = notes!.Trim();
        inspection.RecheckedBy = userName;
        inspection.State = passed!.Value ? InspectionState.RecheckPassed : InspectionState.RecheckFailed;
        if (inspection.RecheckDue is { } due && date.Value > due)
        {
            inspection.RecheckMissedOn ??= due;
        }

        inspection.RecheckNumber = await DocumentNumbers.NextAsync(db, RecheckKind, date.Value.Year, countyName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
