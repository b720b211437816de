using Emergency.BuildingBlocks.Calendar;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Modules;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;

namespace Emergency.Enforcement.Demo;

/// <summary>
/// The demo county's enforcement: nine enterprises in its townships (two 重点, two entrusted to 青山镇), the county
/// bureau's officers (one certificate expired, one 协管) and 青山镇's two, a declared conflict, the county's approved annual plan, one inspection
/// with a finding awaiting 复查, one completed draw of the county's general targets, and six cases in different steps
/// (<see cref="DemoCases"/>).
/// </summary>
internal static class EnforcementDemoData
{
    public static async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var qingshan = context.Township("青山镇");
        var shimen = context.Township("石门乡");
        var chengguan = context.Township("城关街道");
        var park = context.Township("青山工业园区管委会");
        await using var db = context.OpenStore<EnforcementDbContext>();

        var rows = new (string Name, string Code, string Address, Emergency.BuildingBlocks.Tenancy.UnitInfo Township, string Industry, RiskClass Risk, StandardLevel Standard, CreditClass Credit, bool Key, bool Entrusted)[]
        {
            ("青山县宏达化工有限公司", "91450999MA5KQ0001", "青山工业园区纬三路8号", park, "危险化学品", RiskClass.D, StandardLevel.Level3, CreditClass.Normal, true, false),
            ("青山县石门石料厂", "91450999MA5KQ0002", "石门乡大坪村", shimen, "非煤矿山", RiskClass.C, StandardLevel.Level3, CreditClass.Normal, true, false),
            ("青山县瑞丰木业有限公司", "91450999MA5KQ0003", "青山工业园区经二路15号", park, "工贸", RiskClass.C, StandardLevel.Small, CreditClass.Good, false, false),
            ("青山县金盾烟花爆竹批发部", "91450999MA5KQ0004", "城关街道南街社区环城路20号", chengguan, "烟花爆竹", RiskClass.C, StandardLevel.Small, CreditClass.Good, false, false),
            ("青山县恒通加油站", "91450999MA5KQ0005", "城关街道东门社区迎宾大道66号", chengguan, "危险化学品", RiskClass.B, StandardLevel.Level3, CreditClass.Good, false, false),
            ("青山县绿源食品有限公司", "91450999MA5KQ0006", "青山工业园区纬一路3号", park, "工贸", RiskClass.B, StandardLevel.Small, CreditClass.Good, false, false),
            ("青山县龙潭砖厂", "91450999MA5KQ0007", "石门乡龙潭村", shimen, "工贸", RiskClass.A, StandardLevel.Small, CreditClass.Good, false, false),
            ("青山镇河口竹木加工厂", "92450999MA5KQ0008", "青山镇河口村", qingshan, "工贸", RiskClass.B, StandardLevel.Small, CreditClass.Good, false, true),
            ("青山镇柳林农资店", "92450999MA5KQ0009", "青山镇柳林村", qingshan, "危险化学品", RiskClass.A, StandardLevel.None, CreditClass.Good, false, true),
        };
        var targets = rows.Select(r => new Target
        {
            Name = r.Name,
            CreditCode = r.Code + CreditCode.CheckCharacter(r.Code),
            Address = r.Address,
            TownshipId = r.Township.Id,
            TownshipName = r.Township.Name,
            Industry = r.Industry,
            Risk = r.Risk,
            Standard = r.Standard,
            Credit = r.Credit,
            IsKey = r.Key,
            JurisdictionTownshipId = r.Entrusted ? r.Township.Id : null,
            CreatedBy = "yjj",
            CreatedAtUtc = now,
        }).ToList();
        db.Targets.AddRange(targets);

        var from = today.AddYears(-2);
        var officers = new List<Officer>
        {
            new() { Name = "李建平", UnitName = Labels.County, CertificateNumber = "45099920001", ValidFrom = from, ValidTo = today.AddYears(3) },
            new() { Name = "黄志强", UnitName = Labels.County, CertificateNumber = "45099920002", ValidFrom = from, ValidTo = today.AddYears(3) },
            new() { Name = "覃丽华", UnitName = Labels.County, CertificateNumber = "45099920003", ValidFrom = from, ValidTo = today.AddYears(2) },
            new() { Name = "莫文军", UnitName = Labels.County, CertificateNumber = "45099920004", ValidFrom = from, ValidTo = today.AddYears(1) },
            new() { Name = "潘国栋", UnitName = Labels.County, CertificateNumber = "45099920005", ValidFrom = today.AddYears(-5), ValidTo = today.AddDays(-40) },
            new() { Name = "陆小梅", UnitName = Labels.County, Auxiliary = true },
            new() { Name = "韦志刚", UnitName = qingshan.Name, TownshipId = qingshan.Id, CertificateNumber = "45099930101", ValidFrom = from, ValidTo = today.AddYears(3) },
            new() { Name = "蒙秀英", UnitName = qingshan.Name, TownshipId = qingshan.Id, CertificateNumber = "45099930102", ValidFrom = from, ValidTo = today.AddYears(3) },
        };
        foreach (var officer in officers)
        {
            officer.CreatedAtUtc = now;
        }

        db.Officers.AddRange(officers);
        await db.SaveChangesAsync(cancellationToken);

        db.Conflicts.Add(new Conflict { OfficerId = officers[1].Id, TargetId = targets[4].Id, Reason = "配偶在该企业任安全管理人员", CreatedBy = "yjj", CreatedAtUtc = now });
        await db.SaveChangesAsync(cancellationToken);

        // The county bureau's approved plan for this year: 2 重点 targets once each, 13 general inspections by draw (87 %).
        db.Plans.Add(new Plan
        {
            UnitName = Labels.County, Year = today.Year, PerKeyA = 1, PerKeyB = 1, PerKeyC = 1, PerKeyD = 1, KeyTargets = 2, KeyInspections = 2, DrawInspections = 13,
            State = PlanState.Approved, CreatedBy = "yjj", CreatedAtUtc = now.AddDays(-30), SubmittedBy = "yjj", SubmittedAtUtc = now.AddDays(-29), ApprovedBy = "county-admin", ApprovedAtUtc = now.AddDays(-28),
        });

        // One inspection of a 重点 target with a finding, awaiting 复查. Mon–Fri is exact for the rest of 2026 (no holiday or
        // make-up day after 10-10); a due date in a later year is flagged as counted without a schedule.
        var inspectedOn = today.AddDays(-6);
        var deadline = today.AddDays(2);
        var due = WorkingDayCalendar.MondayToFriday.AddWorkingDays(deadline, 10).Date;
        var signed = ChinaTime.FromUtc(now.AddDays(-6)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        db.Inspections.Add(new Inspection
        {
            UnitName = Labels.County, TargetId = targets[0].Id, TargetName = targets[0].Name, TargetTownshipId = targets[0].TownshipId, InspectedOn = inspectedOn,
            OfficerIds = $"{officers[0].Id},{officers[2].Id}", OfficerNames = $"{officers[0].Name}、{officers[2].Name}", AuxiliaryNames = officers[5].Name,
            ItemsChecked = "安全生产责任制落实；重大危险源监控；动火作业审批；应急预案与演练", Findings = "甲类仓库可燃气体报警器2台失效；动火作业票未经审批即作业",
            PrincipalName = "周宏达", SafetyManagerName = "韦安全", OperatorName = "黄师傅", Signatures = $"{officers[0].Name}@{signed}；{officers[2].Name}@{signed}",
            State = InspectionState.AwaitingRecheck, Deadline = deadline, OrderNumber = $"青山县应急责改〔{inspectedOn.Year}〕1号", RecheckDue = due, RecheckDueFallback = due.Year > 2026,
            CreatedBy = "yjj", CreatedAtUtc = now.AddDays(-6),
        });
        db.DocumentCounters.Add(new DocumentCounter { Kind = Inspections.OrderKind, Year = inspectedOn.Year, Last = 1 });
        await db.SaveChangesAsync(cancellationToken);

        await new Draws(db, context.Clock).DrawAsync(
            new DrawRequest(null, null, null, null, false, 3),
            new Drawer(null, Labels.County, "yjj"),
            2,
            cancellationToken);

        await DemoCases.SeedAsync(db, context.Clock, targets, officers, qingshan.Name, cancellationToken);
    }
}
