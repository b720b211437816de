using System.Globalization;
using Emergency.BuildingBlocks.Calendar;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Validation;
using Emergency.Enforcement.Contracts;
using Emergency.Enforcement.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Enforcement.Domain;

/// <summary>立案 as the user asked for it (general procedure, or 简易程序 decided on site at once).</summary>
internal sealed record CaseOpenRequest(
    int? TargetId,
    int? InspectionId,
    DateOnly? DiscoveredOn,
    PartyKind PartyKind,
    string? PartyName,
    string? PartyIdNumber,
    string? Matter,
    string? Facts,
    int? OfficerId,
    string? Approver,
    bool Simple,
    long? Fine,
    bool Warning);

/// <summary>One step on an open case: who signs (a certified officer) or approves, what, with which files.</summary>
internal sealed record CaseStepRequest(
    int? OfficerId,
    string? Approver,
    string? Text,
    long? Fine,
    bool Warning,
    bool Complex,
    bool Waived,
    int? ExtendDays,
    string? Receipt,
    IReadOnlyList<SavedFile> Files,
    int? Version = null);

/// <summary>An attachment already recognised by its content and saved under <see cref="FileName"/>.</summary>
internal sealed record SavedFile(string Name, string FileName, string ContentType);

/// <summary>The outcome of 立案: the case (or the referral made instead), whether it was referred, or the problems.</summary>
internal sealed record CaseOpenResult(Case? Case, bool Referred, IReadOnlyList<Problem> Problems);

/// <summary>
/// 行政处罚案件 (行政处罚法; 应急管理部令第18号; seed 002 委托执法, 三项制度, 两法衔接): 立案 → 调查取证 → 告知 →
/// 法制审核 and 集体讨论 for major decisions → 决定 → 送达 → 执行 → 结案, or 移送公安机关. The state changes only through
/// <see cref="CaseFlow"/>; each step is signed by an officer holding a valid 执法证 on the day (协管 never) or approved by
/// a named approver, recorded as an append-only <see cref="CaseStep"/>, and issues its document number from the
/// gap-free counter in the same transaction. A refusal writes nothing. Clocks are computed here and a clock found
/// missed is recorded once on the case and published as <see cref="CaseClockMissed"/>.
/// </summary>
internal sealed class Cases(EnforcementDbContext db, IWorkingDays workingDays, ICountySettings settings, TimeProvider clock, IStringLocalizer<EnforcementText> localizer)
{
    public const string FilingKind = "立";
    public const string NoticeKind = "告";
    public const string HearingKind = "听告";
    public const string DecisionKind = "罚";
    public const string ServiceKind = "送";
    public const string ClosingKind = "结";
    public const string TransferKind = "移";

    public const string CountyBureau = "县应急管理局";

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public DateTime NowLocal => ChinaTime.FromUtc(NowUtc);

    public DateOnly Today => DateOnly.FromDateTime(NowLocal);

    /// <summary>The matters entrusted to townships (委托执法 scope).</summary>
    public async Task<IReadOnlyList<string>> EntrustedMattersAsync(CancellationToken cancellationToken) =>
        (await settings.GetAsync(EnforcementModule.EntrustedMatters, cancellationToken))
            .Split(['；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task<IReadOnlyList<CaseClock>> ClocksAsync(Case c, CancellationToken cancellationToken) =>
        CaseClocks.Running(c, await settings.GetAsync(EnforcementModule.TransferApprovalDays, cancellationToken), await settings.GetAsync(EnforcementModule.TransferHours, cancellationToken));

    /// <summary>For a list of cases: each case's nearest running clock, with the settings read once.</summary>
    public async Task<Func<Case, CaseClock?>> NearestClockAsync(CancellationToken cancellationToken)
    {
        var approvalDays = await settings.GetAsync(EnforcementModule.TransferApprovalDays, cancellationToken);
        var transferHours = await settings.GetAsync(EnforcementModule.TransferHours, cancellationToken);
        return c => CaseClocks.Running(c, approvalDays, transferHours).OrderBy(k => k.DueLocal).FirstOrDefault();
    }

    public async Task<long> LateFeeAsync(Case c, CancellationToken cancellationToken) =>
        CaseClocks.LateFee(c, Today, await settings.GetAsync(EnforcementModule.LateFeePercent, cancellationToken));

    /// <summary>立案 (or 简易程序); a township outside the entrusted matters is refused and the file referred to the county.</summary>
    public async Task<CaseOpenResult> OpenAsync(CaseOpenRequest request, Drawer unit, string countyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(unit);
        var problems = new List<Problem>();
        var today = Today;
        Target? target = null;
        if (request.TargetId is { } targetId)
        {
            target = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == targetId && (unit.TownshipId == null || t.JurisdictionTownshipId == unit.TownshipId), cancellationToken);
        }

        if (target is null)
        {
            problems.Add(new("Input.TargetId", "请选择本单位管辖的企业"));
        }

        Inspection? inspection = null;
        if (request.InspectionId is { } inspectionId)
        {
            inspection = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId && i.TownshipId == unit.TownshipId, cancellationToken);
            if (inspection is null || (target is not null && inspection.TargetId != target.Id) || inspection.Findings.Length == 0)
            {
                problems.Add(new("Input.InspectionId", "所选现场检查不是本单位对该企业发现问题的检查"));
                inspection = null;
            }
        }

        var discovered = request.DiscoveredOn ?? inspection?.RecheckedOn ?? inspection?.InspectedOn;
        if (discovered is not { } found)
        {
            problems.Add(new("Input.DiscoveredOn", "请填写发现违法行为的日期"));
            found = today;
        }
        else if (found > today)
        {
            problems.Add(new("Input.DiscoveredOn", "发现日期不能晚于今天"));
        }

        if (string.IsNullOrWhiteSpace(request.PartyName))
        {
            problems.Add(new("Input.PartyName", "请填写当事人"));
        }

        var idNumber = IdCard.Normalize(request.PartyIdNumber);
        if (request.PartyKind == PartyKind.Individual && idNumber.Length > 0 && IdCard.Validate(idNumber) is { } idProblem)
        {
            problems.Add(new("Input.PartyIdNumber", idProblem));
        }

        if (string.IsNullOrWhiteSpace(request.Matter))
        {
            problems.Add(new("Input.Matter", "请选择或填写执法事项"));
        }

        if (string.IsNullOrWhiteSpace(request.Facts))
        {
            problems.Add(new("Input.Facts", "请填写违法事实"));
        }

        var officer = await SignerAsync(request.OfficerId, unit.TownshipId, "Input.OfficerId", problems, cancellationToken);
        if (request.Simple)
        {
            var limit = await settings.GetAsync(request.PartyKind == PartyKind.Individual ? EnforcementModule.SimpleIndividual : EnforcementModule.SimpleUnit, cancellationToken);
            var fine = request.Fine ?? 0;
            if (fine < 0 || (fine == 0 && !request.Warning))
            {
                problems.Add(new("Input.Fine", "简易程序须当场给予警告或罚款"));
            }
            else if (fine > limit)
            {
                problems.Add(new("Input.Fine", $"简易程序罚款不得超过 {limit} 元（{(request.PartyKind == PartyKind.Individual ? "个人" : "单位")}），请按一般程序立案"));
            }
        }
        else if (string.IsNullOrWhiteSpace(request.Approver))
        {
            problems.Add(new("Input.Approver", "请填写立案审批人"));
        }

        if (problems.Count > 0)
        {
            return new(null, false, problems);
        }

        var now = NowUtc;
        var matter = request.Matter!.Trim();
        var filingDue = await workingDays.AddWorkingDaysAsync(found, await settings.GetAsync(EnforcementModule.FilingWorkingDays, cancellationToken), cancellationToken);
        var file = inspection is null ? "" : $"（附现场检查记录：{Inspections.Day(inspection.InspectedOn)} 检查，{inspection.OrderNumber}{(inspection.RecheckNumber is null ? "" : "，" + inspection.RecheckNumber)}；发现问题：{inspection.Findings}）";
        var c = new Case
        {
            TownshipId = unit.TownshipId,
            UnitName = unit.UnitName,
            TargetId = target!.Id,
            TargetName = target.Name,
            InspectionId = inspection?.Id,
            PartyKind = request.PartyKind,
            PartyName = request.PartyName!.Trim(),
            PartyIdNumber = idNumber.Length > 0 ? idNumber : null,
            Matter = matter,
            Facts = request.Facts!.Trim(),
            Simple = request.Simple,
            DiscoveredOn = found,
            FilingDue = filingDue.Date,
            LeadOfficerId = officer!.Id,
            LeadOfficerName = officer.Name,
            CreatedBy = unit.UserName,
            CreatedAtUtc = now,
        };

        if (unit.TownshipId is { } township && !(await EntrustedMattersAsync(cancellationToken)).Contains(matter))
        {
            // 委托范围外: the township may not open it; the file goes to the county bureau, which opens the case.
            c.TownshipId = null;
            c.UnitName = CountyBureau;
            c.ReferredByTownshipId = township;
            c.Simple = false;
            c.State = CaseState.Referred;
            c.Steps.Add(Step("移送县局", $"“{matter}”不在委托乡镇执法事项范围内，{unit.UnitName}不能立案，移送县应急管理局立案调查。违法事实：{c.Facts}{file}", unit.UserName, officer.Name, now));
            db.Cases.Add(c);
            await db.SaveChangesAsync(cancellationToken);
            return new(c, true, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.Simple)
        {
            var number = await DocumentNumbers.NextAsync(db, DecisionKind, today.Year, countyName, cancellationToken);
            c.Fine = request.Fine ?? 0;
            c.ProposedFine = c.Fine;
            c.Warning = request.Warning;
            c.FiledOn = today;
            c.DecidedOn = today;
            c.DecisionNumber = number;
            c.ServedOn = today;
            c.State = CaseState.Served;
            c.PublishDue = (await workingDays.AddWorkingDaysAsync(today, await settings.GetAsync(EnforcementModule.PublishWorkingDays, cancellationToken), cancellationToken)).Date;
            if (c.Fine > 0)
            {
                c.PaymentDue = await workingDays.NextWorkingDayOnOrAfterAsync(today.AddDays(await settings.GetAsync(EnforcementModule.PaymentDays, cancellationToken)), cancellationToken);
            }

            c.Steps.Add(Step("简易程序当场处罚", $"{Penalty(c)}；违法事实：{c.Facts}{file}；当场交付当事人", unit.UserName, officer.Name, now, number));
        }
        else
        {
            var number = await DocumentNumbers.NextAsync(db, FilingKind, today.Year, countyName, cancellationToken);
            c.FiledOn = today;
            c.FilingNumber = number;
            c.State = CaseState.Filed;
            c.DecisionDays = await settings.GetAsync(EnforcementModule.DecisionDays, cancellationToken);
            c.DecisionDue = await workingDays.NextWorkingDayOnOrAfterAsync(today.AddDays(c.DecisionDays), cancellationToken);
            c.Steps.Add(Step("立案", $"执法事项：{matter}；违法事实：{c.Facts}{file}；立案审批人：{request.Approver!.Trim()}", unit.UserName, officer.Name, now, number));
            if (today > c.FilingDue)
            {
                Missed(c, new CaseClock("filing", "立案期限", CaseClocks.EndOf(c.FilingDue)), now);
            }
        }

        db.Cases.Add(c);
        db.PublishAfterSave(() => new CaseOpened
        {
            CaseId = c.Id,
            TargetId = c.TargetId,
            TargetName = c.TargetName,
            TownshipId = c.TownshipId,
            InspectionId = c.InspectionId,
            FilingNumber = c.FilingNumber ?? c.DecisionNumber!,
            FiledOn = today,
            Simple = c.Simple,
        });
        if (request.Simple)
        {
            PublishDecided(c);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(c, false, []);
    }

    /// <summary>
    /// One step on a case (with its steps loaded): the version the form was shown, the transition table, then the step's own
    /// rules; a refusal changes nothing. The case row's UPDATE is conditional on the version read (<see cref="Case.Version"/>),
    /// so when someone else's step committed in between, this one is refused with "案件已被他人更新" and rolled back whole
    /// (its document number included).
    /// </summary>
    public async Task<List<Problem>> ApplyAsync(Case c, CaseAction action, CaseStepRequest request, string userName, string countyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Version is { } seen && seen != c.Version)
        {
            return [new("", localizer["CaseConcurrentUpdate"].Value)];
        }

        if (CaseFlow.Next(c.State, action) is not { } next)
        {
            return [new("", CaseFlow.Refusal(c.State, action))];
        }

        var problems = new List<Problem>();
        var today = Today;
        var now = NowUtc;
        Officer? officer = null;
        var signs = action is CaseAction.File or CaseAction.Evidence or CaseAction.Investigate or CaseAction.Notify or CaseAction.Decide
            or CaseAction.Serve or CaseAction.Execute or CaseAction.MarkCrime or CaseAction.Transfer or CaseAction.Publish;
        if (signs)
        {
            officer = await SignerAsync(request.OfficerId, c.TownshipId, "Step.OfficerId", problems, cancellationToken);
        }

        var approves = action is CaseAction.Review or CaseAction.Discuss or CaseAction.Extend or CaseAction.ApproveTransfer or CaseAction.Close or CaseAction.File;
        if (approves && string.IsNullOrWhiteSpace(request.Approver))
        {
            problems.Add(new("Step.Approver", action switch
            {
                CaseAction.Review => "请填写法制审核人员",
                CaseAction.Discuss => "请填写主持集体讨论的负责人",
                _ => "请填写审批人",
            }));
        }

        var text = request.Text?.Trim() ?? "";
        switch (action)
        {
            case CaseAction.Evidence when request.Files.Count == 0:
                problems.Add(new("Step.Files", "请上传证据材料（照片或 PDF）"));
                break;
            case CaseAction.Investigate when !c.Steps.Any(s => s.Files.Count > 0):
                problems.Add(new("", "尚未收集任何证据材料，不能调查终结"));
                break;
            case CaseAction.Notify:
                if (request.Fine is not { } proposed || proposed < 0 || (proposed == 0 && !request.Warning))
                {
                    problems.Add(new("Step.Fine", "请填写拟处罚款数额（元）或选择警告"));
                }

                break;
            case CaseAction.Review when !c.Major:
                problems.Add(new("", "本案不属于重大执法决定，无需法制审核，可直接作出决定"));
                break;
            case CaseAction.Discuss when !c.Major:
                problems.Add(new("", "本案不属于重大执法决定，无需集体讨论"));
                break;
            case CaseAction.Decide:
                if (c.Major && c.State == CaseState.Notified)
                {
                    problems.Add(new("", "重大执法决定须先经法制审核，审核通过前不得作出决定"));
                }
                else if (c.Major && c.State == CaseState.Reviewed)
                {
                    problems.Add(new("", "重大执法决定须经负责人集体讨论后作出"));
                }
                else if (c.StatementDue is { } statement && today <= statement && !request.Waived)
                {
                    problems.Add(new("", $"陈述申辩期限至 {Inspections.Day(statement)} 届满，期满前不得作出决定（当事人明确放弃的除外）"));
                }

                if (request.Fine is not { } fine || fine < 0 || (fine == 0 && !request.Warning))
                {
                    problems.Add(new("Step.Fine", "请填写罚款数额（元）或选择警告"));
                }
                else if (fine > c.ProposedFine)
                {
                    problems.Add(new("Step.Fine", $"决定罚款不得高于告知的拟处罚款（{c.ProposedFine} 元），如需加重应重新告知"));
                }

                break;
            case CaseAction.Extend:
                var first = await settings.GetAsync(EnforcementModule.DecisionExtended, cancellationToken);
                var further = await settings.GetAsync(EnforcementModule.DecisionExtendedFurther, cancellationToken);
                var allowed = c.DecisionDays < first ? first : c.DecisionDays < further ? further : (int?)null;
                if (allowed is null)
                {
                    problems.Add(new("Step.ExtendDays", $"办案期限已延长至 {c.DecisionDays} 日，不能再延长"));
                }
                else if (request.ExtendDays != allowed)
                {
                    problems.Add(new("Step.ExtendDays", $"本次只能延长至立案之日起 {allowed} 日"));
                }

                if (text.Length == 0)
                {
                    problems.Add(new("Step.Text", "请填写延长理由"));
                }

                break;
            case CaseAction.Publish when c.PublishedOn is not null:
                problems.Add(new("", "处罚决定已公示"));
                break;
            case CaseAction.MarkCrime when c.SuspectedCrime:
                problems.Add(new("", "本案已认定涉嫌犯罪"));
                break;
            case CaseAction.MarkCrime when text.Length == 0:
                problems.Add(new("Step.Text", "请填写涉嫌犯罪的事实和罪名"));
                break;
            case CaseAction.ApproveTransfer when !c.SuspectedCrime:
            case CaseAction.Transfer when !c.SuspectedCrime:
                problems.Add(new("", "本案未认定涉嫌犯罪，不能移送公安机关"));
                break;
            case CaseAction.ApproveTransfer when c.TransferApprovedAtUtc is not null:
                problems.Add(new("", "移送已经批准"));
                break;
            case CaseAction.Transfer when c.TransferApprovedAtUtc is null:
                problems.Add(new("", "移送须先经批准"));
                break;
            case CaseAction.Transfer when string.IsNullOrWhiteSpace(request.Receipt):
                problems.Add(new("Step.Receipt", "请填写公安机关接收回执（编号、接收人）"));
                break;
            case CaseAction.Close when c.SuspectedCrime && c.TransferredAtUtc is null:
                problems.Add(new("", "本案涉嫌犯罪，须依法移送公安机关，不能以罚款代替移送而结案"));
                break;
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var approver = request.Approver?.Trim() ?? "";
        var signer = officer?.Name ?? approver;
        var clocks = await ClocksAsync(c, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        string? number = null;
        var words = text;
        switch (action)
        {
            case CaseAction.File:
                number = await DocumentNumbers.NextAsync(db, FilingKind, today.Year, countyName, cancellationToken);
                LateClock(c, clocks, "filing", now);
                c.FiledOn = today;
                c.FilingNumber = number;
                c.LeadOfficerId = officer!.Id;
                c.LeadOfficerName = officer.Name;
                c.DecisionDays = await settings.GetAsync(EnforcementModule.DecisionDays, cancellationToken);
                c.DecisionDue = await workingDays.NextWorkingDayOnOrAfterAsync(today.AddDays(c.DecisionDays), cancellationToken);
                words = $"立案审批人：{approver}" + (text.Length > 0 ? "；" + text : "");
                break;
            case CaseAction.Notify:
                var kindLimit = await settings.GetAsync(c.PartyKind == PartyKind.Individual ? EnforcementModule.HearingIndividual : EnforcementModule.HearingUnit, cancellationToken);
                c.ProposedFine = request.Fine!.Value;
                c.Warning = request.Warning;
                c.HearingRight = c.ProposedFine >= kindLimit;
                c.Major = request.Complex || c.HearingRight || c.ProposedFine >= await settings.GetAsync(EnforcementModule.MajorFine, cancellationToken);
                c.NotifiedOn = today;
                c.StatementDue = (await workingDays.AddWorkingDaysAsync(today, await settings.GetAsync(EnforcementModule.StatementWorkingDays, cancellationToken), cancellationToken)).Date;
                number = await DocumentNumbers.NextAsync(db, NoticeKind, today.Year, countyName, cancellationToken);
                c.NoticeNumber = number;
                if (c.HearingRight)
                {
                    c.HearingNoticeNumber = await DocumentNumbers.NextAsync(db, HearingKind, today.Year, countyName, cancellationToken);
                }

                words = $"拟{Penalty(c.ProposedFine, c.Warning)}；陈述申辩期限至 {Inspections.Day(c.StatementDue.Value)}"
                    + (c.HearingRight ? $"；当事人有权要求听证（{c.HearingNoticeNumber}）" : "")
                    + (c.Major ? "；属重大执法决定，须法制审核和集体讨论" : "")
                    + (text.Length > 0 ? "；" + text : "");
                break;
            case CaseAction.Review:
                words = $"法制审核通过，审核人员：{approver}" + (text.Length > 0 ? "；" + text : "");
                break;
            case CaseAction.Discuss:
                words = $"负责人集体讨论决定，主持人：{approver}" + (text.Length > 0 ? "；" + text : "");
                break;
            case CaseAction.Decide:
                number = await DocumentNumbers.NextAsync(db, DecisionKind, today.Year, countyName, cancellationToken);
                LateClock(c, clocks, "decision", now);
                c.Fine = request.Fine!.Value;
                c.Warning = request.Warning;
                c.DecidedOn = today;
                c.DecisionNumber = number;
                c.PublishDue = (await workingDays.AddWorkingDaysAsync(today, await settings.GetAsync(EnforcementModule.PublishWorkingDays, cancellationToken), cancellationToken)).Date;
                words = Penalty(c) + (request.Waived ? "（当事人放弃陈述申辩）" : "") + (text.Length > 0 ? "；" + text : "");
                PublishDecided(c);
                break;
            case CaseAction.Extend:
                c.DecisionDays = request.ExtendDays!.Value;
                c.DecisionDue = await workingDays.NextWorkingDayOnOrAfterAsync(c.FiledOn!.Value.AddDays(c.DecisionDays), cancellationToken);
                words = $"经 {approver} 批准，办案期限延长至立案之日起 {c.DecisionDays} 日（{Inspections.Day(c.DecisionDue.Value)}）；理由：{text}";
                break;
            case CaseAction.Serve:
                number = await DocumentNumbers.NextAsync(db, ServiceKind, today.Year, countyName, cancellationToken);
                c.ServedOn = today;
                c.ServiceNumber = number;
                if (c.Fine > 0)
                {
                    c.PaymentDue = await workingDays.NextWorkingDayOnOrAfterAsync(today.AddDays(await settings.GetAsync(EnforcementModule.PaymentDays, cancellationToken)), cancellationToken);
                    words = $"送达处罚决定书 {c.DecisionNumber}，缴款期限 {Inspections.Day(c.PaymentDue.Value)}" + (text.Length > 0 ? "；" + text : "");
                }

                break;
            case CaseAction.Execute:
                if (c.Fine > 0)
                {
                    c.LateFee = CaseClocks.LateFee(c, today, await settings.GetAsync(EnforcementModule.LateFeePercent, cancellationToken));
                    c.PaidOn = today;
                    words = $"已缴纳罚款 {c.Fine} 元" + (c.LateFee > 0 ? $"、加处罚款 {c.LateFee} 元" : "") + (text.Length > 0 ? "；" + text : "");
                }

                break;
            case CaseAction.Publish:
                LateClock(c, clocks, "publish", now);
                c.PublishedOn = today;
                words = "处罚决定已在公示页公开（个人信息已隐去）" + (text.Length > 0 ? "；" + text : "");
                break;
            case CaseAction.MarkCrime:
                c.SuspectedCrime = true;
                c.CrimeMarkedAtUtc = now;
                break;
            case CaseAction.ApproveTransfer:
                LateClock(c, clocks, "transfer-approval", now);
                c.TransferApprovedAtUtc = now;
                words = $"批准移送公安机关，审批人：{approver}" + (text.Length > 0 ? "；" + text : "");
                break;
            case CaseAction.Transfer:
                number = await DocumentNumbers.NextAsync(db, TransferKind, today.Year, countyName, cancellationToken);
                LateClock(c, clocks, "transfer", now);
                c.TransferredAtUtc = now;
                c.TransferNumber = number;
                c.TransferReceipt = request.Receipt!.Trim();
                words = $"移送公安机关，回执：{c.TransferReceipt}" + (text.Length > 0 ? "；" + text : "");
                db.PublishAfterSave(() => new CaseTransferred { CaseId = c.Id, TargetId = c.TargetId, TransferNumber = c.TransferNumber, TransferredAtUtc = now, Receipt = c.TransferReceipt });
                break;
            case CaseAction.Close:
                number = await DocumentNumbers.NextAsync(db, ClosingKind, today.Year, countyName, cancellationToken);
                c.ClosedOn = today;
                c.ClosingNumber = number;
                words = $"结案审批人：{approver}" + (text.Length > 0 ? "；" + text : "");
                db.PublishAfterSave(() => new CaseClosed { CaseId = c.Id, TargetId = c.TargetId, ClosedOn = today, Transferred = c.TransferredAtUtc is not null });
                break;
        }

        c.State = next;
        c.Version++;
        var step = Step(CaseFlow.Name(action), words, userName, signer, now, number);
        step.Files = request.Files.Select(f => new CaseFile { Name = f.Name, FileName = f.FileName, ContentType = f.ContentType }).ToList();
        c.Steps.Add(step);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another step on this case committed after it was read: nothing of this one is kept.
            await transaction.RollbackAsync(cancellationToken);
            return [new("", localizer["CaseConcurrentUpdate"].Value)];
        }

        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Records every clock of the case that has run out (once each); returns how many were recorded. The caller saves.</summary>
    public async Task<int> RecordMissedAsync(Case c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var now = NowUtc;
        var recorded = 0;
        foreach (var running in await ClocksAsync(c, cancellationToken))
        {
            if (NowLocal > running.DueLocal && Missed(c, running, now))
            {
                recorded++;
            }
        }

        return recorded;
    }

    public static string Penalty(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Penalty(c.Fine, c.Warning);
    }

    public static string Penalty(long fine, bool warning) =>
        (warning ? "警告" : "") + (warning && fine > 0 ? "，并处" : "") + (fine > 0 ? $"罚款 {fine.ToString("N0", CultureInfo.InvariantCulture)} 元" : "");

    private void LateClock(Case c, IReadOnlyList<CaseClock> clocks, string key, DateTime now)
    {
        if (clocks.FirstOrDefault(k => k.Key == key) is { } running && NowLocal > running.DueLocal)
        {
            Missed(c, running, now);
        }
    }

    /// <summary>Adds the missed-clock record once (by clock and due moment) and publishes <see cref="CaseClockMissed"/>.</summary>
    private bool Missed(Case c, CaseClock running, DateTime now)
    {
        if (c.Steps.Any(s => s.MissedClock == running.MissedKey))
        {
            return false;
        }

        var step = Step("期限逾期", $"{running.Name}（{running.DueLocal:yyyy-MM-dd HH:mm}）已届满，未按期完成", "系统", "", now);
        step.MissedClock = running.MissedKey;
        c.Steps.Add(step);
        db.PublishAfterSave(() => new CaseClockMissed { CaseId = c.Id, Clock = running.Key, ClockName = running.Name, DueLocal = running.DueLocal, TownshipId = c.TownshipId });
        return true;
    }

    private void PublishDecided(Case c) =>
        db.PublishAfterSave(() => new PenaltyDecided { CaseId = c.Id, TargetId = c.TargetId, DecisionNumber = c.DecisionNumber!, DecidedOn = c.DecidedOn!.Value, Fine = c.Fine, Warning = c.Warning });

    private static CaseStep Step(string name, string text, string by, string signedBy, DateTime now, string? number = null) =>
        new() { Step = name, Text = text, By = by, SignedBy = signedBy, AtUtc = now, DocumentNumber = number };

    /// <summary>The officer who signs: the unit's, holding a valid 执法证 today; 协管 never.</summary>
    private async Task<Officer?> SignerAsync(int? officerId, int? township, string field, List<Problem> problems, CancellationToken cancellationToken)
    {
        var officer = officerId is { } id ? await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.TownshipId == township, cancellationToken) : null;
        if (officer is null)
        {
            problems.Add(new(field, "请选择本单位持有效执法证的执法人员签署"));
        }
        else if (officer.Auxiliary)
        {
            problems.Add(new(field, $"{officer.Name} 是协管人员，不能签署执法文书或作出处罚决定"));
            return null;
        }
        else if (!officer.EligibleOn(Today))
        {
            problems.Add(new(field, $"{officer.Name} 的执法证在 {Inspections.Day(Today)} 不在有效期内，不能签署执法文书或作出处罚决定"));
            return null;
        }

        return officer;
    }
}
