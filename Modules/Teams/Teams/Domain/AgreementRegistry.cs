using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;

namespace Emergency.Teams.Domain;

/// <summary>A 镇企联动协议 as the form gives it.</summary>
internal sealed class AgreementDraft
{
    public string? TownshipKey { get; set; }

    public string? EnterpriseName { get; set; }

    public string? ContactName { get; set; }

    public string? ContactMobile { get; set; }

    public string? TownshipProvides { get; set; }

    public string? EnterpriseProvides { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public AgreementStatus Status { get; set; }
}

/// <summary>
/// The rules of 镇企联动协议: an enterprise with a contact and an 11-digit mobile, what the enterprise provides, a
/// validity whose end is not before its start. Expiring: active and ending within teams.agreement-expiry-lead-days.
/// </summary>
internal sealed class AgreementRegistry(TeamsDbContext db, TimeProvider clock)
{
    public static string StatusName(AgreementStatus status) => status == AgreementStatus.Active ? "有效" : "已终止";

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(clock));

    /// <summary>Expired (an active agreement past its end) or expiring within the lead.</summary>
    public static bool IsDue(Agreement agreement, DateOnly today, int leadDays) =>
        agreement.Status == AgreementStatus.Active && agreement.ValidTo <= today.AddDays(leadDays);

    public async Task<(Agreement? Agreement, IReadOnlyList<FieldError> Errors)> SaveAsync(Agreement? agreement, AgreementDraft draft, UnitInfo? township, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        if (township is not { Kind: UnitKind.Township })
        {
            errors.Add(new FieldError("TownshipKey", "请选择乡镇"));
        }

        Required(errors, "EnterpriseName", draft.EnterpriseName, 100, "请填写企业名称（100 字以内）");
        Required(errors, "ContactName", draft.ContactName, 50, "请填写企业联系人");
        var mobile = draft.ContactMobile?.Trim() ?? "";
        if (mobile.Length != 11 || !mobile.All(char.IsAsciiDigit) || mobile[0] != '1')
        {
            errors.Add(new FieldError("ContactMobile", "请填写联系人的 11 位手机号码"));
        }

        Required(errors, "EnterpriseProvides", draft.EnterpriseProvides, 1000, "请填写企业提供的队伍、物资或演练等（1000 字以内）");
        if ((draft.TownshipProvides?.Trim().Length ?? 0) > 1000)
        {
            errors.Add(new FieldError("TownshipProvides", "乡镇提供的内容不超过 1000 字"));
        }

        if (draft.ValidFrom is null)
        {
            errors.Add(new FieldError("ValidFrom", "请填写协议生效日期"));
        }

        if (draft.ValidTo is null)
        {
            errors.Add(new FieldError("ValidTo", "请填写协议到期日期"));
        }
        else if (draft.ValidFrom is { } from && draft.ValidTo < from)
        {
            errors.Add(new FieldError("ValidTo", "到期日期不能早于生效日期"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (agreement is null)
        {
            agreement = new Agreement { CreatedAtUtc = now, CreatedBy = by };
            db.Agreements.Add(agreement);
        }

        agreement.TownshipId = township!.Id;
        agreement.TownshipName = township.Name;
        agreement.EnterpriseName = draft.EnterpriseName!.Trim();
        agreement.ContactName = draft.ContactName!.Trim();
        agreement.ContactMobile = mobile;
        agreement.TownshipProvides = draft.TownshipProvides?.Trim() ?? "";
        agreement.EnterpriseProvides = draft.EnterpriseProvides!.Trim();
        agreement.ValidFrom = draft.ValidFrom!.Value;
        agreement.ValidTo = draft.ValidTo!.Value;
        agreement.Status = draft.Status;
        agreement.UpdatedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        return (agreement, []);
    }

    private static void Required(List<FieldError> errors, string field, string? value, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, message));
        }
    }
}
