using System.CommandLine;
using Spectre.Console;

namespace OutcomesLab.Cli.Commands;

/// <summary><c>outcomeslab ingest DROP_FOLDER</c>: exit 0 when nothing was refused, 3 when anything was, 1 on an error.</summary>
public static class IngestCommand
{
    public const int Refused = 3;

    public static Command Create(GlobalOptions global)
    {
        var folder = new Argument<string>("DROP_FOLDER") { Description = "drop folder with one sub-folder per export batch" };
        var command = new Command("ingest", "pull a CSV drop folder through the gate into the store");
        global.Add(command, Uses.Store | Uses.Key | Uses.Catalog);
        command.Arguments.Add(folder);
        command.SetAction((parse, ct) => CommandRunner.Run(async () =>
        {
            var settings = global.Settings(parse);
            var summary = await Pipeline.IngestAsync(settings, parse.GetValue(folder)!, ct);
            return summary.AnythingRefused ? Refused : 0;
        }));
        return command;
    }
}
