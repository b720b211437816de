using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

/// <summary>Two people posting a step on one case at the same moment: one succeeds, the other is told the case changed and nothing of theirs is written.</summary>
public sealed partial class CaseConcurrencyTests : EnforcementTest
{
    /// <summary>A person at a keyboard: an own signed-in session that has the case page open (its token and the version shown).</summary>
    private static async Task<(HttpClient Client, string Token, string Version)> OpenPageAsync(TestApp app, int id)
    {
        var client = await app.SignInAsync(Bureau);
        var page = await client.GetStringAsync($"/enforcement/Cases/Details?id={id}");
        return (client, Token().Match(page).Groups[1].Value, Version().Match(page).Groups[1].Value);
    }

    private static async Task<string> PostStepAsync((HttpClient Client, string Token, string Version) person, int id, string action, int officer, long? fine = null)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = person.Token,
            ["Step.Version"] = person.Version,
            ["Step.Action"] = action,
            ["Step.OfficerId"] = Invariant(officer),
            ["Step.Fine"] = fine is { } f ? f.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            ["Step.Text"] = "",
        });
        return Text(await (await person.Client.PostAsync($"/enforcement/Cases/Details?id={id}&handler=Step", content)).Content.ReadAsStringAsync());
    }

    private static async Task<int> FiledWithEvidenceAsync(TestApp app, CaseTests.Setup s)
    {
        (await CaseTests.OpenAsync(s.Bureau, s.Target, s.Officer1, Today)).Should().Contain("已立案：青山县石门石料厂");
        var id = await CaseTests.LastCaseAsync(app);
        (await CaseTests.EvidenceAsync(s.Bureau, id, s.Officer1, CaseTests.Pdf, "询问笔录.pdf")).Should().Contain("已办理“调查取证”");
        return id;
    }

    [Fact]
    public async Task Of_eight_people_posting_the_same_step_at_once_one_succeeds_and_seven_are_told_the_case_was_updated()
    {
        await using var app = await StartAsync();
        var s = await CaseTests.SetupAsync(app);
        var id = await FiledWithEvidenceAsync(app, s);
        var steps = await CountAsync(app, $"SELECT COUNT(*) AS Value FROM CaseSteps WHERE CaseId = {id}");
        var version = await CountAsync(app, $"SELECT Version AS Value FROM Cases WHERE Id = {id}");

        var people = new List<(HttpClient Client, string Token, string Version)>();
        for (var i = 0; i < 8; i++)
        {
            people.Add(await OpenPageAsync(app, id));
        }

        people.Should().OnlyContain(p => p.Version == Invariant(version));
        using var start = new SemaphoreSlim(0);
        var tasks = people.Select(async p =>
        {
            await start.WaitAsync();
            return await PostStepAsync(p, id, "Investigate", s.Officer1);
        }).ToList();
        start.Release(people.Count);
        var pages = await Task.WhenAll(tasks);
        people.ForEach(p => p.Client.Dispose());

        pages.Count(p => p.Contains("已办理“调查终结”", StringComparison.Ordinal)).Should().Be(1);
        pages.Count(p => p.Contains("案件已被他人更新，请刷新后重试", StringComparison.Ordinal)).Should().Be(7);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM CaseSteps WHERE CaseId = {id}")).Should().Be(steps + 1);
        (await CountAsync(app, $"SELECT State AS Value FROM Cases WHERE Id = {id}")).Should().Be(2);
        (await CountAsync(app, $"SELECT Version AS Value FROM Cases WHERE Id = {id}")).Should().Be(version + 1);
    }

    [Fact]
    public async Task A_step_posted_from_a_page_someone_else_has_since_moved_on_is_refused_and_writes_nothing()
    {
        await using var app = await StartAsync();
        var s = await CaseTests.SetupAsync(app);
        var id = await FiledWithEvidenceAsync(app, s);
        (await CaseTests.StepTextAsync(s.Bureau, id, "Investigate", s.Officer1)).Should().Contain("已办理“调查终结”");
        var first = await OpenPageAsync(app, id);
        var second = await OpenPageAsync(app, id);

        (await PostStepAsync(first, id, "Notify", s.Officer1, fine: 3000)).Should().Contain("已办理“告知”");
        var steps = await CountAsync(app, $"SELECT COUNT(*) AS Value FROM CaseSteps WHERE CaseId = {id}");

        var stale = await PostStepAsync(second, id, "Notify", s.Officer2, fine: 8000);
        stale.Should().Contain("案件已被他人更新，请刷新后重试");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM CaseSteps WHERE CaseId = {id}")).Should().Be(steps);
        (await CountAsync(app, $"SELECT ProposedFine AS Value FROM Cases WHERE Id = {id}")).Should().Be(3000);
        (await CountAsync(app, "SELECT Last AS Value FROM DocumentCounters WHERE Kind = '告'")).Should().Be(1, "the refused notice took no number");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Step.Version\" value=\"(\\d+)\"")]
    private static partial Regex Version();
}
