using Microsoft.Extensions.Logging;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// Keeps the host's and Kestrel's own start-up failure logs (a stack trace per failure) off the
/// console until serve has started: <see cref="ServeHost.StartAsync"/> reports such a failure itself
/// in one line. Once open, those categories log as usual.
/// </summary>
public sealed class StartupLogGate
{
    private static readonly string[] StartupCategories = ["Microsoft.Extensions.Hosting.Internal.Host", "Microsoft.AspNetCore.Server.Kestrel"];
    private volatile bool open;

    public void Open() => open = true;

    public void Apply(ILoggingBuilder logging)
    {
        foreach (var category in StartupCategories)
            logging.AddFilter(category, level => open ? level >= LogLevel.Warning : level < LogLevel.Error && level >= LogLevel.Warning);
    }
}
