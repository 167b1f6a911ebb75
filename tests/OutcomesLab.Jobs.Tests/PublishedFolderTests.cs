using OutcomesLab.Jobs.Hosting;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Jobs.Tests;

public class PublishedFolderTests
{
    [Fact]
    public void Publish_MakesTheFolderLatest_AndRepublishingTheSameRunRendersNothing()
    {
        using var temp = new TempFolder();
        var root = temp.File("reports");
        Assert.Null(PublishedFolder.Latest(root));
        var renders = 0;
        void Render(string dir) { renders++; Directory.CreateDirectory(dir); File.WriteAllText(Path.Combine(dir, "index.html"), $"render {renders}"); }

        var first = PublishedFolder.Publish(root, "run-1", Render);
        Assert.Equal(first, PublishedFolder.Latest(root));
        Assert.Equal("render 1", File.ReadAllText(Path.Combine(first, "index.html")));
        PublishedFolder.Publish(root, "run-1", Render);
        Assert.Equal(1, renders);
        Assert.Equal(["latest", "run-1"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_FailedRender_LeavesTheLatestAsItWas_AndNoTempFolder()
    {
        using var temp = new TempFolder();
        var root = temp.File("reports");
        PublishedFolder.Publish(root, "run-1", dir => Directory.CreateDirectory(dir));
        Assert.Throws<InvalidDataException>(() => PublishedFolder.Publish(root, "run-2", dir =>
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "index.html"), "half");
            throw new InvalidDataException("render failed");
        }));
        Assert.Equal(Path.Combine(root, "run-1"), PublishedFolder.Latest(root));
        Assert.DoesNotContain(Directory.EnumerateDirectories(root), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void OnlyTheLastFewRuns_AreKept()
    {
        using var temp = new TempFolder();
        var root = temp.File("reports");
        for (var i = 1; i <= PublishedFolder.Keep + 3; i++)
        {
            PublishedFolder.Publish(root, $"run-{i}", dir => Directory.CreateDirectory(dir));
            Directory.SetLastWriteTimeUtc(Path.Combine(root, $"run-{i}"), new DateTime(2025, 1, 1, 0, i, 0, DateTimeKind.Utc));
        }
        var kept = Directory.EnumerateDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(PublishedFolder.Keep, kept.Count);
        Assert.Contains($"run-{PublishedFolder.Keep + 3}", kept);
        Assert.DoesNotContain("run-1", kept);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData(".tmp-123")]
    [InlineData("")]
    public void A_TamperedPointer_PointsNowhere(string target)
    {
        using var temp = new TempFolder();
        var root = temp.File("reports");
        Directory.CreateDirectory(Path.Combine(root, ".tmp-123"));
        Directory.CreateDirectory(temp.File("outside"));
        File.WriteAllText(Path.Combine(root, PublishedFolder.PointerFile), target);
        Assert.Null(PublishedFolder.Latest(root));
    }
}
