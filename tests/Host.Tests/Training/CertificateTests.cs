using System.Globalization;
using Emergency.TestSupport;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Training;

/// <summary>
/// Certificates: issued by hand with a number unique per kind, from a passed attendee of a closed session; a failed
/// assessment marks the person 未取得资格 until a later pass; the holder's unit is told once before the expiry.
/// </summary>
public sealed class CertificateTests : TrainingTest
{
    private const string IdCard = "11010519491231002X";

    private static Dictionary<string, string> Form(string number, string holder, string unitKey, string issuedOn = "2026-11-01", string expiresOn = "", string kind = "TrainingPassed", string idCard = "") => new()
    {
        ["Input.Kind"] = kind,
        ["Input.Number"] = number,
        ["Input.HolderName"] = holder,
        ["Input.IdCard"] = idCard,
        ["Input.UnitKey"] = unitKey,
        ["Input.IssuedOn"] = issuedOn,
        ["Input.ExpiresOn"] = expiresOn,
    };

    private static Dictionary<string, string> Sheet(int invitee, bool passed) => new()
    {
        ["Sheet[0].InviteeId"] = Invariant(invitee),
        ["Sheet[0].Attendance"] = "Present",
        ["Sheet[0].Score"] = passed ? "90" : "40",
        ["Sheet[0].Passed"] = passed ? "true" : "false",
    };

    /// <summary>A closed session of the bureau with 韦志刚 (ID card) present, passed or failed; returns the invitee id.</summary>
    private async Task<int> AssessedAsync(TestApp app, string title, bool passed)
    {
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await SignInAsync(app, Bureau);
        var id = await ScheduleAsync(app, bureau, title, TimeSpan.FromDays(1), [qingshan]);
        await InviteAsync(bureau, id, "韦志刚", "青山镇", idCard: IdCard);
        var invitee = await CountAsync(app, $"SELECT Id AS Value FROM Invitees WHERE SessionId = {id}");
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        bureau = await SignInAsync(app, Bureau);
        (await TestApp.PostFormAsync(bureau, $"/training/Sessions/Details?id={id}&handler=Sheet", Sheet(invitee, passed))).EnsureSuccessStatusCode();
        Text(await (await TestApp.PostFormAsync(bureau, $"/training/Sessions/Details?id={id}&handler=Close", new Dictionary<string, string>())).Content.ReadAsStringAsync()).Should().Contain("培训已结束");
        return invitee;
    }

    [Fact]
    public async Task A_certificate_is_issued_by_hand_and_a_duplicate_number_of_the_same_kind_is_refused_beside_the_field()
    {
        await using var app = await StartAsync();
        var qingshan = "township:" + Invariant(await TownshipIdAsync(app, "青山镇"));
        var bureau = await app.AsAsync(Bureau);
        var issued = await TestApp.PostFormAsync(bureau, "/training/Certificates/Create", Form("PX-2026-001", "蒙秀英", qingshan, expiresOn: "2029-10-31"));
        Text(await issued.Content.ReadAsStringAsync()).Should().Contain("已登记证书：蒙秀英（PX-2026-001）").And.Contain("培训合格证").And.Contain("2029-10-31");

        var duplicate = await (await TestApp.PostFormAsync(bureau, "/training/Certificates/Create", Form("PX-2026-001", "黄德明", qingshan))).Content.ReadAsStringAsync();
        System.Text.RegularExpressions.Regex.IsMatch(duplicate, "data-testid=\"number-error\"[^>]*>该类证书编号已存在<").Should().BeTrue();
        Text(await (await TestApp.PostFormAsync(bureau, "/training/Certificates/Create", Form("PX-2026-001", "黄德明", qingshan, kind: "LawEnforcement"))).Content.ReadAsStringAsync())
            .Should().Contain("已登记证书：黄德明", "the number is unique per kind");
        var bad = Text(await (await TestApp.PostFormAsync(bureau, "/training/Certificates/Create", Form("PX-2026-009", "", "", issuedOn: "2026-11-01", expiresOn: "2026-10-01"))).Content.ReadAsStringAsync());
        bad.Should().Contain("请填写姓名").And.Contain("请选择持证人所在单位").And.Contain("有效期至必须晚于发证日期");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Certificates")).Should().Be(2);

        var filtered = Text(await bureau.GetStringAsync("/training/Certificates?Kind=LawEnforcement"));
        filtered.Should().Contain("黄德明").And.NotContain("蒙秀英");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/training/Certificates")).Should().Contain("蒙秀英");
    }

    [Fact]
    public async Task A_certificate_is_issued_from_a_passed_attendee_of_a_closed_session_and_not_for_a_failed_one()
    {
        await using var app = await StartAsync();
        var passed = await AssessedAsync(app, "防汛业务培训", true);
        var bureau = await SignInAsync(app, Bureau);
        var session = await CountAsync(app, $"SELECT SessionId AS Value FROM Invitees WHERE Id = {passed}");
        (await bureau.GetStringAsync($"/training/Sessions/Details?id={session}")).Should().Contain($"/training/Certificates/Create?invitee={passed}");
        var form = Text(await bureau.GetStringAsync($"/training/Certificates/Create?invitee={passed}"));
        var page = await bureau.GetStringAsync($"/training/Certificates/Create?invitee={passed}");
        page.Should().Contain("value=\"韦志刚\"").And.Contain(IdCard);
        form.Should().Contain("登记证书");
        var qingshan = "township:" + Invariant(await TownshipIdAsync(app, "青山镇"));
        var issued = await TestApp.PostFormAsync(bureau, $"/training/Certificates/Create?invitee={passed}", Form("PX-2026-101", "韦志刚", qingshan, issuedOn: ChinaToday(), idCard: IdCard), $"/training/Certificates/Create?invitee={passed}");
        Text(await issued.Content.ReadAsStringAsync()).Should().Contain("已登记证书：韦志刚（PX-2026-101）");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Certificates WHERE InviteeId = {passed} AND SessionId = {session} AND IdCard = '{IdCard}'")).Should().Be(1);

        var failed = await AssessedAsync(app, "森林防灭火培训", false);
        bureau = await SignInAsync(app, Bureau);
        var refused = Text(await (await TestApp.PostFormAsync(bureau, $"/training/Certificates/Create?invitee={failed}", Form("PX-2026-102", "韦志刚", qingshan, issuedOn: ChinaToday(), idCard: IdCard), $"/training/Certificates/Create?invitee={failed}")).Content.ReadAsStringAsync());
        refused.Should().Contain("只能为已结束培训中考核合格的人员发证");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Certificates")).Should().Be(1);
    }

    [Fact]
    public async Task A_failed_assessment_marks_the_person_not_qualified_until_a_later_pass()
    {
        await using var app = await StartAsync();
        await AssessedAsync(app, "应急救援技能培训", false);
        var page = Text(await (await SignInAsync(app, Bureau)).GetStringAsync("/training/Certificates"));
        page.Should().Contain("未取得资格人员").And.Contain("韦志刚").And.Contain("应急救援技能培训");

        await AssessedAsync(app, "应急救援技能补考", true);
        Text(await (await SignInAsync(app, Bureau)).GetStringAsync("/training/Certificates")).Should().NotContain("未取得资格人员", "a later pass clears it");
    }

    [Fact]
    public async Task The_holders_unit_is_told_once_before_the_certificate_expires()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var qingshan = "township:" + Invariant(await TownshipIdAsync(app, "青山镇"));
        var expires = DateOnly.FromDateTime(InChinaTime(TimeSpan.FromDays(40)));
        var saved = await TestApp.PostFormAsync(await app.AsAsync(Bureau), "/training/Certificates/Create", Form("ZF-2026-007", "蒙秀英", qingshan, expiresOn: expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), kind: "LawEnforcement"));
        Text(await saved.Content.ReadAsStringAsync()).Should().Contain("已登记证书：蒙秀英");

        Trigger(app, "certificate-expiry");
        await Task.Delay(2000);
        smtp.Messages().Should().BeEmpty("40 days ahead is outside the 30-day lead");

        Clock.Advance(TimeSpan.FromDays(11));
        Trigger(app, "certificate-expiry");
        var mails = await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        mails[0].To.Mailboxes.Single().Address.Should().Be("qingshan@qingshan.example.cn");
        mails[0].Subject.Should().Be("证书即将到期：蒙秀英（执法证培训）");
        mails[0].TextBody.Should().Contain("ZF-2026-007").And.Contain(expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Clock.Advance(TimeSpan.FromDays(1));
        Trigger(app, "certificate-expiry");
        await Task.Delay(2500);
        smtp.Messages().Should().HaveCount(1, "once per certificate and expiry");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE 'certificate:%:expires:%'")).Should().Be(1);
    }

    private string ChinaToday() => InChinaTime(TimeSpan.Zero).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
