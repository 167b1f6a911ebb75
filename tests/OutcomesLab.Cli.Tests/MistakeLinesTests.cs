using Dapper;
using Microsoft.Data.Sqlite;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Cli.Tests;

/// <summary>
/// Every mistake a user can make gets one clear line on standard error, exit code 1 and no stack trace;
/// results stay on standard output. Each case is run against the real command.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class MistakeLinesTests(IngestedStore practice) : IClassFixture<IngestedStore>
{
    private static string OneErrorLine(CliProcess.Result r)
    {
        Assert.True(r.ExitCode == 1, $"exit {r.ExitCode}:\n{r.Output}");
        Assert.Equal("", r.Stdout.Trim());
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, r.Stderr);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", lines[0], StringComparison.Ordinal);
        return lines[0];
    }

    [Fact]
    public async Task An_error_goes_to_stderr_only()
    {
        using var folder = new TempFolder();
        var line = OneErrorLine(await CliProcess.RunAsync(folder.Path, "ingest", "/nonexistent", "--store", folder.File("s.db")));
        Assert.Contains("'/nonexistent' does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Piped_output_is_not_wrapped_at_80_columns()
    {
        using var folder = new TempFolder();
        var deep = Path.Combine(folder.Path, new string('a', 60), new string('b', 60), "drop-folder-that-is-not-there");
        var info = CliProcess.StartInfo(folder.Path, "ingest", deep, "--store", folder.File("s.db"));
        info.Environment.Remove("COLUMNS");
        var line = OneErrorLine(await CliProcess.RunAsync(info));
        Assert.Contains(deep, line, StringComparison.Ordinal);
        Assert.True(line.Length > 150);
    }

    [Fact]
    public async Task A_mistyped_connection_string_keyword_is_named_without_a_stack_or_the_password()
    {
        using var folder = new TempFolder();
        var line = OneErrorLine(await CliProcess.RunAsync(folder.Path, "status", "--store", "Host=127.0.0.1;Password=hunter2-secret;Databse=outcomes"));
        Assert.Contains("'databse'", line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);

        var badPort = OneErrorLine(await CliProcess.RunAsync(folder.Path, "status", "--store", "Host=127.0.0.1;Port=hunter2;Database=x"));
        Assert.DoesNotContain("hunter2", badPort, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_in_a_missing_folder_names_that_folder_not_the_key_file()
    {
        using var folder = new TempFolder();
        var missing = folder.File("no-such-folder");
        var line = OneErrorLine(await CliProcess.RunAsync(folder.Path, "ingest", practice.Drop, "--store", Path.Combine(missing, "x.db")));
        Assert.Contains($"'{missing}' does not exist", line, StringComparison.Ordinal);
        Assert.DoesNotContain(".key", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_file_is_said_in_words()
    {
        using var folder = new TempFolder();
        var line = OneErrorLine(await CliProcess.RunAsync(folder.Path, "ingest", practice.Drop, "--store", folder.File("s.db"), "--key-file", folder.File("nokey")));
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
        Assert.DoesNotContain("FileNotFound", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_with_another_stores_key_is_refused_and_files_nothing_beside_that_key()
    {
        using var folder = new TempFolder();
        var store = practice.CopyTo(folder);
        var other = folder.File("other.key");
        await File.WriteAllTextAsync(other, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        File.SetUnixFileMode(other, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var line = OneErrorLine(await CliProcess.RunAsync(folder.Path, "export", "--store", store, "--key-file", other,
            "--out", folder.File("study"), "--purpose", "wrong key test"));
        Assert.Contains("does not belong to this store", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(other + ".export-keys"));
        Assert.False(Directory.Exists(folder.File("study")));
    }

    [Fact]
    public async Task Aggregate_into_an_unwritable_folder_fails_first_and_saves_no_run()
    {
        using var folder = new TempFolder();
        var store = practice.CopyTo(folder);
        var blocker = folder.File("blocker");
        await File.WriteAllTextAsync(blocker, "a file where the output folder should go");

        var line = OneErrorLine(await CliProcess.RunAsync(folder.Path, "aggregate", "--store", store, "--out", Path.Combine(blocker, "agg")));
        Assert.Contains("cannot be written", line, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(store, "aggregate_runs"));
    }

    [Fact]
    public async Task Qi_report_into_an_unwritable_folder_fails_before_any_model_is_trained_or_saved()
    {
        using var folder = new TempFolder();
        var store = practice.CopyTo(folder);
        var blocker = folder.File("blocker");
        await File.WriteAllTextAsync(blocker, "in the way");

        var line = OneErrorLine(await CliProcess.RunAsync(folder.Path, "qi-report", "--store", store, "--out", blocker));
        Assert.Contains("a file of that name is in the way", line, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(store, "aggregate_runs"));
    }

    [Theory]
    [InlineData("demo", "--episodes", "0")]
    [InlineData("demo", "--episodes", "-5")]
    [InlineData("synth", "--episodes", "0")]
    public async Task Episode_counts_below_one_are_refused_by_demo_and_synth_alike(params string[] args)
    {
        using var folder = new TempFolder();
        var line = OneErrorLine(await CliProcess.RunAsync(folder.Path, [.. args, "--out", folder.File("out")]));
        Assert.Contains("--episodes must be at least 1", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    private static async Task<long> CountAsync(string store, string table)
    {
        await using var c = new SqliteConnection($"Data Source={store};Pooling=false;Mode=ReadOnly");
        return await c.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }
}
