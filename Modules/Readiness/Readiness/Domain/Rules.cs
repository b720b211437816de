using System.Globalization;
using Emergency.Plans.Contracts;
using Emergency.Readiness.Data;

namespace Emergency.Readiness.Domain;

/// <summary>The county's thresholds (settings), read once per scoring.</summary>
internal sealed record Thresholds(int StaffMin, int StaffMax, int TrainedSharePercent, int DrillMonths, int DutyWeeks);

/// <summary>Everything known about one township (and its villages) that its items are judged on.</summary>
internal sealed record TownshipFacts(
    int TownshipId,
    IReadOnlyList<(int Id, string Name)> Villages,
    TownshipOffice? Office,
    IReadOnlyList<VillageOrg> VillageOrgs,
    IReadOnlyList<OrgDocument> Documents,
    IReadOnlyList<TeamFact> Teams,
    IReadOnlyList<StockFact> Stock,
    IReadOnlyList<PlanFact> Plans,
    IReadOnlyList<DrillFact> Drills,
    IReadOnlyList<TrainingFact> Training,
    IReadOnlyList<DutyFact> Duty,
    HazardTally Hazards,
    CaseTally Cases,
    IReadOnlyList<GridMemberFact> GridMembers);

/// <summary>A township's hazards as Grid told them: all, still open, open and past the deadline (counted in the store).</summary>
internal sealed record HazardTally(int Total, int Open, int Overdue)
{
    public static readonly HazardTally None = new(0, 0, 0);
}

/// <summary>A township's enforcement cases: open, and the clocks missed.</summary>
internal sealed record CaseTally(int Open, int ClockMisses)
{
    public static readonly CaseTally None = new(0, 0);
}

/// <summary>
/// The readiness rules: 六有 and 十个一 of a township, 三有 (and the rest) of a village, each 达标 / 未达标 / 无数据 with
/// its reason. Pure: the facts and the thresholds in, the items out; no made-up values — an item whose source has
/// sent nothing for the unit is 无数据.
/// </summary>
internal static class Rules
{
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static IReadOnlyList<ItemResult> Township(TownshipFacts f, Thresholds t, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(t);
        var id = f.TownshipId.ToString(CultureInfo.InvariantCulture);
        var ownDocs = f.Documents.Where(d => d.Level == (int)UnitLevel.Township).ToList();
        var recorded = f.Office is not null || ownDocs.Count > 0;
        var mech = Mechanisms(ownDocs, recorded);
        var plan = Plan(f, id);
        var items = new List<ItemResult>
        {
            Org(f.Office, t),
            mech,
            plan,
            Team(f, t, id),
            Supply(f.Stock.Where(s => s.VillageId is null).ToList(), "/teams/Stock?township=" + id),
            Drill(f, t, today, id),
        };
        foreach (var (code, _) in Items.Ten)
        {
            items.Add(code switch
            {
                "ten.mech" => mech with { Code = code },
                "ten.plan" => plan with { Code = code },
                "ten.hazards" => Hazards(f.Hazards, id),
                "ten.grid" => GridTable(f, ownDocs, recorded, id),
                _ => Document(ownDocs, code, recorded),
            });
        }

        return items;
    }

    public static IReadOnlyList<ItemResult> Village(int villageId, TownshipFacts f, DateOnly today, Thresholds t)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(t);
        var org = f.VillageOrgs.FirstOrDefault(v => v.VillageId == villageId);
        var docs = f.Documents.Where(d => d.Level == (int)UnitLevel.Village && d.UnitId == villageId).ToList();
        var recorded = org is not null || docs.Count > 0;
        var id = villageId.ToString(CultureInfo.InvariantCulture);
        var station = org is null ? new ItemResult("v.station", ItemState.NoData, "尚未录入服务站")
            : org.Station.Length == 0 ? new ItemResult("v.station", ItemState.NotMet, "未登记应急服务站（场地）")
            : new ItemResult("v.station", ItemState.Met, org.Station + (org.StationFacilities.Length > 0 ? "：" + org.StationFacilities : ""));
        var group = org is null ? new ItemResult("v.group", ItemState.NoData, "尚未录入领导小组")
            : org.GroupLeader.Length == 0 ? new ItemResult("v.group", ItemState.NotMet, "未填写领导小组组长")
            : new ItemResult("v.group", ItemState.Met, "组长 " + org.GroupLeader);
        var supply = Supply(f.Stock.Where(s => s.VillageId == villageId).ToList(), "/teams/Stock") with { Code = "v.supply" };
        var teams = f.Teams.Where(x => x.VillageId == villageId).ToList();
        var team = teams.Count == 0 ? new ItemResult("v.team", ItemState.NoData, "救援队伍模块尚无本村队伍的人数变动", "/teams")
            : teams.Any(x => x.MeetsMinimum) ? new ItemResult("v.team", ItemState.Met, string.Join("；", teams.Where(x => x.MeetsMinimum).Select(TeamText)), "/teams")
            : new ItemResult("v.team", ItemState.NotMet, "人数不足：" + string.Join("；", teams.Select(TeamText)), "/teams");
        var duty = f.Duty.FirstOrDefault(d => d.VillageId == villageId) is not { } plan ? new ItemResult("v.duty", ItemState.NoData, "尚未报送周值班计划", "/teams/Duty/Plans")
            : plan.LatestWeek >= today.AddDays(-7 * t.DutyWeeks) ? new ItemResult("v.duty", ItemState.Met, "已报送 " + Date(plan.LatestWeek) + " 起一周", "/teams/Duty/Plans")
            : new ItemResult("v.duty", ItemState.NotMet, "最近一次为 " + Date(plan.LatestWeek) + " 起一周，已超过 " + t.DutyWeeks.ToString(CultureInfo.InvariantCulture) + " 周", "/teams/Duty/Plans");
        return [station, supply, Document(docs, "v.rules", recorded), group, team, duty];
    }

    /// <summary>机构: the office recorded, staffed within the county's limits, with 分管领导, 第一责任人 and an approved director.</summary>
    public static ItemResult Org(TownshipOffice? office, Thresholds t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (office is null)
        {
            return new("org", ItemState.NoData, "尚未录入应急管理办公室");
        }

        var n = office.Staff.Count;
        var limits = $"{t.StaffMin}–{t.StaffMax} 人";
        var lacks = new List<string>();
        if (n < t.StaffMin || n > t.StaffMax)
        {
            lacks.Add($"办公室人员 {n} 人（应为 {limits}）");
        }

        if (office.LeaderInCharge.Length == 0)
        {
            lacks.Add("未明确分管领导");
        }

        if (office.FirstResponsible.Length == 0)
        {
            lacks.Add("未明确第一责任人");
        }

        if (office.Director.Length == 0)
        {
            lacks.Add(office.PendingDirector is null ? "未确定办公室主任" : "办公室主任待县应急管理局批准");
        }

        return lacks.Count > 0
            ? new("org", ItemState.NotMet, string.Join("；", lacks))
            : new("org", ItemState.Met, $"办公室 {n} 人，主任 {office.Director}" + (office.PendingDirector is { } p ? $"（变更为 {p} 待批准）" : ""));
    }

    private static ItemResult Mechanisms(IReadOnlyList<OrgDocument> docs, bool recorded)
    {
        var missing = DocumentKinds.Mechanisms.Where(k => docs.All(d => d.Kind != k.Code)).Select(k => k.Name).ToList();
        if (missing.Count == DocumentKinds.Mechanisms.Count)
        {
            return new("mech", recorded ? ItemState.NotMet : ItemState.NoData, recorded ? "五项机制文件均未上传" : "尚未录入");
        }

        return missing.Count == 0 ? new("mech", ItemState.Met, "五项机制文件均已上传") : new("mech", ItemState.NotMet, "缺：" + string.Join("、", missing));
    }

    /// <summary>
    /// 预案: the township's 综合预案 and the seven required 专项 (Plans' <see cref="TownshipPlans"/>) issued
    /// and filed, and none of its plans needing revision or past evaluation.
    /// </summary>
    private static ItemResult Plan(TownshipFacts f, string id)
    {
        var link = "/plans?township=" + id;
        var plans = f.Plans.Where(p => p.VillageId is null).ToList();
        if (plans.Count == 0)
        {
            return new("plan", ItemState.NoData, "预案模块尚无本乡镇预案的签发或备案", link);
        }

        static bool Filed(PlanFact p) => p.FiledVersion >= p.Version;
        var lacks = new List<string>();
        var general = plans.Where(p => p.Type == TownshipPlans.GeneralType && p.IssuedOn is not null).ToList();
        if (general.Count == 0)
        {
            lacks.Add("综合应急预案未签发");
        }
        else if (!general.Any(Filed))
        {
            lacks.Add("综合应急预案未备案");
        }

        var specials = plans.Where(p => p.Type == TownshipPlans.SpecialType && p.IssuedOn is not null).ToList();
        var missing = new List<string>();
        var unfiled = new List<string>();
        foreach (var (category, name) in TownshipPlans.RequiredSpecials)
        {
            var held = specials.Where(p => p.Category == category).ToList();
            if (held.Count == 0)
            {
                missing.Add(name);
            }
            else if (!held.Any(Filed))
            {
                unfiled.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            lacks.Add("缺专项应急预案：" + string.Join("、", missing));
        }

        if (unfiled.Count > 0)
        {
            lacks.Add("专项应急预案未备案：" + string.Join("、", unfiled));
        }

        lacks.AddRange(plans.Where(p => p.Revision is not null).Select(p => $"{p.Title}需修订（{p.Revision}）"));
        lacks.AddRange(plans.Where(p => p.EvaluationLapsedOn is not null).Select(p => $"{p.Title}已过评估期（{Date(p.EvaluationLapsedOn!.Value)}）"));
        return lacks.Count > 0
            ? new("plan", ItemState.NotMet, string.Join("；", lacks), link)
            : new("plan", ItemState.Met, $"综合预案及 {TownshipPlans.RequiredSpecials.Count} 项专项预案现行有效并已备案，共 {plans.Count(p => p.IssuedOn is not null)} 件在案", link);
    }

    /// <summary>队伍: the township's (or park's) team at its minimum size (as Teams judged it) with the county's share trained.</summary>
    private static ItemResult Team(TownshipFacts f, Thresholds t, string id)
    {
        var link = "/teams?township=" + id;
        var teams = f.Teams.Where(x => x.VillageId is null && x.Kind is 0 or 1).ToList();
        if (teams.Count == 0)
        {
            return new("team", ItemState.NoData, "救援队伍模块尚无本乡镇综合队伍的人数变动", link);
        }

        bool Trained(TeamFact x) => x.Active > 0 && x.Trained * 100 >= x.Active * t.TrainedSharePercent;
        var good = teams.FirstOrDefault(x => x.MeetsMinimum && Trained(x));
        if (good is not null)
        {
            return new("team", ItemState.Met, TeamText(good), link);
        }

        var why = teams.Select(x => !x.MeetsMinimum ? $"{TeamText(x)}，未达最低人数" : $"{TeamText(x)}，受训不足 {t.TrainedSharePercent}%");
        return new("team", ItemState.NotMet, string.Join("；", why), link);
    }

    private static string TeamText(TeamFact x) =>
        $"{x.Name} {x.Active} 人" + (x.Minimum is { } m ? $"（最低 {m}）" : "") + $"，受训 {x.Trained} 人";

    /// <summary>物资: supplies in stock at the unit's sites (as Teams reported them), none below its minimum now.</summary>
    private static ItemResult Supply(IReadOnlyList<StockFact> stock, string link)
    {
        if (stock.Count == 0)
        {
            return new("supply", ItemState.NoData, "救援队伍模块尚无本单位储备点的库存", link);
        }

        var below = stock.Where(s => s.Below).ToList();
        var present = stock.Count(s => s.Present);
        return below.Count > 0 ? new("supply", ItemState.NotMet, "低于最低库存：" + string.Join("、", below.Select(s => s.What)), link)
            : present == 0 ? new("supply", ItemState.NotMet, "储备点现无在库物资", link)
            : new("supply", ItemState.Met, $"储备点在库物资 {present} 项，均不低于最低库存", link);
    }

    /// <summary>
    /// 一张网格表: kept by Grid — met while every village of the township has an active grid member; a township whose
    /// villages Grid has told nothing about is judged by an uploaded 网格表.
    /// </summary>
    private static ItemResult GridTable(TownshipFacts f, IReadOnlyList<OrgDocument> ownDocs, bool recorded, string id)
    {
        if (f.GridMembers.Count == 0)
        {
            return Document(ownDocs, "ten.grid", recorded);
        }

        var link = "/grid/GridTable?township=" + id;
        var covered = f.GridMembers.Where(m => m.Active).Select(m => m.VillageId).ToHashSet();
        var uncovered = f.Villages.Where(v => !covered.Contains(v.Id)).Select(v => v.Name).ToList();
        var active = f.GridMembers.Count(m => m.Active);
        return uncovered.Count > 0
            ? new("ten.grid", ItemState.NotMet, "无在岗网格员：" + string.Join("、", uncovered), link)
            : new("ten.grid", ItemState.Met, $"网格员 {active} 名，覆盖全部 {f.Villages.Count} 个村（社区）", link);
    }

    /// <summary>培训演练: this year's training days delivered reach the target, and a drill within the county's months.</summary>
    private static ItemResult Drill(TownshipFacts f, Thresholds t, DateOnly today, string id)
    {
        var link = "/training/Owed";
        var training = f.Training.FirstOrDefault(x => x.UnitKind == (int)BuildingBlocks.Tenancy.UnitKind.Township && x.UnitId == f.TownshipId && x.Year == today.Year);
        var lastDrill = f.Drills.Where(d => d.TownshipId == f.TownshipId).Select(d => (DateOnly?)d.Date).Max();
        var overdue = f.Plans.Where(p => p.VillageId is null && p.DrillDueOn is not null).ToList();
        if (training is null && lastDrill is null && overdue.Count == 0)
        {
            return new("drill", ItemState.NoData, "培训演练模块尚无本乡镇本年的培训或演练", link);
        }

        var lacks = new List<string>();
        string days;
        if (training is { Target: 0, OwedAtCheck: { } owed })
        {
            // Only Training's check-date shortfall is known (no session of the year closed since).
            days = $"核查日尚欠培训 {Number(owed)} 天";
            lacks.Add(days);
        }
        else if (training is null || training.Target == 0)
        {
            lacks.Add("本年尚无已完成的培训");
            days = "";
        }
        else
        {
            days = $"本年培训 {Number(training.Delivered)}/{Number(training.Target)} 天";
            if (training.Delivered < training.Target)
            {
                lacks.Add(days);
            }
        }

        var since = today.AddMonths(-t.DrillMonths);
        if (lastDrill is null || lastDrill < since)
        {
            lacks.Add(lastDrill is null ? $"近 {t.DrillMonths} 个月无演练" : $"最近演练 {Date(lastDrill.Value)}，已超过 {t.DrillMonths} 个月");
        }

        lacks.AddRange(overdue.Select(p => $"{p.Title}演练逾期（应于 {Date(p.DrillDueOn!.Value)} 前）"));
        return lacks.Count > 0
            ? new("drill", ItemState.NotMet, string.Join("；", lacks), link)
            : new("drill", ItemState.Met, $"{days}，最近演练 {Date(lastDrill!.Value)}", link);
    }

    /// <summary>一本重点隐患台账: Grid keeps the ledger; met while no hazard of the township is overdue.</summary>
    private static ItemResult Hazards(HazardTally hazards, string id)
    {
        var link = "/grid/Ledger?TownshipId=" + id;
        if (hazards.Total == 0)
        {
            return new("ten.hazards", ItemState.NoData, "网格模块尚无本乡镇的隐患", link);
        }

        return hazards.Overdue > 0
            ? new("ten.hazards", ItemState.NotMet, $"台账 {hazards.Total} 条，{hazards.Overdue} 条逾期未整改", link)
            : new("ten.hazards", ItemState.Met, $"台账 {hazards.Total} 条，在办 {hazards.Open} 条，无逾期", link);
    }

    private static ItemResult Document(IReadOnlyList<OrgDocument> docs, string code, bool recorded)
    {
        var latest = docs.Where(d => d.Kind == code).OrderByDescending(d => d.Date).FirstOrDefault();
        return latest is not null
            ? new(code, ItemState.Met, $"{latest.Title}（{Date(latest.Date)}）", "/readiness/File?id=" + latest.Id.ToString(CultureInfo.InvariantCulture))
            : new(code, recorded ? ItemState.NotMet : ItemState.NoData, recorded ? "未上传" + DocumentKinds.Name(code) : "尚未录入");
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Met and with-data counts of the given items.</summary>
    public static (int Met, int WithData) Count(IEnumerable<ItemResult> items)
    {
        var list = items.ToList();
        return (list.Count(i => i.State == ItemState.Met), list.Count(i => i.State != ItemState.NoData));
    }
}
