using System.CommandLine;
using Microsoft.Extensions.Hosting;
using OutcomesLab.Jobs.Scheduling;

namespace OutcomesLab.Cli.Commands;

/// <summary>
/// <c>outcomeslab worker</c>: one more Hangfire server on a PostgreSQL store, without the web UI.
/// Start any number on any machines that reach the database (same configuration and key file);
/// SIGTERM or Ctrl+C hands running jobs back to the queue and exits.
/// </summary>
public static class WorkerCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("worker", "run scheduled jobs for a PostgreSQL store, without the web UI (scale-out)");
        global.Add(command, Uses.Store | Uses.Key | Uses.Catalog);
        command.SetAction((parse, ct) => CommandRunner.Run(async () =>
        {
            var settings = global.Settings(parse);
            using var host = await WorkerHost.BuildAsync(settings, ct);
            await host.StartAsync(ct);
            Console.WriteLine($"worker {Environment.MachineName}:{Environment.ProcessId} running jobs for {OutcomesLab.Storage.StoreLocation.Parse(settings.Store).Display}; stop with Ctrl+C or SIGTERM");
            await host.WaitForShutdownAsync(ct);
            Console.WriteLine("stopped");
            return 0;
        }));
        return command;
    }
}
