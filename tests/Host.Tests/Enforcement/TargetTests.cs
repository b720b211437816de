using System.Net;
using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

public sealed class TargetTests : EnforcementTest
{
    [Fact]
    public async Task An_invalid_credit_code_is_refused_beside_the_field_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var wrongCheck = Code("91450999MA5TE0001")[..17] + (Code("91450999MA5TE0001")[17] == '0' ? "1" : "0");

        var html = await (await TestApp.PostFormAsync(bureau, "/enforcement/Targets/Create", TargetFields("青山县宏达化工有限公司", wrongCheck, qingshan))).Content.ReadAsStringAsync();
        html.Should().MatchRegex("data-valmsg-for=\"Input.CreditCode\"[^>]*>统一社会信用代码校验位不正确<");
        var tooShort = Text(await (await TestApp.PostFormAsync(bureau, "/enforcement/Targets/Create", TargetFields("青山县宏达化工有限公司", "91450999MA5TE", qingshan))).Content.ReadAsStringAsync());
        tooShort.Should().Contain("统一社会信用代码应为 18 位数字或大写字母");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Targets")).Should().Be(0);

        await AddTargetAsync(app, bureau, "青山县宏达化工有限公司", Code("91450999MA5TE0001"), qingshan);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Targets")).Should().Be(1);
    }

    [Fact]
    public async Task A_second_enterprise_with_the_same_credit_code_is_refused()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var shimen = await TownshipIdAsync(app, "石门乡");
        var code = CodeNo(7);
        await AddTargetAsync(app, bureau, "青山县瑞丰木业有限公司", code, qingshan);

        var html = await (await TestApp.PostFormAsync(bureau, "/enforcement/Targets/Create", TargetFields("瑞丰木业石门分厂", code.ToLowerInvariant(), shimen))).Content.ReadAsStringAsync();
        html.Should().MatchRegex("data-valmsg-for=\"Input.CreditCode\"[^>]*>该统一社会信用代码已在本县名录库中<");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Targets")).Should().Be(1);
    }

    [Fact]
    public async Task The_directory_filters_pages_by_twenty_and_exports_what_the_filters_show()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var shimen = await TownshipIdAsync(app, "石门乡");
        for (var i = 1; i <= 22; i++)
        {
            await AddTargetAsync(app, bureau, $"石门乡企业{i:D2}", CodeNo(100 + i), shimen, risk: "D");
        }

        await AddTargetAsync(app, bureau, "青山镇河口竹木加工厂", CodeNo(1), qingshan, risk: "B", jurisdiction: "township");
        await AddTargetAsync(app, bureau, "青山县宏达化工有限公司", CodeNo(2), qingshan, risk: "A", kind: "key");

        var first = Text(await bureau.GetStringAsync($"/enforcement/Targets?Township={shimen}"));
        first.Should().Contain("共 22 家企业").And.Contain("石门乡企业01").And.Contain("石门乡企业20").And.NotContain("石门乡企业21").And.NotContain("青山镇河口竹木加工厂");
        Text(await bureau.GetStringAsync($"/enforcement/Targets?Township={shimen}&p=2")).Should().Contain("石门乡企业22").And.NotContain("石门乡企业01");
        Text(await bureau.GetStringAsync("/enforcement/Targets?Kind=key")).Should().Contain("共 1 家企业").And.Contain("青山县宏达化工有限公司");
        Text(await bureau.GetStringAsync("/enforcement/Targets?Jurisdiction=township")).Should().Contain("共 1 家企业").And.Contain("青山镇河口竹木加工厂");
        Text(await bureau.GetStringAsync("/enforcement/Targets?Risk=B")).Should().Contain("共 1 家企业").And.Contain("青山镇河口竹木加工厂");

        var export = await bureau.GetAsync($"/enforcement/Targets?handler=Export&Township={qingshan}");
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new ClosedXML.Excel.XLWorkbook(await export.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();
        sheet.Cell(1, 2).GetString().Should().Be("统一社会信用代码");
        sheet.RowsUsed().Count().Should().Be(3, "a header and 青山镇's two enterprises");
        sheet.Column(2).CellsUsed().Select(c => c.GetString()).Should().Contain(CodeNo(1)).And.Contain(CodeNo(2));
    }

    [Fact]
    public async Task A_township_sees_only_its_townships_targets_and_another_countys_target_is_not_found()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var shimen = await TownshipIdAsync(app, "石门乡");
        var own = await AddTargetAsync(app, bureau, "青山镇河口竹木加工厂", CodeNo(1), qingshan, jurisdiction: "township");
        var other = await AddTargetAsync(app, bureau, "青山县石门石料厂", CodeNo(2), shimen);

        var township = await app.AsAsync(Township);
        var list = Text(await township.GetStringAsync("/enforcement/Targets"));
        list.Should().Contain("青山镇河口竹木加工厂").And.NotContain("青山县石门石料厂");
        (await township.GetAsync($"/enforcement/Targets/Details?id={own}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await township.GetAsync($"/enforcement/Targets/Details?id={other}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var refused = await (await TestApp.PostFormAsync(township, "/enforcement/Targets/Create", TargetFields("石门乡某企业", CodeNo(3), shimen))).Content.ReadAsStringAsync();
        refused.Should().MatchRegex("data-valmsg-for=\"Input.TownshipId\"[^>]*>请选择您负责的乡镇（街道）<");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Targets")).Should().Be(2);

        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = "450998", Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "enforcement" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await app.Services.GetRequiredService<StoreCatalog>().MigrateAsync(StoreKey.ForCounty("450998", "enforcement"), CancellationToken.None);
        await using (var db = app.OpenStore("enforcement", "450998"))
        {
            var code = CodeNo(9);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO Targets (Id, Name, CreditCode, Address, TownshipId, TownshipName, Industry, Risk, Standard, Credit, IsKey, CreatedBy, CreatedAtUtc) VALUES (9001, '白石县某化工厂', {code}, '白石县', 1, '白石镇', '危险化学品', 0, 0, 0, 0, 'x', '2026-01-01 00:00:00')");
        }

        (await bureau.GetAsync("/enforcement/Targets/Details?id=9001")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the target is in another county's store");
        Text(await bureau.GetStringAsync("/enforcement/Targets")).Should().NotContain("白石县某化工厂");
    }
}
