using Xunit;

namespace OutcomesLab.Export.Tests.Packaging;

/// <summary>An export is readable by its owner (and group at most), never by every user of the host, whatever the umask.</summary>
public sealed class ExportFileModeTests
{
    [SkippableFact]
    public async Task Export_folders_and_files_are_closed_to_other_users()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        await using var f = await ExportFixture.CreateAsync();
        var infos = SyntheticRecords.Episodes(1500, 3).ToList();
        var receipt = await f.Exporter().ExportAsync(new ExportSource(SyntheticRecords.Outcomes(infos, 3)), ExportFixture.Request(f.Out()),
            CancellationToken.None);

        // The process umask may take more away, never add: nothing for others, no group write.
        const UnixFileMode forbidden = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.GroupWrite;
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(receipt.Folder) & forbidden);
        Assert.True(File.GetUnixFileMode(receipt.Folder).HasFlag(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        var files = Directory.GetFiles(receipt.Folder);
        Assert.Equal(6, files.Length);
        Assert.All(files, file => Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(file) & (forbidden | UnixFileMode.UserExecute | UnixFileMode.GroupExecute)));
        var anchor = receipt.KeyFile.Replace(".export-keys/" + receipt.ExportId + ".key", OutcomesLab.Export.Audit.ExportLogAnchor.DefaultSuffix, StringComparison.Ordinal);
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(anchor) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }
}
