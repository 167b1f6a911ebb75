using System.Data.Common;
using OutcomesLab.Ingest;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Storage;
using Spectre.Console;

namespace OutcomesLab.Cli;

/// <summary>
/// Runs a command body and turns a user's mistake (missing folder, bad option, unreadable store,
/// bad configuration) into one clear line and exit code 1 — never a stack trace.
/// </summary>
public static class CommandRunner
{
    public const int Error = 1;

    public static async Task<int> Run(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return Error;
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]cancelled[/]");
            return Error;
        }
    }

    private static bool IsUserFacing(Exception e) => e is StoreException or SettingsException or UserErrorException
        or KeyFileException or InvalidDataException or DirectoryNotFoundException or FileNotFoundException or UnauthorizedAccessException
        or IOException or DbException;
}

/// <summary>A mistake in how the command was called; its message is shown as is.</summary>
public sealed class UserErrorException : Exception
{
    public UserErrorException(string message) : base(message) { }
    public UserErrorException() { }
    public UserErrorException(string message, Exception inner) : base(message, inner) { }
}
