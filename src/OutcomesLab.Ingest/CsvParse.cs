using OutcomesLab.Domain;
using nietras.SeparatedValues;

namespace OutcomesLab.Ingest;

/// <summary>
/// The CSV reader behind a boundary: whatever it throws while reading becomes one whole-file refusal
/// that names batch, file, line and rule. The exception's message is never used, since the reader
/// puts input text (a header row, a value) into it.
/// </summary>
internal sealed class CsvParse : IDisposable
{
    private readonly SourceFile file;
    private readonly SepReader? reader;
    private long nextLine = 1;

    public IReadOnlyList<string> Header { get; } = [];

    /// <summary>Set when the reader failed; nothing after it is read.</summary>
    public Refusal? Failure { get; private set; }

    private CsvParse(SourceFile file, Stream stream)
    {
        this.file = file;
        try
        {
            reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = false })
                .From(stream, leaveOpen: true);
            if (!reader.MoveNext()) return;
            var first = reader.Current;
            var names = new string[first.ColCount];
            for (var i = 0; i < names.Length; i++) names[i] = first[i].ToString();
            Header = names;
            nextLine = 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failure = Refuse(e);
        }
    }

    /// <summary>Opens the reader on the stream and takes the first row as the header.</summary>
    public static CsvParse Start(SourceFile file, Stream stream) => new(file, stream);

    public bool MoveNext()
    {
        if (reader is null || Failure is not null) return false;
        try
        {
            if (!reader.MoveNext()) return false;
            nextLine = reader.Current.LineNumberToExcl;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failure = Refuse(e);
            return false;
        }
    }

    public SepReader.Row Current => reader!.Current;

    private Refusal Refuse(Exception e) => file.Refuse(nextLine, null, e switch
    {
        NotSupportedException => "a line is longer than the reader's limit (16,777,216 characters), or a quote is never closed; the file is not read past it",
        IOException or UnauthorizedAccessException => $"the file could not be read to its end ({Kind(e)})",
        _ => $"the file cannot be read as CSV from this line on ({Kind(e)})",
    }, wholeFile: true);

    private static string Kind(Exception e) => e.GetType().Name;

    public void Dispose() => reader?.Dispose();
}
