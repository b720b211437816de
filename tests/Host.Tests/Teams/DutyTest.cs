using FluentAssertions;

namespace Emergency.Host.Tests.Teams;

/// <summary>Base for the 应急值守 tests: rosters entered through the grid form, weekly plans filed through the page.</summary>
public abstract class DutyTest : SupportTest
{
    /// <summary>One day of the grid: (date, leader, staff…) where each person is "name|mobile|account".</summary>
    internal sealed record Day(string Date, string? Leader, params string[] Staff);

    internal static Dictionary<string, string> Grid(params Day[] days)
    {
        var form = new Dictionary<string, string>();
        for (var i = 0; i < days.Length; i++)
        {
            form[$"Input[{i}].Date"] = days[i].Date;
            var people = new[] { days[i].Leader }.Concat(days[i].Staff.Select(s => (string?)s)).ToList();
            var slots = new[] { "Leader", "Staff1", "Staff2" };
            for (var slot = 0; slot < slots.Length; slot++)
            {
                var parts = (slot < people.Count ? people[slot] ?? "" : "").Split('|');
                form[$"Input[{i}].{slots[slot]}.Name"] = parts[0];
                form[$"Input[{i}].{slots[slot]}.Mobile"] = parts.Length > 1 ? parts[1] : "";
                form[$"Input[{i}].{slots[slot]}.UserName"] = parts.Length > 2 ? parts[2] : "";
            }
        }

        return form;
    }

    /// <summary>Posts the grid for the roster (0: the county's) and returns the response and the page's text.</summary>
    internal static async Task<(HttpResponseMessage Response, string Text)> EnterAsync(TestApp app, string user, int roster, params Day[] days)
    {
        var response = await TestApp.PostFormAsync(await app.AsAsync(user), $"/teams/Duty/Edit?roster={roster}", Grid(days), tokenFrom: "/Account/ChangePassword");
        return (response, Text(await response.Content.ReadAsStringAsync()));
    }

    internal static async Task<int> TownshipIdAsync(TestApp app, string name = "青山镇") =>
        int.Parse((await TownshipKeyAsync(app, name))["township:".Length..], System.Globalization.CultureInfo.InvariantCulture);

    internal static async Task<int> VillageIdAsync(TestApp app, string name = "河口村") =>
        int.Parse((await VillageKeyAsync(app, name))["village:".Length..], System.Globalization.CultureInfo.InvariantCulture);

    internal static Task<int> ShiftIdAsync(TestApp app, int roster, string date, string name) =>
        CountAsync(app, "teams", $"SELECT Id AS Value FROM DutyShifts WHERE TownshipId = {roster} AND Date = '{date}' AND Name = '{name}'");

    internal static Task<int> ShiftsAsync(TestApp app) => CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM DutyShifts");

    /// <summary>Files 河口村's plan for the week as the village user and returns the page's text.</summary>
    internal static async Task<(HttpResponseMessage Response, string Text)> FileAsync(TestApp app, string user, int village, string week, string? firstName = "李网格")
    {
        var form = new Dictionary<string, string>();
        for (var i = 0; i < 7; i++)
        {
            form[$"Days[{i}].Name"] = i == 0 ? firstName ?? "" : "值班员" + Invariant(i);
            form[$"Days[{i}].Mobile"] = "1390771000" + Invariant(i);
        }

        var response = await TestApp.PostFormAsync(await app.AsAsync(user), $"/teams/Duty/Plan?village={village}&week={week}", form, tokenFrom: "/Account/ChangePassword");
        return (response, Text(await response.Content.ReadAsStringAsync()));
    }

    internal static void Ok((HttpResponseMessage Response, string Text) result, string expected)
    {
        result.Response.IsSuccessStatusCode.Should().BeTrue();
        result.Text.Should().Contain(expected);
    }
}
