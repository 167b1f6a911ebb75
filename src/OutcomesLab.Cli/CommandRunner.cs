using System.Data.Common;
using OutcomesLab.Storage;
using Spectre.Console;
using OutcomesLab.Privacy;
using OutcomesLab.Configuration;

namespace OutcomesLab.Cli;

/// <summary>
/// Runs a command body and turns a user's mistake (missing folder, bad option, unreadable store,
/// bad configuration) into one clear line on standard error and exit code 1 — never a stack trace.
/// Anything else is a fault of ours: it is named by its type only, since a message from deep inside
/// a parser or driver may quote the data it failed on.
/// </summary>
public static class CommandRunner
{
    public const int Error = 1;

    /// <summary>The exit codes, for every command's help.</summary>
    public const string ExitCodes = "exit codes: 0 done; 1 error (one line on stderr); 2 export refused by disclosure control; 3 ingest refused rows or files, or export log chain broken";

    public static async Task<int> Run(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            Terminal.Fail(e.Message);
            return Error;
        }
        catch (OperationCanceledException)
        {
            Terminal.Error.MarkupLine("[yellow]cancelled[/]");
            return Error;
        }
        catch (Exception e)
        {
            Terminal.Fail($"unexpected {e.GetType().Name}: a fault of OutcomesLab, not of your input; the details are withheld because they may quote the data (report what you ran)");
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
