using System.Globalization;
using Emergency.TestSupport;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

/// <summary>Steps the disqualification-review, phone-answer and late-answer tests share: a dispatch, a link answer, a phone answer, a review decision.</summary>
internal static class JudgementSteps
{
    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The bureau dispatches the experts: starts in 6 hours, to answer within <paramref name="answerIn"/>. Returns the dispatch id.</summary>
    public static async Task<int> DispatchAsync(PlatformTest test, TestApp app, string title, string field, IReadOnlyList<int> experts, TimeSpan answerIn)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Description"] = "请携带监测资料",
            ["Input.Location"] = "青山镇河口村",
            ["Input.FieldId"] = Id(await FieldIdAsync(app, field)),
            ["Input.StartsAt"] = ChinaLocal(test.InChinaTime(TimeSpan.FromHours(6))),
            ["Input.AnswerBy"] = ChinaLocal(test.InChinaTime(answerIn)),
            ["Input.Classified"] = "false",
        };
        for (var i = 0; i < experts.Count; i++)
        {
            fields[$"Input.ExpertIds[{i}]"] = Id(experts[i]);
        }

        await TestApp.PostFormAsync(await app.AsAsync(ExpertsTest.Bureau), "/experts/Dispatches/Create", fields);
        return await PlatformTest.CountAsync(app, "experts", $"SELECT MAX(Id) AS Value FROM Dispatches WHERE Title = '{title}'");
    }

    /// <summary>The expert answers through the link of the mail, without an account; the page's text.</summary>
    public static async Task<string> AnswerByLinkAsync(TestApp app, string link, bool accept, string reason = "")
    {
        var response = await TestApp.PostFormAsync(
            app.NewClient(),
            "/experts/Respond?handler=" + (accept ? "Accept" : "Decline"),
            new Dictionary<string, string> { ["t"] = new Uri(link).Query["?t=".Length..], ["Reason"] = reason },
            tokenFrom: "/Account/Login");
        return ExpertsTest.Text(await response.Content.ReadAsStringAsync());
    }

    public static Task<int> AssignmentAsync(TestApp app, int dispatch, int expert) =>
        PlatformTest.CountAsync(app, "experts", $"SELECT Id AS Value FROM DispatchAssignments WHERE DispatchId = {dispatch} AND ExpertId = {expert}");

    /// <summary>The organiser records an answer taken by phone; <paramref name="accept"/> null leaves the answer unchosen.</summary>
    public static async Task<HttpResponseMessage> PhoneAsync(HttpClient organiser, TestApp app, int dispatch, int expert, bool? accept, string reason, DateTime calledAtChina)
    {
        var path = $"/experts/Dispatches/Details?id={dispatch}";
        return await TestApp.PostFormAsync(organiser, path + "&handler=Phone", new Dictionary<string, string>
        {
            ["Phone.AssignmentId"] = Id(await AssignmentAsync(app, dispatch, expert)),
            ["Phone.Accept"] = accept switch { true => "true", false => "false", _ => "" },
            ["Phone.Reason"] = reason,
            ["Phone.CalledAt"] = ChinaLocal(calledAtChina),
        }, tokenFrom: "/Account/ChangePassword");
    }

    public static Task<int> ReviewAsync(TestApp app, int expert) =>
        PlatformTest.CountAsync(app, "experts", $"SELECT MAX(Id) AS Value FROM DisqualificationReviews WHERE ExpertId = {expert}");

    /// <summary>The bureau confirms or dismisses a review; the page's response.</summary>
    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, int review, bool confirm, string note) =>
        TestApp.PostFormAsync(client, $"/experts/Reviews?handler={(confirm ? "Confirm" : "Dismiss")}&reviewId={review}",
            new Dictionary<string, string> { ["Note"] = note }, tokenFrom: "/Account/ChangePassword");

    public static Task<int> StatusAsync(TestApp app, int expert) => PlatformTest.CountAsync(app, "experts", $"SELECT Status AS Value FROM Experts WHERE Id = {expert}");
}
