using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Modules;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;

namespace Emergency.Enforcement.Demo;

/// <summary>
/// The demo county's enforcement: nine enterprises in its townships (two 重点, two entrusted to 青山镇), the county
/// bureau's officers (one certificate expired, one 协管) and 青山镇's two, a declared conflict, and one completed draw of
/// the county's general targets.
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

        await new Draws(db, context.Clock).DrawAsync(
            new DrawRequest(null, null, null, null, false, 3),
            new Drawer(null, Labels.County, "yjj"),
            2,
            cancellationToken);
    }
}
