using Emergency.Host.Platform;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Grid;

/// <summary>The module files store the grid photos use: under the data root, and nowhere else.</summary>
public sealed class GridModuleFilesTests : PlatformTest
{
    [Fact]
    public async Task A_saved_photo_reads_back_and_names_from_a_url_cannot_leave_the_module_folder()
    {
        var files = new ModuleFiles(DataRoot);
        var name = await files.SaveAsync(TestApp.County, "grid", new MemoryStream([1, 2, 3]), "png");

        File.Exists(Path.Combine(DataRoot, "counties", TestApp.County, "files", "grid", name)).Should().BeTrue();
        await using (var stream = files.OpenRead(TestApp.County, "grid", name))
        {
            using var copy = new MemoryStream();
            await stream!.CopyToAsync(copy);
            copy.ToArray().Should().Equal(1, 2, 3);
        }

        files.OpenRead("450998", "grid", name).Should().BeNull("a file of one county is not found under another");

        File.WriteAllText(Path.Combine(DataRoot, "secret.txt"), "x");
        foreach (var bad in new[] { "../../../secret.txt", "..\\secret.txt", "/etc/passwd", "a/b.png", "..", ".png", "" })
        {
            files.OpenRead(TestApp.County, "grid", bad).Should().BeNull(bad);
        }

        var county = () => files.OpenRead("../450999", "grid", name);
        county.Should().Throw<ArgumentException>();
        var extension = () => files.SaveAsync(TestApp.County, "grid", new MemoryStream([1]), "../png");
        await extension.Should().ThrowAsync<ArgumentException>();

        files.Delete(TestApp.County, "grid", name);
        files.OpenRead(TestApp.County, "grid", name).Should().BeNull();
    }
}
