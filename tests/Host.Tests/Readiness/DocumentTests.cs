using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Readiness;

/// <summary>Mechanism and 十个一 documents are uploaded with their date, checked by content; a village records its 领导小组 and 服务站.</summary>
public sealed partial class DocumentTests : ReadinessTest
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string kind, string date, byte[] bytes, string fileName)
    {
        var html = await client.GetStringAsync(page);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(html).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(kind), "Doc.Kind" },
            { new StringContent(""), "Doc.Title" },
            { new StringContent(date), "Doc.Date" },
            { file, "Upload", fileName },
        };
        return await client.PostAsync(page + "&handler=Upload", form);
    }

    [Fact]
    public async Task A_mechanism_document_is_checked_by_content_and_the_item_lists_what_is_still_missing()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var township = await app.AsAsync(Township);
        var page = $"/readiness/Township?id={qingshan}";

        var refused = Text(await (await UploadAsync(township, page, "mech.monitor", "2026-11-01", "not a pdf"u8.ToArray(), "机制.pdf")).Content.ReadAsStringAsync());
        refused.Should().Contain("文件须为 PDF、Word（.docx）或 JPEG、PNG、WebP 图片");
        (await CountAsync(app, "readiness", "SELECT COUNT(*) AS Value FROM OrgDocuments")).Should().Be(0);

        var saved = Text(await (await UploadAsync(township, page, "mech.monitor", "2026-11-01", Pdf, "监测预警机制.pdf")).Content.ReadAsStringAsync());
        saved.Should().Contain("已上传材料").And.Contain("监测预警机制");
        (await StateAsync(township, qingshan, "mech")).Should().Be("NotMet");
        saved.Should().Contain("缺：研判会商机制、应急指挥机制、协调联动机制、调查评估机制").And.Contain("未上传重大风险分布图");
        var id = await CountAsync(app, "readiness", "SELECT MAX(Id) AS Value FROM OrgDocuments");
        (await (await township.GetAsync($"/readiness/File?id={id}")).Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
        (await (await app.AsAsync("hekou-grid")).GetAsync($"/readiness/File?id={id}")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "a village does not see its township's documents");
    }

    [Fact]
    public async Task A_village_records_its_leading_group_and_station()
    {
        await using var app = await StartAsync();
        var hekou = await VillageIdAsync(app, "河口村");
        var village = await app.AsAsync("hekou-grid");
        (await village.GetAsync("/readiness")).RequestMessage!.RequestUri!.PathAndQuery.Should().Contain($"/readiness/Village?id={hekou}");
        var saved = await TestApp.PostFormAsync(village, $"/readiness/Village?id={hekou}&handler=Save", new Dictionary<string, string>
        {
            ["Form.GroupLeader"] = "韦大勇（村支书）",
            ["Form.GroupMembers"] = "村委会成员、网格员",
            ["Form.Station"] = "河口村应急服务站",
            ["Form.StationFacilities"] = "应急广播、物资柜",
        }, $"/readiness/Village?id={hekou}");
        var text = Text(await saved.Content.ReadAsStringAsync());
        text.Should().Contain("已保存村级应急组织").And.Contain("河口村应急服务站：应急广播、物资柜").And.Contain("组长 韦大勇（村支书）").And.Contain("未上传村级应急工作制度");
        (await village.GetAsync($"/readiness/Village?id={await VillageIdAsync(app, "石门村")}")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
