using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Plans;

/// <summary>Versions: the file is a .docx or a PDF by its content; each issued revision becomes the version in force; old versions stay downloadable.</summary>
public sealed class VersionTests : PlansTest
{
    private int FilesOnDisk()
    {
        var folder = Path.Combine(DataRoot, "counties", TestApp.County, "files", "plans");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0;
    }

    [Fact]
    public async Task A_file_that_is_not_a_docx_or_a_pdf_by_its_content_is_refused_beside_the_field_and_nothing_is_kept()
    {
        await using var app = await StartAsync();
        var township = await app.AsAsync(Township);
        var general = await GeneralAsync(app);
        var id = await RegisterAsync(app, township, "青山镇应急工作手册", "TownshipManual", $"township:{await TownshipIdAsync(app, "青山镇")}", general);

        using var zip = new System.IO.MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, true))
        {
            archive.CreateEntry("readme.txt");
        }

        foreach (var (bytes, name, type) in new[] { (Png, "手册.pdf", "application/pdf"), (zip.ToArray(), "手册.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document") })
        {
            var html = await (await UploadAsync(township, id, bytes, name, type)).Content.ReadAsStringAsync();
            Regex.IsMatch(html, "data-testid=\"upload-error\"[^>]*>预案文件只能是 Word（.docx）或 PDF 文件<").Should().BeTrue($"{name} is not what its name says");
        }

        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM PlanVersions WHERE PlanId = {id}")).Should().Be(0);
        FilesOnDisk().Should().Be(0, "a refused file is not kept");
    }

    [Fact]
    public async Task Each_issued_revision_is_the_version_in_force_and_old_versions_stay_downloadable()
    {
        await using var app = await StartAsync();
        var township = await app.AsAsync(Township);
        var general = await GeneralAsync(app);
        var id = await RegisterAsync(app, township, "青山镇应急工作手册", "TownshipManual", $"township:{await TownshipIdAsync(app, "青山镇")}", general);
        var docx = Docx();
        Text(await (await UploadAsync(township, id, docx, "工作手册.docx", "application/octet-stream")).Content.ReadAsStringAsync()).Should().Contain("已上传第 1 版");
        var first = await NewestVersionAsync(app, id);
        await IssueAsync(app, township, id, new DateOnly(2026, 10, 9), "青山镇发〔2026〕30号");

        Text(await (await UploadAsync(township, id, Pdf, "工作手册（修订）.pdf", "application/pdf", "调整转移避险路线")).Content.ReadAsStringAsync()).Should().Contain("已上传第 2 版");
        var second = await NewestVersionAsync(app, id);
        (await CountAsync(app, $"SELECT CurrentVersionId AS Value FROM Plans WHERE Id = {id}")).Should().Be(first, "an unissued revision is not in force");
        await IssueAsync(app, township, id, new DateOnly(2026, 11, 20), "青山镇发〔2026〕41号");
        (await CountAsync(app, $"SELECT CurrentVersionId AS Value FROM Plans WHERE Id = {id}")).Should().Be(second);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Filings WHERE PlanId = {id}")).Should().Be(2, "each issued version is filed");

        var old = await township.GetAsync($"/plans/File?id={first}");
        old.StatusCode.Should().Be(HttpStatusCode.OK);
        old.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        (await old.Content.ReadAsByteArrayAsync()).Should().Equal(docx);
        (await (await app.AsAsync(GridMember)).GetAsync($"/plans/File?id={second}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a village sees the county's plans and its own only");
    }
}
