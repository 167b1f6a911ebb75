using OutcomesLab.TestSupport;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests.Support;

/// <summary>Starts `outcomeslab serve` on a free loopback port in a folder of its own, with the given settings.</summary>
public static class ServeFixture
{
    public static async Task<(CliHost Host, string Url)> StartAsync(TempFolder folder, OutcomesLabSettings settings)
    {
        AppSettingsFile.Write(folder.Path, settings);
        var host = CliHost.Start("serve", folder.Path, "serve", "--urls", "http://127.0.0.1:0");
        try
        {
            var line = await host.WaitForLineAsync(l => l.StartsWith("serving on ", StringComparison.Ordinal), TimeSpan.FromSeconds(120));
            return (host, line["serving on ".Length..].Split(' ')[0]);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
