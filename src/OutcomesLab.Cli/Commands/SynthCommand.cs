using System.CommandLine;
using OutcomesLab.Synthetic;
using Spectre.Console;

namespace OutcomesLab.Cli.Commands;

/// <summary><c>outcomeslab synth --out DROP_FOLDER [--episodes N] [--seed S]</c>.</summary>
public static class SynthCommand
{
    public static Command Create(GlobalOptions global)
    {
        var output = new Option<string>("--out") { Description = "drop folder to write (one sub-folder per batch)", Required = true };
        var episodes = new Option<int>("--episodes") { Description = "number of episodes", DefaultValueFactory = _ => 3000 };
        var seed = new Option<int>("--seed") { Description = "random seed (same seed, same files)", DefaultValueFactory = _ => 1 };
        var command = new Command("synth", "write realistic synthetic practice data in exchange format v1");
        global.Add(command, Uses.Catalog);
        command.Options.Add(output);
        command.Options.Add(episodes);
        command.Options.Add(seed);
        command.SetAction((parse, ct) => CommandRunner.Run(() =>
        {
            var n = parse.GetValue(episodes);
            if (n < 1) throw new UserErrorException("--episodes must be at least 1");
            var settings = global.Settings(parse);
            var result = SyntheticPractice.Write(parse.GetValue(output)!, new SynthOptions { Episodes = n, Seed = parse.GetValue(seed) },
                StoreContext.LoadCatalog(settings));
            Terminal.Out.Say(
                $"wrote {result.Episodes:N0} episodes ({result.EpisodeRows:N0} episode rows, {result.ResponseRows:N0} answers) in {result.Batches.Count} batches to {result.Folder}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
