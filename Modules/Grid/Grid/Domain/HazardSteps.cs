using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Files;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Contracts;
using Emergency.Grid.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Domain;

/// <summary>A refused step: the form field it belongs beside ("" for the whole form) and the Chinese message.</summary>
internal sealed record StepError(string Field, string Message);

/// <summary>An uploaded photo already checked by size and by its first bytes (see <see cref="PhotoKind"/>).</summary>
internal sealed record PhotoUpload(Microsoft.AspNetCore.Http.IFormFile File, string Extension, string ContentType);

/// <summary>
/// Every step of a hazard's rectification, for pages and jobs alike: checks the rule, changes the hazard
/// (through its own methods), records the history line (who, when, what) and publishes what others must
/// know, all in the caller's commit. A step that is refused returns its errors and changes nothing.
/// </summary>
internal sealed partial class HazardSteps(GridDbContext db, TimeProvider clock, GridAccess access, ICountyUnits units, GridNotices notices, IModuleFiles files)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The departments of the county that have the grid module on: only they can act on a hazard.</summary>
    public Task<IReadOnlyList<UnitInfo>> DepartmentsThatActAsync(CancellationToken cancellationToken) =>
        units.DepartmentsUsingAsync(access.County, GridModule.ModuleName, cancellationToken);

    /// <summary>
    /// Whether the hazard is with a department that has since switched the grid module off (it cannot act on it),
    /// while the township can still reassign it.
    /// </summary>
    public static bool NeedsReassigning(Hazard hazard, IReadOnlyList<UnitInfo> departmentsThatAct)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        ArgumentNullException.ThrowIfNull(departmentsThatAct);
        return HazardWorkflow.Allows(hazard.State, HazardAction.Reassign)
            && hazard.DepartmentId is { } department
            && departmentsThatAct.All(d => d.Id != department);
    }

    public void Record(Hazard hazard, string action, HazardState? from, HazardState? to, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        db.HazardHistory.Add(new HazardHistory
        {
            HazardId = hazard.Id,
            AtUtc = Now,
            By = access.UserName,
            Action = action,
            FromState = from,
            ToState = to,
            Note = note,
        });
    }

    /// <summary>上报: the first history line and <see cref="HazardReported"/>, both written with the new hazard once it has its id.</summary>
    public void Reported(Hazard hazard, string gridCode, int photos)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        var at = Now;
        var by = access.UserName;
        db.PublishAfterSave(() =>
        {
            db.HazardHistory.Add(new HazardHistory
            {
                HazardId = hazard.Id,
                AtUtc = at,
                By = by,
                Action = "上报",
                ToState = HazardState.Reported,
                Note = $"{(hazard.Level == HazardLevel.Major ? "重大隐患" : "一般隐患")}，{photos} 张照片",
            });
            return HazardEvents.Reported(hazard, gridCode);
        });
    }

    /// <summary>Moves the hazard one step and records it; false (nothing changed) when the step does not follow.</summary>
    public bool TryMove(Hazard hazard, HazardAction action, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (HazardWorkflow.Next(hazard.State, action) is not { } next)
        {
            return false;
        }

        var from = hazard.State;
        hazard.Enter(next, Now);
        Record(hazard, HazardWorkflow.ActionName(action), from, next, note);
        if (next == HazardState.Closed)
        {
            db.Publish(HazardEvents.Closed(hazard, access.UserName));
        }

        return true;
    }

    /// <summary>
    /// 交办: to a department of the county that has the grid module on, with a deadline in the future; a 重大隐患
    /// needs its 治理方案 first. The department is told (a notice with the link to the hazard).
    /// </summary>
    public async Task<IReadOnlyList<StepError>> AssignAsync(Hazard hazard, int? departmentId, DateTime? deadlineUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (!HazardWorkflow.Allows(hazard.State, HazardAction.Assign))
        {
            return [new("", HazardWorkflow.Refusal(hazard.State, HazardAction.Assign))];
        }

        var errors = new List<StepError>();
        var department = await DepartmentThatActsAsync(departmentId, errors, cancellationToken);
        if (hazard.Level == HazardLevel.Major && hazard.Plan is null)
        {
            errors.Add(new("Input.DepartmentId", "重大隐患须先制定治理方案，才能交办"));
        }

        Future(deadlineUtc, "Input.Deadline", "整改期限", errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        await ConfirmImplicitlyAsync(hazard, "交办", cancellationToken);
        hazard.Assign(department!.Id, department.Name, deadlineUtc!.Value);
        TryMove(hazard, HazardAction.Assign, $"交办{department.Name}，整改期限 {ChinaTime.Format(deadlineUtc.Value)}");
        db.Notify(notices.Assigned(hazard, Now));
        return [];
    }

    /// <summary>
    /// 确认等级: while the hazard is reported (before any assignment), the township (or the county) confirms the
    /// reporter's level or changes it; the history keeps old → new. A confirmed 重大隐患 alerts the county
    /// emergency bureau at once (once per hazard).
    /// </summary>
    public async Task<IReadOnlyList<StepError>> ConfirmLevelAsync(Hazard hazard, HazardLevel? level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (!HazardWorkflow.Allows(hazard.State, HazardAction.ConfirmLevel))
        {
            return [new("", HazardWorkflow.Refusal(hazard.State, HazardAction.ConfirmLevel))];
        }

        if (level is not { } chosen || !Enum.IsDefined(chosen))
        {
            return [new("Input.Level", "请选择隐患等级")];
        }

        var old = hazard.Level;
        hazard.ConfirmLevel(chosen, access.UserName, Now);
        Record(hazard, "确认等级", hazard.State, hazard.State,
            old == chosen ? $"确认为{Names.Level(chosen)}" : $"等级由{Names.Level(old)}改为{Names.Level(chosen)}");
        await AlertMajorAsync(hazard, cancellationToken);
        return [];
    }

    /// <summary>A step that acts on the hazard (交办, 现场整改, 交村/业主整改) confirms an unconfirmed level as it is, recorded.</summary>
    private async Task ConfirmImplicitlyAsync(Hazard hazard, string how, CancellationToken cancellationToken)
    {
        if (hazard.LevelConfirmedBy is not null)
        {
            return;
        }

        hazard.ConfirmLevel(hazard.Level, access.UserName, Now);
        Record(hazard, "确认等级", hazard.State, hazard.State, $"{how}时确认为{Names.Level(hazard.Level)}");
        await AlertMajorAsync(hazard, cancellationToken);
    }

    /// <summary>A confirmed 重大隐患: the county emergency bureau is told at once, once per hazard.</summary>
    private async Task AlertMajorAsync(Hazard hazard, CancellationToken cancellationToken)
    {
        if (hazard.Level != HazardLevel.Major)
        {
            return;
        }

        var bureau = (await units.DepartmentsAsync(access.County, cancellationToken)).FirstOrDefault(d => d.IsEmergencyBureau);
        if (bureau is null)
        {
            return;
        }

        var township = (await units.TownshipsAsync(access.County, cancellationToken)).FirstOrDefault(t => t.Id == hazard.TownshipId);
        await db.NotifyOnceAsync(ReminderKey.For("hazard", hazard.Id, "major"), notices.MajorConfirmed(hazard, bureau, township?.Name, Now), cancellationToken);
    }

    /// <summary>
    /// 现场整改: a 一般隐患 fixed at once by the reporting grid member or the township, with what was done and
    /// optional photos. The township re-inspects it (待复查); when the township fixed it itself it may close it at
    /// once (<paramref name="closeNow"/>: it is the re-inspector). A 重大隐患 is refused.
    /// </summary>
    public async Task<IReadOnlyList<StepError>> FixOnTheSpotAsync(Hazard hazard, string? note, bool byTownship, bool closeNow,
        IReadOnlyList<PhotoUpload> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        ArgumentNullException.ThrowIfNull(photos);
        var action = byTownship && closeNow ? HazardAction.FixOnTheSpotAndClose : HazardAction.FixOnTheSpot;
        if (!HazardWorkflow.Allows(hazard.State, action))
        {
            return [new("", HazardWorkflow.Refusal(hazard.State, action))];
        }

        if (hazard.Level == HazardLevel.Major)
        {
            return [new("", "重大隐患不能现场整改，须制定治理方案后交办责任部门")];
        }

        var errors = new List<StepError>();
        Text(note, "Input.FixNote", "请填写现场整改情况", errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        await ConfirmImplicitlyAsync(hazard, "现场整改", cancellationToken);
        await SavePhotosAsync(hazard, photos, PhotoPurpose.Fix, cancellationToken);
        hazard.Rectifier = HazardRectifier.OnTheSpot;
        hazard.RectificationNote = note!.Trim();
        var by = byTownship ? "乡镇" : "网格员";
        TryMove(hazard, action, $"{by}现场整改：{hazard.RectificationNote}{(photos.Count > 0 ? $"（{photos.Count} 张整改照片）" : "")}" +
            (action == HazardAction.FixOnTheSpotAndClose ? "，乡镇当场复查销号" : "，待乡镇复查"));
        return [];
    }

    private async Task SavePhotosAsync(Hazard hazard, IReadOnlyList<PhotoUpload> photos, PhotoPurpose purpose, CancellationToken cancellationToken)
    {
        foreach (var photo in photos)
        {
            await using var stream = photo.File.OpenReadStream();
            var name = await files.SaveAsync(access.County, GridModule.ModuleName, stream, photo.Extension, cancellationToken);
            db.HazardPhotos.Add(new HazardPhoto
            {
                HazardId = hazard.Id,
                FileName = name,
                ContentType = photo.ContentType,
                Size = photo.File.Length,
                UploadedAtUtc = Now,
                Purpose = purpose,
            });
        }
    }

    /// <summary>
    /// 交村/交业主整改: the township hands a 一般隐患 to a village of the township or to its owner (an enterprise or a
    /// person: a name and a mobile, no account) with a deadline; it is rectifying with that party shown instead of
    /// a department, and the township records the completion and re-inspects. A 重大隐患 is refused.
    /// </summary>
    public async Task<IReadOnlyList<StepError>> HandOverAsync(Hazard hazard, HazardRectifier? to, int? villageId, string? ownerName, string? ownerMobile,
        DateTime? deadlineUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (!HazardWorkflow.Allows(hazard.State, HazardAction.HandOver))
        {
            return [new("", HazardWorkflow.Refusal(hazard.State, HazardAction.HandOver))];
        }

        if (hazard.Level == HazardLevel.Major)
        {
            return [new("", "重大隐患不能交村或业主整改，须制定治理方案后交办责任部门")];
        }

        var errors = new List<StepError>();
        string? name = null;
        string? mobile = null;
        if (to == HazardRectifier.Village)
        {
            var village = villageId is null ? null : (await units.VillagesAsync(access.County, cancellationToken))
                .FirstOrDefault(v => v.Id == villageId && v.ParentId == hazard.TownshipId);
            if (village is null)
            {
                errors.Add(new("Input.VillageId", "请选择本乡镇的村（社区）"));
            }

            name = village?.Name;
        }
        else if (to == HazardRectifier.Owner)
        {
            name = ownerName?.Trim();
            mobile = ownerMobile?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                errors.Add(new("Input.OwnerName", "请填写业主（企业或个人）名称"));
            }
            else if (name.Length > 100)
            {
                errors.Add(new("Input.OwnerName", "业主名称不能超过 100 个字"));
            }

            if (string.IsNullOrEmpty(mobile))
            {
                errors.Add(new("Input.OwnerMobile", "请填写业主手机号"));
            }
            else if (!Mobile().IsMatch(mobile))
            {
                errors.Add(new("Input.OwnerMobile", "手机号应为 11 位数字，以 1 开头"));
            }
        }
        else
        {
            errors.Add(new("Input.HandTo", "请选择交村（社区）整改或交业主整改"));
        }

        Future(deadlineUtc, "Input.HandDeadline", "整改期限", errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        await ConfirmImplicitlyAsync(hazard, "交村/业主整改", cancellationToken);
        hazard.HandOver(to!.Value, name!, mobile, deadlineUtc!.Value);
        TryMove(hazard, HazardAction.HandOver, (to == HazardRectifier.Village ? $"交{name}整改" : $"交业主{name}（{mobile}）整改") +
            $"，整改期限 {ChinaTime.Format(deadlineUtc.Value)}，由乡镇复查");
        return [];
    }

    /// <summary>村/业主整改完成: the township records what the village or owner did; the hazard awaits its re-inspection.</summary>
    public IReadOnlyList<StepError> RecordCompletion(Hazard hazard, string? note)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (!HazardWorkflow.Allows(hazard.State, HazardAction.RecordCompletion) || hazard.Rectifier is not (HazardRectifier.Village or HazardRectifier.Owner))
        {
            return [new("", hazard.State == HazardState.Rectifying
                ? "该隐患由责任部门整改，须由部门整改完成后申请复查"
                : HazardWorkflow.Refusal(hazard.State, HazardAction.RecordCompletion))];
        }

        var errors = new List<StepError>();
        Text(note, "Input.Note", "请填写整改情况", errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        hazard.RectificationNote = note!.Trim();
        TryMove(hazard, HazardAction.RecordCompletion, $"{hazard.ResponsibleName}整改完成：{hazard.RectificationNote}");
        return [];
    }

    /// <summary>
    /// 乡镇吹哨 by hand: on a hazard a department has (assigned or rectifying), before its deadline too, with the
    /// reason; like the sweep's whistle the department is told and must report in (报到). Not again while a
    /// whistle awaits its 报到.
    /// </summary>
    public async Task<IReadOnlyList<StepError>> WhistleByHandAsync(Hazard hazard, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (!HazardWorkflow.Allows(hazard.State, HazardAction.Whistle))
        {
            return [new("", hazard.State == HazardState.Reported
                ? "隐患尚未交办责任部门，不能吹哨"
                : HazardWorkflow.Refusal(hazard.State, HazardAction.Whistle))];
        }

        if (hazard.DepartmentId is null)
        {
            return [new("", $"该隐患由{hazard.ResponsibleName}整改，由乡镇督促，不能向部门吹哨")];
        }

        if (hazard.AwaitingReportIn)
        {
            return [new("", $"已吹哨，正在等待{hazard.DepartmentName}报到，不能重复吹哨")];
        }

        var errors = new List<StepError>();
        Text(reason, "Input.WhistleReason", "请填写吹哨理由", errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        hazard.WhistleByHand(Now);
        Record(hazard, "乡镇吹哨", hazard.State, hazard.State, $"通知{hazard.DepartmentName}报到：{reason!.Trim()}");
        var township = (await units.TownshipsAsync(access.County, cancellationToken)).FirstOrDefault(t => t.Id == hazard.TownshipId);
        db.Notify(notices.Whistled(hazard, township?.Name, reason.Trim(), Now));
        return [];
    }

    /// <summary>报到超时: the department did not report in within <paramref name="workingDays"/> working days of the whistle; recorded once.</summary>
    public void Escalate(Hazard hazard, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        hazard.EscalatedAtUtc = Now;
        Record(hazard, "升级督办", hazard.State, hazard.State,
            $"{hazard.DepartmentName}吹哨后 {workingDays} 个工作日内未报到，已升级至县应急管理局");
    }

    /// <summary>
    /// 退回: the responsible department gives back a hazard it has not started, with its reason. The hazard is
    /// reported again (no department, no deadline), a pending extension lapses, and the township is told.
    /// </summary>
    public async Task<IReadOnlyList<StepError>> ReturnAsync(Hazard hazard, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (!HazardWorkflow.Allows(hazard.State, HazardAction.Return))
        {
            return [new("", HazardWorkflow.Refusal(hazard.State, HazardAction.Return))];
        }

        var errors = new List<StepError>();
        Text(reason, "Input.Note", "请填写退回理由", errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var department = hazard.DepartmentName ?? "责任部门";
        await LapsePendingExtensionsAsync(hazard, "隐患已退回乡镇", cancellationToken);
        hazard.Return();
        TryMove(hazard, HazardAction.Return, $"{department}退回：{reason!.Trim()}");
        var township = (await units.TownshipsAsync(access.County, cancellationToken)).FirstOrDefault(t => t.Id == hazard.TownshipId);
        db.Notify(notices.Returned(hazard, township?.Name, department, reason.Trim(), Now));
        return [];
    }

    /// <summary>
    /// 重新交办: a hazard (assigned or being rectified) whose department has switched the grid module off goes to
    /// another department that has it on, with a new deadline; it starts again as assigned, and that department is told.
    /// </summary>
    public async Task<IReadOnlyList<StepError>> ReassignAsync(Hazard hazard, int? departmentId, DateTime? deadlineUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (!HazardWorkflow.Allows(hazard.State, HazardAction.Reassign))
        {
            return [new("", HazardWorkflow.Refusal(hazard.State, HazardAction.Reassign))];
        }

        if (!NeedsReassigning(hazard, await DepartmentsThatActAsync(cancellationToken)))
        {
            return [new("", $"{hazard.DepartmentName}仍在使用网格模块，隐患仍由其办理；如不属于其职责，可由该部门退回后再交办")];
        }

        var errors = new List<StepError>();
        var department = await DepartmentThatActsAsync(departmentId, errors, cancellationToken);
        Future(deadlineUtc, "Input.Deadline", "整改期限", errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var previous = hazard.DepartmentName;
        await LapsePendingExtensionsAsync(hazard, "隐患已重新交办", cancellationToken);
        hazard.Assign(department!.Id, department.Name, deadlineUtc!.Value);
        TryMove(hazard, HazardAction.Reassign,
            $"原责任部门{previous}已停用网格模块，重新交办{department.Name}，整改期限 {ChinaTime.Format(deadlineUtc.Value)}");
        db.Notify(notices.Assigned(hazard, Now));
        return [];
    }

    /// <summary>The chosen department, if it has the grid module on; otherwise an error beside the field.</summary>
    private async Task<UnitInfo?> DepartmentThatActsAsync(int? departmentId, List<StepError> errors, CancellationToken cancellationToken)
    {
        if (departmentId is null)
        {
            errors.Add(new("Input.DepartmentId", "请选择责任部门"));
            return null;
        }

        if ((await DepartmentsThatActAsync(cancellationToken)).FirstOrDefault(d => d.Id == departmentId) is { } department)
        {
            return department;
        }

        var known = (await units.DepartmentsAsync(access.County, cancellationToken)).FirstOrDefault(d => d.Id == departmentId);
        errors.Add(new("Input.DepartmentId", known is null
            ? "请选择责任部门"
            : $"{known.Name}未启用网格模块，无法办理隐患，请选择已启用网格模块的部门"));
        return null;
    }

    /// <summary>A pending extension asked by the department that no longer has the hazard is refused with the reason.</summary>
    private async Task LapsePendingExtensionsAsync(Hazard hazard, string why, CancellationToken cancellationToken)
    {
        foreach (var request in await db.Extensions.Where(e => e.HazardId == hazard.Id && e.Status == ExtensionStatus.Pending).ToListAsync(cancellationToken))
        {
            request.Status = ExtensionStatus.Refused;
            request.DecidedBy = access.UserName;
            request.DecidedAtUtc = Now;
            request.DecisionNote = why;
        }
    }

    /// <summary>延期申请: by the department, before the deadline, to a later deadline, one pending at a time.</summary>
    public async Task<IReadOnlyList<StepError>> RequestExtensionAsync(Hazard hazard, DateTime? wantedUtc, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (!HazardWorkflow.HasDeadline(hazard.State) || hazard.DeadlineUtc is not { } current)
        {
            return [new("", "只有已交办、未销号的隐患可以申请延期")];
        }

        if (Now >= current)
        {
            return [new("Input.ExtensionDeadline", "整改期限已过，不能再申请延期")];
        }

        if (await db.Extensions.AnyAsync(e => e.HazardId == hazard.Id && e.Status == ExtensionStatus.Pending, cancellationToken))
        {
            return [new("Input.ExtensionDeadline", "已有待审批的延期申请")];
        }

        var errors = new List<StepError>();
        if (Future(wantedUtc, "Input.ExtensionDeadline", "延期后的期限", errors) && wantedUtc <= current)
        {
            errors.Add(new("Input.ExtensionDeadline", "延期后的期限必须晚于原整改期限"));
        }

        Text(reason, "Input.Note", "请填写延期理由", errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        db.Extensions.Add(new ExtensionRequest
        {
            HazardId = hazard.Id,
            RequestedDeadlineUtc = wantedUtc!.Value,
            Reason = reason!.Trim(),
            RequestedBy = access.UserName,
            RequestedAtUtc = Now,
        });
        Record(hazard, "申请延期", hazard.State, hazard.State, $"申请延期至 {ChinaTime.Format(wantedUtc.Value)}：{reason.Trim()}");
        return [];
    }

    /// <summary>The township approves (the deadline moves, no longer overdue) or refuses a pending extension.</summary>
    public IReadOnlyList<StepError> DecideExtension(Hazard hazard, ExtensionRequest? request, bool approve, string? note)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (request is null || request.Status != ExtensionStatus.Pending)
        {
            return [new("", "该延期申请已处理")];
        }

        if (approve && !HazardWorkflow.HasDeadline(hazard.State))
        {
            return [new("", "该隐患已办结，不能延期")];
        }

        request.Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Refused;
        request.DecidedBy = access.UserName;
        request.DecidedAtUtc = Now;
        request.DecisionNote = note?.Trim();
        if (approve)
        {
            hazard.ExtendDeadline(request.RequestedDeadlineUtc);
        }

        Record(hazard, approve ? "同意延期" : "不同意延期", hazard.State, hazard.State,
            approve ? $"整改期限延至 {ChinaTime.Format(request.RequestedDeadlineUtc)}" : request.DecisionNote);
        return [];
    }

    /// <summary>部门报到: only a hazard on the 报到 list, with the department's account of its progress.</summary>
    public IReadOnlyList<StepError> ReportIn(Hazard hazard, string? response)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (!hazard.AwaitingReportIn)
        {
            return [new("", "该隐患不在报到清单上")];
        }

        var errors = new List<StepError>();
        Text(response, "Input.Note", "请填写报到情况（整改进展和措施）", errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        hazard.ReportIn(response!.Trim(), Now);
        Record(hazard, "部门报到", hazard.State, hazard.State, hazard.ReportInResponse);
        return [];
    }

    /// <summary>
    /// 乡镇吹哨 by the overdue sweep: marks the hazard and records it; the caller tells the department. A hazard the
    /// village or owner rectifies has no department to report in: it is only marked overdue for the township.
    /// </summary>
    public void Whistle(Hazard hazard)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (hazard.DepartmentId is null)
        {
            hazard.Overdue = true;
            Record(hazard, "逾期", hazard.State, hazard.State,
                $"整改期限 {ChinaTime.Format(hazard.DeadlineUtc!.Value)} 已过{(hazard.ResponsibleName is { } who ? $"，由乡镇督促{who}整改" : "")}");
            return;
        }

        hazard.Whistle(Now);
        Record(hazard, "逾期吹哨", hazard.State, hazard.State, $"整改期限 {ChinaTime.Format(hazard.DeadlineUtc!.Value)} 已过，通知{hazard.DepartmentName}报到");
    }

    /// <summary>A China-time deadline as UTC, required and in the future.</summary>
    public bool Future(DateTime? utc, string field, string what, List<StepError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (utc is null)
        {
            errors.Add(new(field, $"请填写{what}"));
            return false;
        }

        if (utc <= Now)
        {
            errors.Add(new(field, $"{what}必须晚于当前时间"));
            return false;
        }

        return true;
    }

    [GeneratedRegex("^1[0-9]{10}$")]
    private static partial Regex Mobile();

    /// <summary>Required text of at most 2000 characters.</summary>
    public static void Text(string? value, string field, string message, List<StepError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
        }
        else if (value.Length > 2000)
        {
            errors.Add(new(field, "内容不能超过 2000 个字"));
        }
    }
}
