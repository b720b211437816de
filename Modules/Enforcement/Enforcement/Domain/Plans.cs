using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.Enforcement.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Domain;

/// <summary>What a unit plans for a year: inspections per 重点 target by tier, and general-target inspections by draw.</summary>
internal sealed record PlanRequest(int? Year, int? PerKeyA, int? PerKeyB, int? PerKeyC, int? PerKeyD, int? DrawInspections);

/// <summary>
/// 年度执法计划 (seed 002: 科学合理制定年度监督检查计划，对重点对象实行全覆盖检查，对一般对象实行随机检查; 报乡镇党委政府批准后实施):
/// one plan per unit and year, draft → submitted → approved. Every 重点 target under the unit's jurisdiction is covered
/// at least once; no tier exceeds its yearly cap (settings cap-a..cap-d); the general inspections by draw fit within the
/// general targets' caps; and the share by draw is at least the setting draw-share. A unit with a plan for a year that is
/// not approved cannot draw that year (checked by <see cref="Draws"/>).
/// </summary>
internal sealed class Plans(EnforcementDbContext db, ICountySettings settings, TimeProvider clock)
{
    public async Task<(Plan? Saved, List<Problem> Problems)> CreateAsync(PlanRequest request, Drawer unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(unit);
        var problems = new List<Problem>();
        if (request.Year is not { } year || year < 2000 || year > 2100)
        {
            problems.Add(new("Input.Year", "请填写计划年度"));
            return (null, problems);
        }

        if (await db.Plans.AnyAsync(p => p.TownshipId == unit.TownshipId && p.Year == year, cancellationToken))
        {
            problems.Add(new("Input.Year", $"{unit.UnitName} 已有 {year} 年度执法计划"));
            return (null, problems);
        }

        var plan = new Plan { TownshipId = unit.TownshipId, UnitName = unit.UnitName, Year = year, CreatedBy = unit.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        problems.AddRange(await ComputeAsync(plan, request, cancellationToken));
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return (plan, []);
    }

    public async Task<string?> SubmitAsync(Plan plan, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.State != PlanState.Draft)
        {
            return "只有草稿状态的计划可以报批";
        }

        plan.State = PlanState.Submitted;
        plan.SubmittedBy = userName;
        plan.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> ApproveAsync(Plan plan, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.State != PlanState.Submitted)
        {
            return "只有已报批的计划可以批准";
        }

        plan.State = PlanState.Approved;
        plan.ApprovedBy = userName;
        plan.ApprovedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Fills the plan's counts from the directory and checks the caps and the share by draw.</summary>
    private async Task<List<Problem>> ComputeAsync(Plan plan, PlanRequest request, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var caps = new Dictionary<RiskClass, int>
        {
            [RiskClass.A] = await settings.GetAsync(EnforcementModule.CapA, cancellationToken),
            [RiskClass.B] = await settings.GetAsync(EnforcementModule.CapB, cancellationToken),
            [RiskClass.C] = await settings.GetAsync(EnforcementModule.CapC, cancellationToken),
            [RiskClass.D] = await settings.GetAsync(EnforcementModule.CapD, cancellationToken),
        };
        var perKey = new Dictionary<RiskClass, int?>
        {
            [RiskClass.A] = request.PerKeyA,
            [RiskClass.B] = request.PerKeyB,
            [RiskClass.C] = request.PerKeyC,
            [RiskClass.D] = request.PerKeyD,
        };
        var targets = await db.Targets.AsNoTracking().Where(t => t.JurisdictionTownshipId == plan.TownshipId)
            .Select(t => new { t.Risk, t.IsKey }).ToListAsync(cancellationToken);
        var key = 0;
        foreach (var (risk, value) in perKey)
        {
            var field = "Input.PerKey" + risk;
            var keyTargets = targets.Count(t => t.IsKey && t.Risk == risk);
            if (value is not { } n || n < 0)
            {
                problems.Add(new(field, $"请填写{Labels.Risk(risk)}重点企业每年检查次数"));
            }
            else if (n > caps[risk])
            {
                problems.Add(new(field, $"{Labels.Risk(risk)}企业每年检查不超过 {caps[risk]} 次（本县设置）"));
            }
            else if (n < 1 && keyTargets > 0)
            {
                problems.Add(new(field, $"{Labels.Risk(risk)}有 {keyTargets} 家重点企业，重点对象须全覆盖，每年至少检查 1 次"));
            }
            else
            {
                key += keyTargets * n;
            }
        }

        var generalCapacity = targets.Where(t => !t.IsKey).Sum(t => caps[t.Risk]);
        if (request.DrawInspections is not { } draws || draws < 0)
        {
            problems.Add(new("Input.DrawInspections", "请填写双随机抽查检查次数"));
            return problems;
        }

        if (draws > generalCapacity)
        {
            problems.Add(new("Input.DrawInspections", $"一般企业按各风险等级每年检查次数上限合计只能安排 {generalCapacity} 次"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        plan.PerKeyA = request.PerKeyA!.Value;
        plan.PerKeyB = request.PerKeyB!.Value;
        plan.PerKeyC = request.PerKeyC!.Value;
        plan.PerKeyD = request.PerKeyD!.Value;
        plan.KeyTargets = targets.Count(t => t.IsKey);
        plan.KeyInspections = key;
        plan.DrawInspections = draws;
        var share = await settings.GetAsync(EnforcementModule.DrawShare, cancellationToken);
        if (plan.TotalInspections == 0)
        {
            problems.Add(new("Input.DrawInspections", "计划检查总次数不能为 0"));
        }
        else if ((long)plan.DrawInspections * 100 < (long)share * plan.TotalInspections)
        {
            problems.Add(new("Input.DrawInspections", $"双随机抽查占比 {plan.DrawSharePercent}%（{plan.DrawInspections}/{plan.TotalInspections}），不得低于 {share}%"));
        }

        return problems;
    }
}
