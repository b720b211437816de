using Emergency.BuildingBlocks.Tenancy;
using Emergency.BuildingBlocks.Validation;
using Emergency.Enforcement.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Domain;

/// <summary>An enterprise as entered on the form or read from an import row.</summary>
internal sealed record TargetDraft(
    string? Name,
    string? CreditCode,
    string? Address,
    int? TownshipId,
    string? Industry,
    RiskClass? Risk,
    StandardLevel? Standard,
    CreditClass? Credit,
    bool? IsKey,
    bool? Entrusted,
    string? ContactMobile);

/// <summary>
/// The rules of the 执法对象名录库: every field present, a valid 统一社会信用代码 (<see cref="CreditCode"/>), one
/// enterprise per code in the county, a township the user keeps; the jurisdiction is the county bureau or the
/// enterprise's own township (委托执法). An import writes all its rows or none.
/// </summary>
internal sealed class Targets(EnforcementDbContext db, TimeProvider clock)
{
    /// <summary>The problems of one draft, each with its form field (prefix "Input."), and the target it makes when there are none.</summary>
    public static (Target? Target, List<Problem> Problems) Check(TargetDraft draft, IReadOnlyList<UnitInfo> townships, ISet<string> takenCodes)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(townships);
        ArgumentNullException.ThrowIfNull(takenCodes);
        var problems = new List<Problem>();
        var name = draft.Name?.Trim() ?? "";
        var code = CreditCode.Normalise(draft.CreditCode);
        var address = draft.Address?.Trim() ?? "";
        var industry = draft.Industry?.Trim() ?? "";
        var mobile = draft.ContactMobile?.Trim() ?? "";
        if (name.Length == 0)
        {
            problems.Add(new("Input.Name", "请填写企业名称"));
        }
        else if (name.Length > 200)
        {
            problems.Add(new("Input.Name", "企业名称不能超过 200 个字"));
        }

        if (CreditCode.Problem(code) is { } codeProblem)
        {
            problems.Add(new("Input.CreditCode", codeProblem));
        }
        else if (takenCodes.Contains(code))
        {
            problems.Add(new("Input.CreditCode", "该统一社会信用代码已在本县名录库中"));
        }

        if (address.Length == 0)
        {
            problems.Add(new("Input.Address", "请填写地址"));
        }
        else if (address.Length > 300)
        {
            problems.Add(new("Input.Address", "地址不能超过 300 个字"));
        }

        var township = townships.FirstOrDefault(t => t.Id == draft.TownshipId);
        if (township is null)
        {
            problems.Add(new("Input.TownshipId", "请选择您负责的乡镇（街道）"));
        }

        if (industry.Length == 0)
        {
            problems.Add(new("Input.Industry", "请填写行业"));
        }
        else if (industry.Length > 50)
        {
            problems.Add(new("Input.Industry", "行业不能超过 50 个字"));
        }

        if (draft.Risk is null)
        {
            problems.Add(new("Input.Risk", "请选择风险等级（A、B、C、D）"));
        }

        if (draft.Standard is null)
        {
            problems.Add(new("Input.Standard", "请选择标准化等级"));
        }

        if (draft.Credit is null)
        {
            problems.Add(new("Input.Credit", "请选择信用等级"));
        }

        if (draft.IsKey is null)
        {
            problems.Add(new("Input.Kind", "请选择重点或一般"));
        }

        if (draft.Entrusted is null)
        {
            problems.Add(new("Input.Jurisdiction", "请选择执法管辖（县应急管理局或委托乡镇）"));
        }

        if (mobile.Length > 0 && Contact.ValidateMobile(mobile) is { } mobileProblem)
        {
            problems.Add(new("Input.ContactMobile", mobileProblem));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new Target
        {
            Name = name,
            CreditCode = code,
            Address = address,
            TownshipId = township!.Id,
            TownshipName = township.Name,
            Industry = industry,
            Risk = draft.Risk!.Value,
            Standard = draft.Standard!.Value,
            Credit = draft.Credit!.Value,
            IsKey = draft.IsKey!.Value,
            JurisdictionTownshipId = draft.Entrusted!.Value ? township.Id : null,
            ContactMobile = mobile.Length == 0 ? null : mobile,
        }, []);
    }

    public async Task<HashSet<string>> TakenCodesAsync(CancellationToken cancellationToken) =>
        (await db.Targets.Select(t => t.CreditCode).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public async Task<(Target? Added, List<Problem> Problems)> AddAsync(TargetDraft draft, IReadOnlyList<UnitInfo> townships, string createdBy, CancellationToken cancellationToken)
    {
        var (target, problems) = Check(draft, townships, await TakenCodesAsync(cancellationToken));
        if (target is null)
        {
            return (null, problems);
        }

        await SaveAsync([target], createdBy, cancellationToken);
        return (target, []);
    }

    /// <summary>Adds the checked rows of an import in one save: all or none (the codes are checked again against the store).</summary>
    public async Task<List<Problem>> ImportAsync(IReadOnlyList<Target> rows, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var taken = await TakenCodesAsync(cancellationToken);
        var clash = rows.FirstOrDefault(r => taken.Contains(r.CreditCode));
        if (clash is not null)
        {
            return [new("Upload", $"统一社会信用代码 {clash.CreditCode} 已在本县名录库中，未导入任何企业")];
        }

        await SaveAsync(rows, createdBy, cancellationToken);
        return [];
    }

    private async Task SaveAsync(IReadOnlyList<Target> rows, string createdBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            row.CreatedBy = createdBy;
            row.CreatedAtUtc = now;
            db.Targets.Add(row);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
