namespace OutcomesLab.Ingest;

public enum DropFileKind { Episodes, Responses, Stray }

/// <summary>One entry of a batch folder (not a sub-folder), as listed; whether it is a regular file is checked when it is opened.</summary>
public sealed record DropFile(string Name, string Path, DropFileKind Kind);
