using Xunit;

namespace OutcomesLab.Export.Tests.Packaging;

/// <summary>An export is readable by its owner (and group at most), never by every user of the host, whatever the umask.</summary>
public sealed class ExportFileModeTests
{
    [SkippableFact]
    public async Task Export_folders_are_0750_and_files_0640()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        await using var f = await ExportFixture.CreateAsync();
        var infos = SyntheticRecords.Episodes(1500, 3).ToList();
        var receipt = await f.Exporter().ExportAsync(new ExportSource(SyntheticRecords.Outcomes(infos, 3)), ExportFixture.Request(f.Out()),
            CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute,
            File.GetUnixFileMode(receipt.Folder));
        var files = Directory.GetFiles(receipt.Folder);
        Assert.Equal(6, files.Length);
        Assert.All(files, file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(file)));
        var anchor = receipt.KeyFile.Replace(".export-keys/" + receipt.ExportId + ".key", OutcomesLab.Export.Audit.ExportLogAnchor.DefaultSuffix, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(anchor));
    }
}
