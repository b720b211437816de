using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>一张图 in a real browser: the locally served Leaflet draws the markers under the platform's CSP, without tiles.</summary>
public sealed class MapBrowserTests : ShelterTest
{
    [Fact]
    public async Task The_map_draws_a_marker_for_each_placed_item_without_errors()
    {
        await using var app = await StartAsync();
        await ShelterAsync(app, Bureau, await TownshipKeyAsync(app), "青山镇文体中心", 600, "23.1012", "109.6055");
        await ShelterAsync(app, Bureau, await VillageKeyAsync(app), "河口村村委会避难点", 200, "23.0871", "109.6220");
        await ShelterAsync(app, Bureau, await TownshipKeyAsync(app, "石门乡"), "石门乡中学避难点", 800);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Emergency.Host.Tests.BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new() { Width = 1280, Height = 1000 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // A missing resource is checked by its response below (the browser's own favicon request has none).
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        var missing = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                missing.Add(response.Url);
            }
        };
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };

        await page.GotoAsync(app.BaseAddress + "/");
        await page.GetByLabel("用户名").FillAsync(Bureau);
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GotoAsync(app.BaseAddress + "/teams/Map");
        await page.Locator("#resource-map path.leaflet-interactive").Nth(1).WaitForAsync(new() { Timeout = 15000 });
        (await page.Locator("#resource-map path.leaflet-interactive").CountAsync()).Should().Be(2, "two shelters have coordinates");
        (await page.GetByTestId("unplaced").InnerTextAsync()).Should().Contain("石门乡中学避难点");
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "resource-map.png"), FullPage = true });
        missing.Should().BeEmpty();
        errors.Should().BeEmpty("Leaflet runs under the CSP");
        outside.Should().BeEmpty("no CDN and no outside tiles");
    }
}
