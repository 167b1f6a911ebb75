using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace OutcomesLab.Cli;

/// <summary>The standard help, followed by the exit codes every command shares.</summary>
public sealed class HelpWithExitCodes(HelpAction help) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var result = help.Invoke(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(CommandRunner.ExitCodes);
        return result;
    }
}
