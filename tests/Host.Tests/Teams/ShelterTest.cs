using FluentAssertions;

namespace Emergency.Host.Tests.Teams;

/// <summary>Base for the 避难场所 and 一张图 tests: shelters through the pages.</summary>
public abstract class ShelterTest : StockTest
{
    internal static Dictionary<string, string> ShelterForm(string owner, string name, int capacity = 500, string latitude = "", string longitude = "", string status = "Available") => new()
    {
        ["Input.OwnerKey"] = owner,
        ["Input.Name"] = name,
        ["Input.Address"] = "青山镇学府路 8 号",
        ["Input.Kind"] = "Outdoor",
        ["Input.Status"] = status,
        ["Input.Capacity"] = Invariant(capacity),
        ["Input.Area"] = "3000",
        ["Input.ManagerName"] = "韦建华",
        ["Input.ManagerMobile"] = "13907710101",
        ["Input.Latitude"] = latitude,
        ["Input.Longitude"] = longitude,
    };

    internal static async Task<HttpResponseMessage> PostShelterAsync(TestApp app, string user, Dictionary<string, string> form, int? id = null) =>
        await TestApp.PostFormAsync(await app.AsAsync(user), "/teams/Shelters/Edit" + (id is { } i ? "?id=" + Invariant(i) : ""), form, tokenFrom: "/Account/ChangePassword");

    /// <summary>Registers a shelter through the page and returns its id.</summary>
    internal static async Task<int> ShelterAsync(TestApp app, string user, string owner, string name, int capacity = 500, string latitude = "", string longitude = "", string status = "Available")
    {
        var response = await PostShelterAsync(app, user, ShelterForm(owner, name, capacity, latitude, longitude, status));
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已保存避难场所：" + name);
        return await CountAsync(app, "teams", $"SELECT Id AS Value FROM Shelters WHERE Name = '{name}'");
    }
}
