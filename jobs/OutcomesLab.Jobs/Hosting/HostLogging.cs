using Microsoft.Extensions.Logging;

namespace OutcomesLab.Jobs.Hosting;

/// <summary>
/// One console log format for serve and worker: our own messages at Information, the frameworks'
/// (ASP.NET Core, Hangfire) from Warning up. Log lines hold counts, paths and kinds — never a value
/// from the data; appsettings.json "Logging" can still change the levels.
/// </summary>
public static class HostLogging
{
    public static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
            o.UseUtcTimestamp = true;
        });
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Hangfire", LogLevel.Warning);
        logging.AddFilter("OutcomesLab", LogLevel.Information);
    }
}
