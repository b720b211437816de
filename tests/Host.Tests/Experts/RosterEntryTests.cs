using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;
using static Emergency.Host.Tests.Experts.RecommendationSteps;

namespace Emergency.Host.Tests.Experts;

public sealed partial class RosterEntryTests : ExpertsTest
{
    private const string Path = "/experts/Roster";

    private static readonly string[] Header = ["姓名", "性别", "身份证号码", "手机", "邮箱", "工作单位", "工作单位邮箱", "职称", "专业", "领域", "所属部门", "证书编号", "聘期开始", "聘期结束"];

    private static string[] Row(string name, string idCard, string certificate, string fields = "危险化学品、消防安全", string department = "", string start = "2024-01-01", string end = "2026-12-31") =>
        [name, "男", idCard, "13907710001", "", "青山县化工园区管委会", "hr@hgyq.example.cn", "高级工程师", "化工安全", fields, department, certificate, start, end];

    private static byte[] Workbook(params string[][] rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("专家名册");
        foreach (var (values, r) in new[] { Header }.Concat(rows).Select((v, i) => (v, i + 1)))
        {
            for (var c = 0; c < values.Length; c++)
            {
                sheet.Cell(r, c + 1).SetValue(values[c]);
            }
        }

        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static async Task<string> PreviewAsync(HttpClient client, byte[] file)
    {
        var page = await client.GetStringAsync(Path);
        var token = AntiForgery().Match(page).Groups[1].Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var upload = new ByteArrayContent(file);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(upload, "Upload", "专家名册.xlsx");
        var response = await client.PostAsync(Path + "?handler=Preview", content);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<List<KeyValuePair<string, string>>> EntryAsync(TestApp app, string name, string idCard, string certificate, string department = "")
    {
        var chemicals = await ExpertSeed.FieldIdAsync(app, "危险化学品");
        var fire = await ExpertSeed.FieldIdAsync(app, "消防安全");
        return
        [
            new("Input.Name", name),
            new("Input.Gender", "女"),
            new("Input.IdCardNumber", idCard),
            new("Input.Mobile", "13907710002"),
            new("Input.Email", "expert@hgyq.example.cn"),
            new("Input.Employer", "青山县化工园区管委会"),
            new("Input.EmployerEmail", "hr@hgyq.example.cn"),
            new("Input.Title", "正高级工程师"),
            new("Input.Specialty", "化工安全"),
            new("Input.FieldIds", chemicals.ToString(CultureInfo.InvariantCulture)),
            new("Input.FieldIds", fire.ToString(CultureInfo.InvariantCulture)),
            new("Input.Department", department),
            new("Input.CertificateNumber", certificate),
            new("Input.TermStart", "2024-03-01"),
            new("Input.TermEnd", "2027-02-28"),
        ];
    }

    private static async Task<string> EnterAsync(HttpClient client, List<KeyValuePair<string, string>> form) =>
        await (await PostPairsAsync(client, Path + "?handler=Enter", form)).Content.ReadAsStringAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex StagedToken();

    [Fact]
    public async Task The_bureau_enters_one_existing_expert_with_certificate_and_term_admitted_directly()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var idCard = IdCard(Born, 301);

        var html = await EnterAsync(bureau, await EntryAsync(app, "陆梅", idCard, "QSYJ-2024-008", department: "气象局"));
        Text(html).Should().Contain("已录入 陆梅，证书编号 QSYJ-2024-008");

        (await CountExpertsAsync(app, $"IdCardNumber = '{idCard}' AND CertificateNumber = 'QSYJ-2024-008' AND TermStart = '2024-03-01' AND TermEnd = '2027-02-28' AND Status = 0 AND Gender = 1 AND Level = 1 AND DepartmentName = '气象局' AND EmployerEmail = 'hr@hgyq.example.cn' AND BirthDate = '1975-03-14' AND RecommendationId IS NULL"))
            .Should().Be(1);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM ExpertFields f JOIN Experts e ON e.Id = f.ExpertId WHERE e.Name = '陆梅'")).Should().Be(2);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations")).Should().Be(0, "no fake round or recommendation");
        (await OutboxCountAsync(app, "ExpertAdmitted")).Should().Be(1, "the same event an approval publishes");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%.ExpertAdmitted' AND Payload LIKE '%QSYJ-2024-008%'")).Should().Be(1);
        (await Eventually.WaitAsync(() => CountAsync(app, "plans", "SELECT COUNT(*) AS Value FROM ReviewExperts WHERE Name = '陆梅' AND Employer = '青山县化工园区管委会'"), n => n == 1))
            .Should().Be(1, "ExpertAdmitted carries the employer to Plans' reviewer copy");

        var id = await CountAsync(app, "experts", "SELECT Id AS Value FROM Experts WHERE Name = '陆梅'");
        Text(await bureau.GetStringAsync($"/experts/Profile?id={id}")).Should().Contain("QSYJ-2024-008").And.Contain("2024-03-01 — 2027-02-28").And.Contain("危险化学品");
    }

    [Fact]
    public async Task A_second_entry_of_an_ID_card_or_a_certificate_number_already_used_is_refused_beside_the_field()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var idCard = IdCard(Born, 311);
        await EnterAsync(bureau, await EntryAsync(app, "冯川", idCard, "QSYJ-2023-001"));

        var duplicate = await EnterAsync(bureau, await EntryAsync(app, "冯川", idCard, "QSYJ-2023-002"));
        duplicate.Should().MatchRegex("data-testid=\"error-idcard\"[^>]*>该身份证号码已在专家库中（证书 QSYJ-2023-001），不能重复入库<");

        var certificate = await EnterAsync(bureau, await EntryAsync(app, "冯海", IdCard(Born, 312), "QSYJ-2023-001"));
        certificate.Should().MatchRegex("data-testid=\"error-certificate\"[^>]*>证书编号 QSYJ-2023-001 已在本县使用<");

        var wrong = IdCard(Born, 313);
        var invalid = await EnterAsync(bureau, [new("Input.Name", ""), new("Input.IdCardNumber", wrong[..17] + (wrong[17] == '0' ? '1' : '0')), new("Input.Gender", "男"), new("Input.TermStart", "2025-01-01"), new("Input.TermEnd", "2024-01-01")]);
        Text(invalid).Should().Contain("请填写姓名").And.Contain("身份证号码校验位不正确").And.Contain("聘期结束日期必须晚于开始日期").And.Contain("请至少填写一个领域").And.Contain("请填写证书编号");
        (await CountExpertsAsync(app, "Name LIKE '冯%'")).Should().Be(1);
        (await OutboxCountAsync(app, "ExpertAdmitted")).Should().Be(1);
    }

    [Fact]
    public async Task An_import_with_problems_lists_each_rows_problems_and_writes_nothing()
    {
        await using var app = await StartAsync();
        var existing = await SeedExpertAsync(app, "已在库", "消防安全", 0, null, null, null);
        await using (var db = app.OpenStore("experts"))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Experts SET IdCardNumber = {0}, CertificateNumber = 'OLD-001' WHERE Id = {1}", IdCard(Born, 320), existing);
        }

        var good = IdCard(Born, 321);
        var badCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        var file = Workbook(
            Row("甲", good, "QS-2024-001"),
            Row("乙", badCheck, "QS-2024-002"),
            Row("丙", IdCard(Born, 320), "QS-2024-003"),
            Row("丁", IdCard(Born, 322), "QS-2024-001"),
            Row("戊", IdCard(Born, 323), "OLD-001"),
            Row("己", IdCard(Born, 324), "QS-2024-004", fields: "消防安全、不存在领域"),
            Row("庚", IdCard(Born, 325), "QS-2024-005", start: "2026-01-01", end: "2025-01-01"),
            Row("辛", IdCard(Born, 326), "QS-2024-006", department: "不存在局"));

        var html = await PreviewAsync(await app.AsAsync(Bureau), file);
        var text = Text(html);
        text.Should().Contain("共 8 行，其中 7 行有问题，未导入任何数据");
        text.Should().Contain("身份证号码：身份证号码校验位不正确，请核对");
        text.Should().Contain("身份证号码：该身份证号码已在专家库中（证书 OLD-001），不能重复入库");
        text.Should().Contain("证书编号：证书编号 QS-2024-001 已在本县使用", "a number given twice in the file");
        text.Should().Contain("证书编号：证书编号 OLD-001 已在本县使用");
        text.Should().Contain("领域：没有在用的领域“不存在领域”");
        text.Should().Contain("聘期结束：聘期结束日期必须晚于开始日期");
        text.Should().Contain("所属部门：本县没有“不存在局”");
        html.Should().NotContain("confirm-form");
        (await CountExpertsAsync(app)).Should().Be(await CountExpertsAsync(app, "Name <> '甲'"), "nothing written");
        (await CountExpertsAsync(app, "Name = '甲'")).Should().Be(0);
    }

    [Fact]
    public async Task A_clean_import_is_written_whole_on_confirmation_once_and_the_template_has_the_columns()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var template = await bureau.GetAsync(Path + "?handler=Template");
        template.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var book = new XLWorkbook(new MemoryStream(await template.Content.ReadAsByteArrayAsync())))
        {
            book.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString()).Should().Equal(Header);
        }

        var before = await CountExpertsAsync(app);
        var html = await PreviewAsync(bureau, Workbook(
            Row("甲", IdCard(Born, 331), "QS-2022-011"),
            Row("乙", IdCard(Born, 332), "QS-2022-012", fields: "气象灾害", department: "气象局")));
        Text(html).Should().Contain("共 2 行，检查无误，可以导入");
        (await CountExpertsAsync(app)).Should().Be(before, "the preview writes nothing");
        var token = StagedToken().Match(html).Groups[1].Value;
        token.Should().HaveLength(32);

        var confirmed = await TestApp.PostFormAsync(bureau, Path + "?handler=Confirm", new Dictionary<string, string> { ["Token"] = token }, tokenFrom: Path);
        Text(await confirmed.Content.ReadAsStringAsync()).Should().Contain("已导入 2 名专家");
        (await CountExpertsAsync(app)).Should().Be(before + 2);
        (await CountExpertsAsync(app, "Name = '乙' AND Level = 1 AND DepartmentName = '气象局' AND CertificateNumber = 'QS-2022-012' AND TermEnd = '2026-12-31'")).Should().Be(1);
        (await OutboxCountAsync(app, "ExpertAdmitted")).Should().Be(2);

        var again = await TestApp.PostFormAsync(bureau, Path + "?handler=Confirm", new Dictionary<string, string> { ["Token"] = token }, tokenFrom: Path);
        Text(await again.Content.ReadAsStringAsync()).Should().Contain("预览已过期，请重新上传文件");
        (await CountExpertsAsync(app)).Should().Be(before + 2);
    }

    [Fact]
    public async Task Only_the_county_enters_the_roster()
    {
        await using var app = await StartAsync();
        var weather = await app.AsAsync(Weather);
        (await weather.GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await app.AsAsync("leader")).GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await weather.GetAsync(Path + "?handler=Template")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var entry = await TestApp.PostFormAsync(weather, Path + "?handler=Enter", new Dictionary<string, string> { ["Input.Name"] = "越权" }, tokenFrom: "/Account/ChangePassword");
        entry.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CountExpertsAsync(app, "Name = '越权'")).Should().Be(0);
        Text(await weather.GetStringAsync("/experts")).Should().NotContain("名册录入", "the tab is hidden from a department");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/experts")).Should().Contain("名册录入");
    }
}
