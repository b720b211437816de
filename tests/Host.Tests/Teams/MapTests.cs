using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>一张图: the table by township, the markers JSON in the user's scope, the tile setting and no outside address.</summary>
public sealed partial class MapTests : ShelterTest
{
    /// <summary>The cells of one row of the map table (by data-township), column name → text.</summary>
    private static Dictionary<string, string> Row(string html, string township)
    {
        var row = RowPattern().Matches(html).Single(m => m.Groups[1].Value == township).Groups[2].Value;
        return CellPattern().Matches(row).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
    }

    private static async Task<string> TownshipIdAsync(TestApp app, string name = "青山镇") => (await TownshipKeyAsync(app, name))["township:".Length..];

    [Fact]
    public async Task The_table_sums_teams_members_and_shelter_capacity_per_township()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipKeyAsync(app);
        var township = await RegisterAsync(app, Bureau, "Township", qingshan, "青山镇应急救援队");
        var village = await RegisterAsync(app, Bureau, "Village", await VillageKeyAsync(app), "河口村应急救援分队");
        await RegisterAsync(app, Bureau, "Township", await TownshipKeyAsync(app, "石门乡"), "石门乡应急救援队");
        var disbanded = TeamForm("Park", qingshan, "已停用的队伍", status: "Disbanded");
        Text(await (await PostTeamAsync(app, Bureau, disbanded)).Content.ReadAsStringAsync()).Should().Contain("已保存救援队伍");
        await AddMembersAsync(app, Bureau, township, 3, 1);
        await AddMembersAsync(app, Bureau, village, 1, 10);
        var trained = await PostMemberAsync(app, Bureau, village, MemberForm("已培训队员", IdCardNumber(20), trained: true));
        Text(await trained.Content.ReadAsStringAsync()).Should().Contain("已保存队员");
        await ShelterAsync(app, Bureau, qingshan, "青山镇文体中心", 600);
        await ShelterAsync(app, Bureau, await VillageKeyAsync(app), "河口村村委会避难点", 200);
        await ShelterAsync(app, Bureau, qingshan, "停用的避难点", 999, status: "Closed");
        await ShelterAsync(app, Bureau, await TownshipKeyAsync(app, "石门乡"), "石门乡中学避难点", 800);

        var html = await (await app.AsAsync(Bureau)).GetStringAsync("/teams/Map");
        var row = Row(html, await TownshipIdAsync(app));
        row["teams"].Should().Be("2", "the disbanded team is left out");
        row["members"].Should().Be("5");
        row["trained"].Should().Be("20%");
        row["shelters"].Should().Be("2", "the closed shelter is left out");
        row["capacity"].Should().Be("800");
        Row(html, await TownshipIdAsync(app, "石门乡"))["capacity"].Should().Be("800");
        var total = Row(html, "total");
        total["teams"].Should().Be("3");
        total["members"].Should().Be("5");
        total["capacity"].Should().Be("1600");
        Text(html).Should().Contain("未标注坐标（6）");

        var townshipView = await (await app.AsAsync(Township)).GetStringAsync("/teams/Map?Layer=Shelters");
        Row(townshipView, "total")["capacity"].Should().Be("800", "a township sees its own township");
        Row(townshipView, "total").Should().NotContainKey("teams", "only the shelters layer is shown");
        Text(townshipView).Should().NotContain("石门乡中学避难点");
    }

    [Fact]
    public async Task The_markers_json_holds_only_placed_items_in_the_users_scope()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipKeyAsync(app);
        var team = TeamForm("Township", qingshan, "青山镇应急救援队");
        team["Input.Latitude"] = "23.1021";
        team["Input.Longitude"] = "109.6032";
        Text(await (await PostTeamAsync(app, Bureau, team)).Content.ReadAsStringAsync()).Should().Contain("已保存救援队伍");
        await ShelterAsync(app, Bureau, qingshan, "青山镇文体中心", 600, "23.1012", "109.6055");
        await ShelterAsync(app, Bureau, await VillageKeyAsync(app), "河口村村委会避难点", 200, "23.0871", "109.6220");
        await ShelterAsync(app, Bureau, qingshan, "青山镇未标注避难点", 100);
        await ShelterAsync(app, Bureau, await TownshipKeyAsync(app, "石门乡"), "石门乡中学避难点", 800, "23.2001", "109.7002");

        async Task<List<string>> NamesAsync(string user, string query = "")
        {
            using var json = JsonDocument.Parse(await (await app.AsAsync(user)).GetStringAsync("/teams/Map?handler=Markers" + query));
            return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).Order().ToList();
        }

        (await NamesAsync(Bureau)).Should().Equal("河口村村委会避难点", "石门乡中学避难点", "青山镇应急救援队", "青山镇文体中心");
        (await NamesAsync(Township)).Should().Equal("河口村村委会避难点", "青山镇应急救援队", "青山镇文体中心");
        (await NamesAsync(Village)).Should().Equal("河口村村委会避难点");
        (await NamesAsync(Township, "&Township=" + await TownshipIdAsync(app, "石门乡"))).Should().BeEmpty("another township's filter shows nothing of it");
        (await NamesAsync(Bureau, "&Layer=Teams")).Should().Equal("青山镇应急救援队");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/teams/Map")).Should().Contain("青山镇未标注避难点");
    }

    [Fact]
    public async Task The_tile_setting_appears_in_the_page_when_set_and_no_outside_address_when_unset()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var page = await bureau.GetStringAsync("/teams/Map");
        page.Should().Contain("data-tiles=\"\"").And.Contain("/lib/leaflet/leaflet.js").And.Contain("/_content/Teams/map.js");
        ExternalAddress().IsMatch(page).Should().BeFalse("no CDN and no outside tile service without the setting");
        (await bureau.GetAsync("/lib/leaflet/leaflet.js")).EnsureSuccessStatusCode();
        (await bureau.GetAsync("/_content/Teams/map.js")).EnsureSuccessStatusCode();

        const string tiles = "http://tiles.qingshan.gov.cn/tdt/{z}/{x}/{y}.png";
        var saved = await TestApp.PostFormAsync(await app.AsAsync(CountyAdmin), "/County/Settings", new Dictionary<string, string> { ["teams.map-tile-url"] = tiles });
        Text(await saved.Content.ReadAsStringAsync()).Should().Contain("已保存 1 项设置");
        (await bureau.GetStringAsync("/teams/Map")).Should().Contain($"data-tiles=\"{tiles}\"");
    }

    [Fact]
    public async Task Tiles_of_an_intranet_service_are_passed_through_the_platform()
    {
        await using var app = await StartAsync();
        var port = FreePort();
        using var server = new System.Net.HttpListener();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        var requested = new List<string>();
        var serving = Task.Run(async () =>
        {
            while (server.IsListening)
            {
                System.Net.HttpListenerContext context;
                try
                {
                    context = await server.GetContextAsync();
                }
                catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                requested.Add(context.Request.Url!.AbsolutePath);
                var tile = context.Request.Url.AbsolutePath == "/t/3/4/5.png";
                context.Response.StatusCode = tile ? 200 : 404;
                context.Response.ContentType = tile ? "image/png" : "text/html";
                await context.Response.OutputStream.WriteAsync(tile ? png : "无此瓦片"u8.ToArray());
                context.Response.Close();
            }
        });

        var saved = await TestApp.PostFormAsync(await app.AsAsync(CountyAdmin), "/County/Settings",
            new Dictionary<string, string> { ["teams.map-tile-url"] = $"http://127.0.0.1:{port}/t/{{z}}/{{x}}/{{y}}.png" });
        Text(await saved.Content.ReadAsStringAsync()).Should().Contain("已保存 1 项设置");
        var township = await app.AsAsync(Township);
        (await township.GetStringAsync("/teams/Map")).Should().Contain("data-tile-source=\"/teams/Map?handler=Tile&amp;z={z}&amp;x={x}&amp;y={y}\"");
        var response = await township.GetAsync("/teams/Map?handler=Tile&z=3&x=4&y=5");
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(png);
        (await township.GetAsync("/teams/Map?handler=Tile&z=3&x=4&y=6")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "an error page is not passed on as a tile");
        (await township.GetAsync("/teams/Map?handler=Tile&z=3&x=9&y=5")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "x is outside zoom 3");
        requested.Should().Equal("/t/3/4/5.png", "/t/3/4/6.png");
        server.Stop();
        await serving;
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex("<tr[^>]*data-township=\"([^\"]+)\"[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*data-col=\"([a-z]+)\"[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAddress();
}
