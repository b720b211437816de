using System.Net;
using ClosedXML.Excel;
using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>避难场所: the rules of the form, who sees which shelter, another county's, the export; coordinates on teams and sites.</summary>
public sealed class ShelterTests : ShelterTest
{
    [Fact]
    public async Task A_shelter_with_a_bad_capacity_or_coordinates_is_refused_with_the_message_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var owner = await TownshipKeyAsync(app);

        var zero = ShelterForm(owner, "青山镇中心小学操场", capacity: 0);
        Text(await (await PostShelterAsync(app, Bureau, zero)).Content.ReadAsStringAsync()).Should().Contain("可容纳人数应为 1 至 1000000 之间的整数");

        var words = ShelterForm(owner, "青山镇中心小学操场");
        words["Input.Capacity"] = "很多";
        Text(await (await PostShelterAsync(app, Bureau, words)).Content.ReadAsStringAsync()).Should().Contain("可容纳人数应为 1 至 1000000 之间的整数");

        var swapped = ShelterForm(owner, "青山镇中心小学操场", latitude: "109.6032", longitude: "23.1021");
        Text(await (await PostShelterAsync(app, Bureau, swapped)).Content.ReadAsStringAsync())
            .Should().Contain("纬度应在 3 至 54 之间").And.Contain("经度应在 73 至 136 之间");

        var half = ShelterForm(owner, "青山镇中心小学操场", latitude: "23.1021");
        Text(await (await PostShelterAsync(app, Bureau, half)).Content.ReadAsStringAsync()).Should().Contain("经度和纬度须同时填写或同时留空");

        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Shelters")).Should().Be(0);

        var good = ShelterForm(owner, "青山镇中心小学操场", capacity: 1500, latitude: "23.1021", longitude: "109.6032");
        good["Input.Facilities"] = "Water";
        var saved = Text(await (await PostShelterAsync(app, Bureau, good)).Content.ReadAsStringAsync());
        saved.Should().Contain("已保存避难场所：青山镇中心小学操场").And.Contain("1500").And.Contain("23.1021, 109.6032").And.Contain("供水");
    }

    [Fact]
    public async Task A_village_sees_only_its_villages_shelters_and_a_township_its_own_and_its_villages()
    {
        await using var app = await StartAsync();
        var township = await ShelterAsync(app, Bureau, await TownshipKeyAsync(app), "青山镇文体中心");
        var village = await ShelterAsync(app, Township, await VillageKeyAsync(app), "河口村村委会避难点");
        var neighbour = await ShelterAsync(app, Township, await VillageKeyAsync(app, "柳林村"), "柳林村小学避难点");
        var other = await ShelterAsync(app, Bureau, await TownshipKeyAsync(app, "石门乡"), "石门乡中学避难点");

        var villageUser = await app.AsAsync(Village);
        Text(await villageUser.GetStringAsync("/teams/Shelters")).Should().Contain("河口村村委会避难点").And.Contain("共 1 处避难场所")
            .And.NotContain("青山镇文体中心").And.NotContain("柳林村小学避难点").And.NotContain("石门乡中学避难点");
        (await villageUser.GetAsync($"/teams/Shelters/Details?id={neighbour}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await villageUser.GetAsync($"/teams/Shelters/Details?id={township}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await PostShelterAsync(app, Village, ShelterForm(await VillageKeyAsync(app), "改名"), neighbour)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await PostShelterAsync(app, Village, ShelterForm(await VillageKeyAsync(app), "河口村村委会避难点", capacity: 260), village)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await CountAsync(app, "teams", $"SELECT Capacity AS Value FROM Shelters WHERE Id = {village}")).Should().Be(260);

        var townshipUser = await app.AsAsync(Township);
        Text(await townshipUser.GetStringAsync("/teams/Shelters")).Should().Contain("共 3 处避难场所").And.NotContain("石门乡中学避难点");
        (await townshipUser.GetAsync($"/teams/Shelters/Details?id={other}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Text(await (await PostShelterAsync(app, Township, ShelterForm(await TownshipKeyAsync(app, "石门乡"), "越权避难点"))).Content.ReadAsStringAsync())
            .Should().Contain("请选择所属乡镇或村（社区）");

        var leader = await app.AsAsync(Leader);
        Text(await leader.GetStringAsync("/teams/Shelters")).Should().Contain("共 4 处避难场所");
        (await PostShelterAsync(app, Leader, ShelterForm(await TownshipKeyAsync(app), "领导改名"), township)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Shelters WHERE Name IN ('改名', '越权避难点', '领导改名')")).Should().Be(0);
    }

    [Fact]
    public async Task Another_countys_shelter_is_not_found()
    {
        await using var app = await StartAsync();
        const string other = "450998";
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = other, Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "teams" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await app.Services.GetRequiredService<StoreCatalog>().MigrateAsync(StoreKey.ForCounty(other, "teams"), CancellationToken.None);
        await using (var db = app.OpenStore("teams", other))
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Shelters (Id, Name, TownshipId, VillageId, OwnerName, Address, Kind, Capacity, Area, Facilities, ManagerName, ManagerMobile, Status, CreatedAtUtc, CreatedBy, UpdatedAtUtc) " +
                "VALUES (9001, '白石县避难点', NULL, NULL, '白石乡', '白石乡', 0, 100, 100, 0, '白某', '13900000000', 0, '2026-01-01 00:00:00', 'x', '2026-01-01 00:00:00')");
        }

        var bureau = await app.AsAsync(Bureau);
        (await bureau.GetAsync("/teams/Shelters/Details?id=9001")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the shelter is in another county's store");
        (await bureau.GetAsync("/teams/Shelters/Edit?id=9001")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await PostShelterAsync(app, Bureau, ShelterForm(await TownshipKeyAsync(app), "越县改名"), 9001)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Shelters")).Should().Be(0);
    }

    [Fact]
    public async Task The_export_contains_the_filtered_rows_of_the_users_scope()
    {
        await using var app = await StartAsync();
        await ShelterAsync(app, Bureau, await TownshipKeyAsync(app), "青山镇文体中心", 600, "23.1012", "109.6055");
        await ShelterAsync(app, Bureau, await VillageKeyAsync(app), "河口村村委会避难点", 200, status: "UnderRepair");
        await ShelterAsync(app, Bureau, await TownshipKeyAsync(app, "石门乡"), "石门乡中学避难点", 800);

        var response = await (await app.AsAsync(Township)).GetAsync("/teams/Shelters?handler=Export");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var book = new XLWorkbook(await response.Content.ReadAsStreamAsync()))
        {
            var sheet = book.Worksheet(1);
            sheet.Cell(1, 1).GetString().Should().Be("名称");
            sheet.RowsUsed().Count().Should().Be(3, "the header and 青山镇's two shelters, not 石门乡's");
            sheet.Cell(2, 1).GetString().Should().Be("青山镇文体中心");
            sheet.Cell(2, 5).GetValue<int>().Should().Be(600);
            sheet.Cell(2, 10).GetValue<double>().Should().Be(23.1012);
            sheet.Cell(3, 12).GetString().Should().Be("维修");
        }

        var repairs = await (await app.AsAsync(Bureau)).GetAsync("/teams/Shelters?handler=Export&Status=UnderRepair");
        using var repairBook = new XLWorkbook(await repairs.Content.ReadAsStreamAsync());
        repairBook.Worksheet(1).RowsUsed().Count().Should().Be(2);
        repairBook.Worksheet(1).Cell(2, 1).GetString().Should().Be("河口村村委会避难点");
    }

    [Fact]
    public async Task Coordinates_on_a_team_and_a_site_are_checked_and_kept()
    {
        await using var app = await StartAsync();
        var owner = await TownshipKeyAsync(app);
        var team = TeamForm("Township", owner, "青山镇应急救援队");
        team["Input.Latitude"] = "123.4";
        team["Input.Longitude"] = "23.1";
        Text(await (await PostTeamAsync(app, Township, team)).Content.ReadAsStringAsync()).Should().Contain("纬度应在 3 至 54 之间").And.Contain("经度应在 73 至 136 之间");
        team["Input.Latitude"] = "北纬23度";
        team["Input.Longitude"] = "109.6";
        Text(await (await PostTeamAsync(app, Township, team)).Content.ReadAsStringAsync()).Should().Contain("纬度应在 3 至 54 之间");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Teams")).Should().Be(0);
        team["Input.Latitude"] = "23.1021";
        team["Input.Longitude"] = "109.6032";
        Text(await (await PostTeamAsync(app, Township, team)).Content.ReadAsStringAsync()).Should().Contain("23.1021, 109.6032");

        var site = SiteForm(owner, "青山镇应急物资储备点");
        site["Input.Latitude"] = "-23.1";
        site["Input.Longitude"] = "109.6";
        Text(await (await TestApp.PostFormAsync(await app.AsAsync(Township), "/teams/Stock/Sites", site)).Content.ReadAsStringAsync()).Should().Contain("纬度应在 3 至 54 之间");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM StorageSites")).Should().Be(0);
        site["Input.Latitude"] = "23.1018";
        Text(await (await TestApp.PostFormAsync(await app.AsAsync(Township), "/teams/Stock/Sites", site)).Content.ReadAsStringAsync()).Should().Contain("23.1018, 109.6");
    }
}
