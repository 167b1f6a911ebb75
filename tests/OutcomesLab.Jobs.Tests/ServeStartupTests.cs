using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OutcomesLab.Jobs.Scheduling;
using OutcomesLab.Jobs.Tests.Support;
using OutcomesLab.Jobs.Web;
using OutcomesLab.TestSupport;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

/// <summary>What the real `serve` says when it cannot listen, and the modes of the files it creates.</summary>
[Trait("Category", "EndToEnd")]
public class ServeStartupTests
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task APortInUse_IsOneLineOnStderr_NamingTheAddress_NoStackTrace_ExitOne()
    {
        using var folder = new TempFolder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var info = CliProcess.StartInfo(folder.Path, "serve", "--urls", address, "--store", folder.File("store.db"));
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var (output, errors) = (await stdout, await stderr);

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"error: serve cannot listen on {address}: the address is already in use", line, StringComparison.Ordinal);
        foreach (var text in new[] { output, errors })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("serving on", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFilesServeCreates_AreOwnerOnly()
    {
        using var folder = new TempFolder();
        var settings = AppSettingsFile.ForServe(folder, AppSettingsFile.User("rita", Roles.Researcher, "rita's long passphrase"));
        var (host, url) = await ServeFixture.StartAsync(folder, settings);
        await using var _ = host;
        using (var web = new WebSession(url))
        using (var signIn = await web.SignInAsync("rita", "rita's long passphrase"))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var state = ServeStateFolder.PathFor(settings);
        Assert.Equal(folder.File("store.serve"), state);
        var hangfire = JobStorageFactory.SqlitePath(settings);
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(hangfire));
        foreach (var journal in new[] { hangfire + "-wal", hangfire + "-shm", hangfire + "-journal" }.Where(File.Exists))
            Assert.True((File.GetUnixFileMode(journal) & ~OwnerOnlyFile) == 0, $"{Path.GetFileName(journal)}: {File.GetUnixFileMode(journal)}");
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(state));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.Combine(state, "keys")));
        var keys = Directory.GetFiles(Path.Combine(state, "keys"));
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(k)));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(state, "sessions.json")));
        Assert.DoesNotContain("rita's long passphrase", File.ReadAllText(Path.Combine(state, "sessions.json")), StringComparison.Ordinal);
    }
}
