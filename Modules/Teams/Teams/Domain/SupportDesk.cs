using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Contracts;
using Emergency.Teams.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Domain;

/// <summary>A support request as the form gives it.</summary>
internal sealed class SupportDraft
{
    public SupportNeed Need { get; set; }

    public int? SupplyKindId { get; set; }

    public int? Quantity { get; set; }

    public string? TeamNeed { get; set; }

    public int? ReceivingSiteId { get; set; }

    public string? Place { get; set; }

    /// <summary>China time.</summary>
    public DateTime? NeededBy { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A team or site the county may assign, with what it has (a site: the stock of the kind asked for).</summary>
internal sealed record SupplierOption(string Key, string Name, string Detail);

/// <summary>
/// The rules of 一张网 (cross-township support): the one transition table (<see cref="Transitions"/>), who is told at
/// each step (the next actor, by a notice and on 我的待办), the history, and the 调拨 of supplies on confirmation —
/// in the ledger's transaction with the request's own change, so both land or neither.
/// </summary>
internal sealed class SupportDesk(TeamsDbContext db, SupportAccess access, StockLedger ledger, SupportNotices notices, ICountyUnits units, TimeProvider clock)
{
    /// <summary>The one transition table: (state, step) → the next state. A step not in it is refused and changes nothing.</summary>
    public static readonly IReadOnlyDictionary<(SupportStatus From, SupportAction Step), SupportStatus> Transitions =
        new Dictionary<(SupportStatus, SupportAction), SupportStatus>
        {
            [(SupportStatus.Requested, SupportAction.Assign)] = SupportStatus.Assigned,
            [(SupportStatus.Assigned, SupportAction.Confirm)] = SupportStatus.Confirmed,
            [(SupportStatus.Assigned, SupportAction.Decline)] = SupportStatus.Requested,
            [(SupportStatus.Confirmed, SupportAction.Close)] = SupportStatus.Closed,
            [(SupportStatus.Requested, SupportAction.Cancel)] = SupportStatus.Cancelled,
            [(SupportStatus.Assigned, SupportAction.Cancel)] = SupportStatus.Cancelled,
        };

    public static string StatusName(SupportStatus status) => status switch
    {
        SupportStatus.Requested => "待县应急局指派",
        SupportStatus.Assigned => "待支援单位确认",
        SupportStatus.Confirmed => "支援中，待申请单位结案",
        SupportStatus.Cancelled => "已撤回",
        _ => "已结案",
    };

    public static string ActionName(SupportAction action) => action switch
    {
        SupportAction.Request => "提出申请",
        SupportAction.Assign => "指派支援单位",
        SupportAction.Confirm => "确认支援",
        SupportAction.Decline => "无法支援",
        SupportAction.Cancel => "撤回申请",
        _ => "结案",
    };

    public static string NeedName(SupportNeed need) => need == SupportNeed.Supplies ? "物资" : "救援力量";

    /// <summary>Whether the step may be taken now (for showing its form).</summary>
    public static bool Allows(SupportRequest request, SupportAction step) => Transitions.ContainsKey((request.Status, step));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The sites of the township that may receive supplies (its own and its villages').</summary>
    public Task<List<StorageSite>> ReceivingSitesAsync(int townshipId, CancellationToken cancellationToken) =>
        db.Sites.AsNoTracking().Where(s => s.TownshipId == townshipId && s.DepartmentId == null).OrderBy(s => s.VillageId).ThenBy(s => s.Id).ToListAsync(cancellationToken);

    public async Task<(SupportRequest? Request, IReadOnlyList<FieldError> Errors)> RequestAsync(SupportDraft draft, UnitInfo township, CancellationToken cancellationToken, bool onBehalf = false)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(township);
        var errors = new List<FieldError>();
        SupplyKind? kind = null;
        if (draft.Quantity is not { } quantity || quantity <= 0 || quantity > StockLedger.MaxQuantity)
        {
            errors.Add(new FieldError("Quantity", draft.Need == SupportNeed.Supplies ? "请填写所需数量（正整数）" : "请填写所需救援人数（正整数）"));
        }

        if (draft.Need == SupportNeed.Supplies)
        {
            kind = draft.SupplyKindId is { } k ? await db.SupplyKinds.AsNoTracking().SingleOrDefaultAsync(x => x.Id == k, cancellationToken) : null;
            if (kind is null)
            {
                errors.Add(new FieldError("SupplyKindId", "请选择所需物资"));
            }

            var receiving = draft.ReceivingSiteId is { } r ? await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == r, cancellationToken) : null;
            if (receiving is null || receiving.TownshipId != township.Id || receiving.DepartmentId is not null)
            {
                errors.Add(new FieldError("ReceivingSiteId", "请选择本乡镇接收物资的储备点"));
            }
        }
        else if (string.IsNullOrWhiteSpace(draft.TeamNeed) || draft.TeamNeed.Trim().Length > 100)
        {
            errors.Add(new FieldError("TeamNeed", "请填写所需队伍类别，如 水上救援、森林灭火"));
        }

        if (string.IsNullOrWhiteSpace(draft.Place) || draft.Place.Trim().Length > 200)
        {
            errors.Add(new FieldError("Place", "请填写支援地点（200 字以内）"));
        }

        if (draft.NeededBy is not { } neededBy)
        {
            errors.Add(new FieldError("NeededBy", "请填写需要到达的时间"));
        }
        else if (ChinaTime.ToUtc(neededBy) <= Now)
        {
            errors.Add(new FieldError("NeededBy", "需要到达的时间应晚于现在"));
        }

        if (string.IsNullOrWhiteSpace(draft.Reason) || draft.Reason.Trim().Length > 1000)
        {
            errors.Add(new FieldError("Reason", "请填写申请理由（1000 字以内）"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = Now;
        var request = new SupportRequest
        {
            TownshipId = township.Id,
            TownshipName = township.Name,
            Need = draft.Need,
            SupplyKindId = draft.Need == SupportNeed.Supplies ? kind!.Id : null,
            ReceivingSiteId = draft.Need == SupportNeed.Supplies ? draft.ReceivingSiteId : null,
            TeamNeed = draft.Need == SupportNeed.Rescuers ? draft.TeamNeed!.Trim() : "",
            Quantity = draft.Quantity!.Value,
            Place = draft.Place!.Trim(),
            NeededByUtc = ChinaTime.ToUtc(draft.NeededBy!.Value),
            Reason = draft.Reason!.Trim(),
            Status = SupportStatus.Requested,
            CreatedAtUtc = now,
            CreatedBy = access.UserName,
            OnBehalf = onBehalf,
            UpdatedAtUtc = now,
        };
        request.Steps.Add(Step(SupportAction.Request, SupportStatus.Requested, SupportStatus.Requested, (onBehalf ? $"县应急管理局代{township.Name}申请：" : "") + What(request, kind), now));
        db.SupportRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        await TellBureauAsync(request, notices.Requested(request, What(request, kind), now), cancellationToken);
        db.Publish(new SupportRequested
        {
            RequestId = request.Id, TownshipId = request.TownshipId, TownshipName = request.TownshipName, Need = request.Need.ToString(),
            What = kind?.Name ?? request.TeamNeed, Quantity = request.Quantity, Place = request.Place, NeededByUtc = request.NeededByUtc,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (request, []);
    }

    /// <summary>The teams (rescuers) or the sites holding the kind (supplies) of other units that the county may assign.</summary>
    public async Task<IReadOnlyList<SupplierOption>> SupplierOptionsAsync(SupportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Need == SupportNeed.Rescuers)
        {
            var teams = await db.Teams.AsNoTracking().Where(t => t.Status == TeamStatus.Active && t.TownshipId != request.TownshipId)
                .OrderBy(t => t.DepartmentId == null).ThenBy(t => t.TownshipId).ThenBy(t => t.Id).ToListAsync(cancellationToken);
            return teams.Select(t => new SupplierOption("team:" + Id(t.Id), $"{t.Name}（{t.OwnerName}）", $"在队 {t.ActiveMembers} 人")).ToList();
        }

        var stock = await db.Stock.AsNoTracking().Include(s => s.Site).Include(s => s.Kind)
            .Where(s => s.KindId == request.SupplyKindId && s.Quantity > 0 && s.TownshipId != request.TownshipId)
            .OrderBy(s => s.DepartmentId == null).ThenBy(s => s.SiteId).ToListAsync(cancellationToken);
        return stock.Select(s => new SupplierOption("site:" + Id(s.SiteId), $"{s.Site!.Name}（{s.Site.OwnerName}）", $"现有{s.Kind!.Name} {s.Quantity} {s.Kind.Unit}")).ToList();
    }

    /// <summary>指派: the county emergency bureau names the supplier (a team for rescuers, a site with enough stock for supplies).</summary>
    public async Task<IReadOnlyList<FieldError>> AssignAsync(SupportRequest request, string? supplierKey, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(request, SupportAction.Assign) is { } refused)
        {
            return refused;
        }

        var parts = (supplierKey ?? "").Split(':');
        var id = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (request.Need == SupportNeed.Rescuers)
        {
            var team = parts[0] == "team" ? await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken) : null;
            if (team is null || team.Status != TeamStatus.Active)
            {
                return [new FieldError("SupplierKey", "请选择一支在编的救援队伍")];
            }

            if (team.TownshipId == request.TownshipId)
            {
                return [new FieldError("SupplierKey", "请选择其他乡镇或县级的队伍，申请乡镇本身的队伍无需跨区支援")];
            }

            request.SupplierTeamId = team.Id;
            request.SupplierSiteId = null;
            request.SupplierDepartmentId = team.DepartmentId;
            request.SupplierTownshipId = team.DepartmentId is null ? team.TownshipId : null;
            request.SupplierName = $"{team.Name}（{team.OwnerName}）";
        }
        else
        {
            var site = parts[0] == "site" ? await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
            if (site is null)
            {
                return [new FieldError("SupplierKey", "请选择调出物资的储备点")];
            }

            if (site.TownshipId == request.TownshipId)
            {
                return [new FieldError("SupplierKey", "请选择其他乡镇或县级的储备点")];
            }

            var kind = await db.SupplyKinds.AsNoTracking().SingleAsync(k => k.Id == request.SupplyKindId, cancellationToken);
            var has = await db.Stock.AsNoTracking().Where(s => s.SiteId == site.Id && s.KindId == kind.Id).Select(s => (int?)s.Quantity).SingleOrDefaultAsync(cancellationToken) ?? 0;
            if (has < request.Quantity)
            {
                return [new FieldError("SupplierKey", $"{site.Name}的{kind.Name}现有 {has} {kind.Unit}，不足所需 {request.Quantity} {kind.Unit}")];
            }

            request.SupplierSiteId = site.Id;
            request.SupplierTeamId = null;
            request.SupplierDepartmentId = site.DepartmentId;
            request.SupplierTownshipId = site.DepartmentId is null ? site.TownshipId : null;
            request.SupplierName = $"{site.Name}（{site.OwnerName}）";
        }

        var now = Now;
        return await InTransactionAsync(async () =>
        {
            if (!await MoveAsync(request, SupportAction.Assign, "指派：" + request.SupplierName + Suffix(note), now, cancellationToken))
            {
                return Taken;
            }

            if (SupplierRecipient(request) is { } to)
            {
                db.Notify(notices.Assigned(request, to, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            return [];
        }, cancellationToken);
    }

    /// <summary>确认支援: the supplying unit confirms; supplies move by a 调拨 into the township's receiving site in the same transaction.</summary>
    public async Task<IReadOnlyList<FieldError>> ConfirmAsync(SupportRequest request, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(request, SupportAction.Confirm) is { } refused)
        {
            return refused;
        }

        var now = Now;
        async Task<IReadOnlyList<FieldError>> ApplyAsync(Guid? transfer)
        {
            if (!await MoveAsync(request, SupportAction.Confirm, "确认支援" + Suffix(note), now, cancellationToken))
            {
                return Taken;
            }

            request.TransferId = transfer;
            db.Notify(notices.Confirmed(request, now));
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }

        if (request.Need == SupportNeed.Rescuers)
        {
            return await InTransactionAsync(() => ApplyAsync(null), cancellationToken);
        }

        var from = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == request.SupplierSiteId, cancellationToken);
        var to = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == request.ReceivingSiteId, cancellationToken);
        var kind = await db.SupplyKinds.AsNoTracking().SingleAsync(k => k.Id == request.SupplyKindId, cancellationToken);
        var result = await ledger.TransferAsync(from, to, kind, request.Quantity, $"支援申请第 {Id(request.Id)} 号（{request.TownshipName}）", access.UserName, cancellationToken,
            async transfer => new StockResult(await ApplyAsync(transfer)));
        return result.Succeeded ? [] : result.Errors.Select(e => new FieldError("", e.Message)).ToList();
    }

    /// <summary>无法支援: the supplying unit declines with a reason; the request goes back to the county to assign again.</summary>
    public async Task<IReadOnlyList<FieldError>> DeclineAsync(SupportRequest request, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(request, SupportAction.Decline) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            return [new FieldError("Note", "请填写无法支援的原因")];
        }

        var now = Now;
        var declinedBy = request.SupplierName;
        return await InTransactionAsync(async () =>
        {
            if (!await MoveAsync(request, SupportAction.Decline, $"{declinedBy}无法支援：{reason.Trim()}", now, cancellationToken))
            {
                return Taken;
            }

            request.SupplierTeamId = null;
            request.SupplierSiteId = null;
            request.SupplierTownshipId = null;
            request.SupplierDepartmentId = null;
            request.SupplierName = "";
            await TellBureauAsync(request, to => notices.Declined(request, declinedBy, reason.Trim(), to, now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }, cancellationToken);
    }

    /// <summary>结案: the requesting township records what was delivered.</summary>
    public async Task<IReadOnlyList<FieldError>> CloseAsync(SupportRequest request, string? delivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(request, SupportAction.Close) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(delivered) || delivered.Trim().Length > 1000)
        {
            return [new FieldError("Note", "请填写实际到位情况")];
        }

        var now = Now;
        return await InTransactionAsync(async () =>
        {
            if (!await MoveAsync(request, SupportAction.Close, "结案：" + delivered.Trim(), now, cancellationToken))
            {
                return Taken;
            }

            request.Delivered = delivered.Trim();
            db.Publish(new SupportFulfilled
        {
            RequestId = request.Id, TownshipId = request.TownshipId, SupplierName = request.SupplierName, SupplierTownshipId = request.SupplierTownshipId,
            SupplierDepartmentId = request.SupplierDepartmentId, Delivered = request.Delivered, TransferId = request.TransferId,
            });
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }, cancellationToken);
    }

    /// <summary>
    /// 撤回: the requesting township withdraws a request not yet confirmed (nothing has moved), with a reason; an assigned
    /// supplier is told, so it does not confirm. A confirmed or closed request is refused.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> CancelAsync(SupportRequest request, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(request, SupportAction.Cancel) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            return [new FieldError("Note", "请填写撤回的原因")];
        }

        var now = Now;
        var supplier = SupplierRecipient(request);
        return await InTransactionAsync(async () =>
        {
            if (!await MoveAsync(request, SupportAction.Cancel, "撤回：" + reason.Trim(), now, cancellationToken))
            {
                return Taken;
            }

            if (supplier is not null)
            {
                db.Notify(notices.Cancelled(request, reason.Trim(), supplier, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            return [];
        }, cancellationToken);
    }

    public static NoticeRecipient? SupplierRecipient(SupportRequest request) =>
        request.SupplierDepartmentId is { } d ? NoticeRecipient.Unit(UnitKind.Department, d, request.SupplierName)
        : request.SupplierTownshipId is { } t ? NoticeRecipient.Unit(UnitKind.Township, t, request.SupplierName)
        : null;

    /// <summary>The step's refusal when the table does not allow it from the request's state (nothing changed).</summary>
    private static IReadOnlyList<FieldError>? Refusal(SupportRequest request, SupportAction step) =>
        Allows(request, step) ? null : [new FieldError("", $"该申请当前{StatusName(request.Status)}，不能{ActionName(step)}")];

    /// <summary>
    /// Takes the step: the state changes only if nobody changed it since it was read (a conditional UPDATE, so a
    /// double-clicked 确认 transfers once); false when someone else was first. The step joins the history.
    /// </summary>
    private async Task<bool> MoveAsync(SupportRequest request, SupportAction step, string note, DateTime now, CancellationToken cancellationToken)
    {
        var from = request.Status;
        var to = Transitions[(from, step)];
        var id = request.Id;
        if (await db.SupportRequests.Where(r => r.Id == id && r.Status == from).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, to), cancellationToken) == 0)
        {
            return false;
        }

        request.Status = to;
        request.UpdatedAtUtc = now;
        var row = Step(step, from, to, note, now);
        row.RequestId = request.Id;
        db.SupportSteps.Add(row);
        return true;
    }

    private static readonly IReadOnlyList<FieldError> Taken = [new FieldError("", "该申请刚刚已由他人办理，请刷新后查看")];

    /// <summary>Runs the step in one transaction: committed when it succeeds, rolled back (nothing written) when refused.</summary>
    private async Task<IReadOnlyList<FieldError>> InTransactionAsync(Func<Task<IReadOnlyList<FieldError>>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var errors = await change();
        if (errors.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return errors;
    }

    private SupportStep Step(SupportAction action, SupportStatus from, SupportStatus to, string note, DateTime now) => new()
    {
        Action = action, From = from, To = to, Note = note.Length > 1000 ? note[..1000] : note, AtUtc = now, By = access.UserName, ByName = access.DisplayName,
    };

    private async Task TellBureauAsync(SupportRequest request, Func<NoticeRecipient, Notice> notice, CancellationToken cancellationToken)
    {
        var bureau = (await units.DepartmentsAsync(access.County, cancellationToken)).FirstOrDefault(d => d.IsEmergencyBureau);
        if (bureau is not null)
        {
            db.Notify(notice(NoticeRecipient.Unit(UnitKind.Department, bureau.Id, bureau.Name)));
        }
    }

    private Task TellBureauAsync(SupportRequest request, Notice template, CancellationToken cancellationToken) =>
        TellBureauAsync(request, to => template with { To = to }, cancellationToken);

    private static string What(SupportRequest request, SupplyKind? kind) =>
        request.Need == SupportNeed.Supplies ? $"{kind?.Name} {Id(request.Quantity)} {kind?.Unit}" : $"{request.TeamNeed} {Id(request.Quantity)} 人";

    private static string Suffix(string? note) => string.IsNullOrWhiteSpace(note) ? "" : "（" + note.Trim() + "）";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
