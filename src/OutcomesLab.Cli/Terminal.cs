using System.Globalization;
using System.Text;
using Spectre.Console;

namespace OutcomesLab.Cli;

/// <summary>
/// Where the command writes: results to standard output, mistakes to standard error. Piped output is
/// never wrapped (a path or code split mid-word is wrong when read back by a script), and every value
/// printed has its control characters replaced, so a hostile batch or file name cannot drive the terminal.
/// </summary>
public static class Terminal
{
    /// <summary>Wide enough that no line a command prints is wrapped when the output is not a terminal.</summary>
    private const int UnwrappedWidth = 100_000;

    public static IAnsiConsole Out { get; } = Create(Console.Out);
    public static IAnsiConsole Error { get; } = Create(Console.Error);

    private static IAnsiConsole Create(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (!console.Profile.Out.IsTerminal) console.Profile.Width = UnwrappedWidth;
        return console;
    }

    /// <summary>A markup line whose interpolated values are printed as text: markup-escaped and without control characters.</summary>
    public static void Say(this IAnsiConsole console, FormattableString line)
    {
        var args = line.GetArguments().Select(a => (object)new TextValue(a)).ToArray();
        console.MarkupLine(string.Format(CultureInfo.CurrentCulture, line.Format, args));
    }

    /// <summary>A value formatted as asked, then escaped.</summary>
    private sealed class TextValue(object? value) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? provider) =>
            Escape(value is IFormattable f ? f.ToString(format, provider) : value?.ToString() ?? "");

        public override string ToString() => ToString(null, CultureInfo.CurrentCulture);
    }

    /// <summary>One line on standard error: "error: …".</summary>
    public static void Fail(string message) => Error.Say($"[red]error:[/] {message}");

    /// <summary>Text for a markup string or a table cell: markup-escaped, control characters shown as '?'.</summary>
    public static string Escape(string text) => Markup.Escape(Printable(text));

    public static string Printable(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var b = new StringBuilder(text.Length);
        foreach (var c in text) b.Append(char.IsControl(c) ? '?' : c);
        return b.ToString();
    }
}
