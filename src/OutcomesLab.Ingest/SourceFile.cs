using OutcomesLab.Domain;

namespace OutcomesLab.Ingest;

public enum FileKind { Episodes, Responses }

/// <summary>One file of one batch, as the refusal report names it.</summary>
public sealed record SourceFile(string Batch, string Name, string Path, FileKind Kind)
{
    public Refusal Refuse(long? line, string? column, string rule, bool wholeFile = false) =>
        new(Batch, Name, line, column, rule, wholeFile);
}
