namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// The outcome of disclosure control: either a release (every record's fate and generalised values,
/// the chosen levels, the figures achieved) or the reason the targets cannot be met.
/// </summary>
public sealed record DisclosureResult
{
    public bool Succeeded => FailureReason is null;
    public string? FailureReason { get; init; }
    /// <summary>The chosen generalisation level of each quasi-identifier (lattice node).</summary>
    public IReadOnlyList<int> Levels { get; init; } = [];
    /// <summary>One entry per input record, in input order.</summary>
    public IReadOnlyList<ReleasedRecord> Records { get; init; } = [];
    public DisclosureFigures Figures { get; init; } = new(0, 0, 0, 0, new ReidentificationRisk(0, 0, 0));
    /// <summary>The same over the joint classes: released values together with what earlier releases revealed.</summary>
    public DisclosureFigures JointFigures { get; init; } = new(0, 0, 0, 0, new ReidentificationRisk(0, 0, 0));
    public int SuppressedRecords { get; init; }
    public int WithheldRecords { get; init; }
    public int TotalRecords { get; init; }
    /// <summary>Suppressed records (withheld ones included) over all records.</summary>
    public double SuppressedShare => TotalRecords == 0 ? 0 : (double)SuppressedRecords / TotalRecords;
    /// <summary>Precision loss of the release, 0 (nothing generalised) … 1 (everything suppressed).</summary>
    public double InformationLoss { get; init; }
    public int NodesEvaluated { get; init; }
    public int NodesMeetingTargets { get; init; }

    public static DisclosureResult Failed(string reason, int nodes = 0, int total = 0) =>
        new() { FailureReason = reason, NodesEvaluated = nodes, TotalRecords = total };
}
