using Emergency.BuildingBlocks.Tenancy;
using Emergency.BuildingBlocks.Validation;
using Emergency.Enforcement.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Domain;

/// <summary>An officer as entered: a county officer (<see cref="TownshipId"/> null) or a township's.</summary>
internal sealed record OfficerDraft(string? Name, int? TownshipId, bool Auxiliary, string? CertificateNumber, DateOnly? ValidFrom, DateOnly? ValidTo, string? Mobile);

/// <summary>
/// The rules of officers (seed 002: 执法人员必须…取得相应资格持证上岗；严禁辅助人员执法): a certified officer has a 执法证
/// number (unique in the county) and its validity; an auxiliary (协管) has none and is never drawn. A declared conflict
/// names the officer's relation to an enterprise, once per officer and enterprise.
/// </summary>
internal sealed class Officers(EnforcementDbContext db, TimeProvider clock)
{
    public async Task<(Officer? Added, List<Problem> Problems)> AddAsync(OfficerDraft draft, bool mayAddCounty, IReadOnlyList<UnitInfo> townships, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(townships);
        var problems = new List<Problem>();
        var name = draft.Name?.Trim() ?? "";
        var number = draft.CertificateNumber?.Trim() ?? "";
        var mobile = draft.Mobile?.Trim() ?? "";
        if (name.Length == 0)
        {
            problems.Add(new("Input.Name", "请填写姓名"));
        }
        else if (name.Length > 50)
        {
            problems.Add(new("Input.Name", "姓名不能超过 50 个字"));
        }

        var township = draft.TownshipId is { } id ? townships.FirstOrDefault(t => t.Id == id) : null;
        if ((draft.TownshipId is null && !mayAddCounty) || (draft.TownshipId is not null && township is null))
        {
            problems.Add(new("Input.TownshipId", "请选择您负责的单位"));
        }

        if (draft.Auxiliary)
        {
            if (number.Length > 0)
            {
                problems.Add(new("Input.CertificateNumber", "协管人员没有执法证，不填写证号"));
            }
        }
        else
        {
            if (number.Length == 0)
            {
                problems.Add(new("Input.CertificateNumber", "请填写执法证号"));
            }
            else if (number.Length > 50)
            {
                problems.Add(new("Input.CertificateNumber", "执法证号不能超过 50 个字"));
            }
            else if (await db.Officers.AnyAsync(o => o.CertificateNumber == number, cancellationToken))
            {
                problems.Add(new("Input.CertificateNumber", "该执法证号已登记"));
            }

            if (draft.ValidFrom is null)
            {
                problems.Add(new("Input.ValidFrom", "请填写执法证有效期起"));
            }

            if (draft.ValidTo is null)
            {
                problems.Add(new("Input.ValidTo", "请填写执法证有效期至"));
            }
            else if (draft.ValidFrom is { } from && draft.ValidTo <= from)
            {
                problems.Add(new("Input.ValidTo", "有效期至必须晚于有效期起"));
            }
        }

        if (mobile.Length > 0 && Contact.ValidateMobile(mobile) is { } mobileProblem)
        {
            problems.Add(new("Input.Mobile", mobileProblem));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var officer = new Officer
        {
            Name = name,
            TownshipId = township?.Id,
            UnitName = township?.Name ?? Labels.County,
            Auxiliary = draft.Auxiliary,
            CertificateNumber = draft.Auxiliary ? "" : number,
            ValidFrom = draft.Auxiliary ? null : draft.ValidFrom,
            ValidTo = draft.Auxiliary ? null : draft.ValidTo,
            Mobile = mobile.Length == 0 ? null : mobile,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Officers.Add(officer);
        await db.SaveChangesAsync(cancellationToken);
        return (officer, []);
    }

    /// <summary>Declares the officer's conflict with an enterprise the user sees (the reason required, once per pair).</summary>
    public async Task<List<Problem>> DeclareConflictAsync(Officer officer, Target? target, string? reason, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var problems = new List<Problem>();
        var text = reason?.Trim() ?? "";
        if (target is null)
        {
            problems.Add(new("Conflict.CreditCode", "名录库中没有该统一社会信用代码的企业"));
        }
        else if (await db.Conflicts.AnyAsync(c => c.OfficerId == officer.Id && c.TargetId == target.Id, cancellationToken))
        {
            problems.Add(new("Conflict.CreditCode", "已登记该人员与该企业的回避关系"));
        }

        if (text.Length == 0)
        {
            problems.Add(new("Conflict.Reason", "请填写回避事由（与该企业的关系）"));
        }
        else if (text.Length > 200)
        {
            problems.Add(new("Conflict.Reason", "回避事由不能超过 200 个字"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        db.Conflicts.Add(new Conflict { OfficerId = officer.Id, TargetId = target!.Id, Reason = text, CreatedBy = createdBy, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
