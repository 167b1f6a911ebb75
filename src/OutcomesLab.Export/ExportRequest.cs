namespace OutcomesLab.Export;

/// <summary>One export as the custodian asked for it.</summary>
/// <param name="OutFolder">Where the export goes; must not exist yet, or be empty.</param>
/// <param name="Purpose">Why (recorded in the log and the manifest; screened for identifiers).</param>
/// <param name="MinCell">The deployment's small-cell threshold; k may not be lower.</param>
/// <param name="AggregateRunId">The latest aggregate run the export sits beside, if any.</param>
public sealed record ExportRequest(
    string OutFolder, string Purpose, ExportParameters Parameters, int MinCell, long? AggregateRunId, string UserName);
