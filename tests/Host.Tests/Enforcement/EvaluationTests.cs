using System.Net;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

/// <summary>考评 per unit and officer per month, 案卷评查 of closed cases, Excel export, and each user's scope.</summary>
public sealed class EvaluationTests : EnforcementTest
{
    private static Task<HttpResponseMessage> ReviewAsync(HttpClient client, int id, string date, string reviewers, string score, string notes = "证据链完整，文书规范") =>
        TestApp.PostFormAsync(client, $"/enforcement/Cases/Details?id={id}&handler=Review", new Dictionary<string, string>
        {
            ["ReviewInput.Date"] = date,
            ["ReviewInput.Reviewers"] = reviewers,
            ["ReviewInput.Score"] = score,
            ["ReviewInput.Notes"] = notes,
        }, tokenFrom: "/Account/ChangePassword");

    [Fact]
    public async Task The_month_shows_each_units_and_officers_work_and_a_closed_case_is_reviewed_once()
    {
        await using var app = await StartAsync();
        var s = await CaseTests.SetupAsync(app);
        Text(await InspectionTests.InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Officer2], Today)).Should().Contain("已记录现场检查");

        // A case led by 李建平, closed with a 5,000 元 fine.
        var id = await CaseTests.InvestigatedAsync(app, s);
        (await CaseTests.StepTextAsync(s.Bureau, id, "Notify", s.Officer1, fine: 5000)).Should().Contain("已办理“告知”");
        (await CaseTests.StepTextAsync(s.Bureau, id, "Decide", s.Officer1, fine: 5000, waived: true)).Should().Contain("已办理“处罚决定”");
        (await CaseTests.StepTextAsync(s.Bureau, id, "Serve", s.Officer1)).Should().Contain("已办理“送达”");
        (await CaseTests.StepTextAsync(s.Bureau, id, "Execute", s.Officer1)).Should().Contain("已办理“执行”");

        // Not closed yet: no review.
        (await (await ReviewAsync(s.Bureau, id, "2026-11-23", "法制科 覃敏", "85")).Content.ReadAsStringAsync()).Should().Contain("只能对已结案的案卷进行评查");
        (await CaseTests.StepTextAsync(s.Bureau, id, "Close", approver: "王局长")).Should().Contain("已办理“结案”");

        // A case led by 黄志强, opened late: its 立案 clock is recorded missed.
        (await CaseTests.OpenAsync(s.Bureau, s.Target, s.Officer2, new DateOnly(2026, 11, 2))).Should().Contain("已立案");

        var bad = await (await ReviewAsync(s.Bureau, id, "2026-11-24", "", "101")).Content.ReadAsStringAsync();
        bad.Should().MatchRegex("data-valmsg-for=\"ReviewInput.Date\"[^>]*>评查日期不能晚于今天<")
            .And.MatchRegex("data-valmsg-for=\"ReviewInput.Reviewers\"[^>]*>请填写评查人员<")
            .And.MatchRegex("data-valmsg-for=\"ReviewInput.Score\"[^>]*>请填写 0 到 100 之间的评查得分<");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM CaseReviews")).Should().Be(0);

        Text(await (await ReviewAsync(s.Bureau, id, "2026-11-23", "法制科 覃敏", "85")).Content.ReadAsStringAsync())
            .Should().Contain("已保存案卷评查：85 分，合格").And.Contain("法制科 覃敏");
        Text(await (await ReviewAsync(s.Bureau, id, "2026-11-23", "法制科 覃敏", "95")).Content.ReadAsStringAsync()).Should().Contain("本案卷已评查，不能重复评查");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM CaseReviews")).Should().Be(1);

        // A township may not review the county bureau's files (the permission is the bureau's).
        var township = await app.AsAsync(Township);
        (await ReviewAsync(township, id, "2026-11-23", "某", "60")).StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        var november = Text(await s.Bureau.GetStringAsync("/enforcement/Evaluation?Year=2026&Month=11"));
        november.Should().Contain("县应急管理局 1 2 5,000 1 1 85.0", "1 inspection, 2 cases, 5,000 元, the missed 立案 clock, 1 file reviewed at 85");
        november.Should().MatchRegex(@"李建平 \S+ 1 1 5,000 0 1 85\.0").And.MatchRegex(@"黄志强 \S+ 1 1 0 1 0 ");
        november.Should().Contain("石门乡 0 0 0 0 0");
        Text(await s.Bureau.GetStringAsync("/enforcement/Evaluation?Year=2026&Month=10")).Should().Contain("县应急管理局 0 0 0 0 0");
        Text(await s.Bureau.GetStringAsync("/enforcement/Evaluation?Year=2026")).Should().Contain("按单位（2026 年）").And.Contain("县应急管理局 1 2 5,000 1 1 85.0");

        var export = await s.Bureau.GetAsync("/enforcement/Evaluation?handler=Export&Year=2026&Month=11");
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var workbook = new ClosedXML.Excel.XLWorkbook(await export.Content.ReadAsStreamAsync()))
        {
            var sheet = workbook.Worksheets.First();
            sheet.Cell(1, 4).GetString().Should().Be("检查次数");
            var bureauRow = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "县应急管理局" && r.Cell(1).GetString() == "单位");
            bureauRow.Cell(6).GetString().Should().Be("5000");
            bureauRow.Cell(9).GetString().Should().Be("85.0");
            sheet.RowsUsed().Should().Contain(r => r.Cell(3).GetString() == "李建平");
        }

        // A township sees its own figures only.
        var own = Text(await township.GetStringAsync("/enforcement/Evaluation?Year=2026&Month=11"));
        own.Should().Contain("青山镇 0 0 0 0 0").And.NotContain("县应急管理局 1").And.NotContain("李建平").And.NotContain("石门乡 0");
    }
}
