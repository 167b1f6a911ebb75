using System.CommandLine;
using System.CommandLine.Help;
using OutcomesLab.Cli;
using OutcomesLab.Cli.Commands;

// The `outcomeslab` command: thin. Each subcommand parses its options and calls one pipeline stage.
var global = new GlobalOptions();
var root = new RootCommand("OutcomesLab: de-identified outcome evidence for sex-therapy and psychotherapy practices.");
root.Subcommands.Add(DemoCommand.Create(global));
root.Subcommands.Add(SynthCommand.Create(global));
root.Subcommands.Add(IngestCommand.Create(global));
root.Subcommands.Add(StatusCommand.Create(global));
root.Subcommands.Add(AggregateCommand.Create(global));
root.Subcommands.Add(ReportCommand.Create(global));
root.Subcommands.Add(QiReportCommand.Create(global));
root.Subcommands.Add(ExportCommand.Create(global));
root.Subcommands.Add(ServeCommand.Create(global));
root.Subcommands.Add(WorkerCommand.Create(global));
var help = root.Options.OfType<HelpOption>().Single();
help.Action = new HelpWithExitCodes((HelpAction)help.Action!);
return await root.Parse(args).InvokeAsync();
