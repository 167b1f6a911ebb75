using OutcomesLab.Domain;

namespace OutcomesLab.Ingest;

/// <summary>What the gate checks against: the catalog's codes and instruments, and the columns a deployment ignores.</summary>
public sealed record GateOptions(Catalog Catalog, IReadOnlyCollection<string> IgnoredColumns)
{
    public static GateOptions Default { get; } = new(Catalog.Default, []);
}
