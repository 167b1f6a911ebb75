namespace OutcomesLab.Configuration;

/// <summary>
/// One entry of <c>OutcomesLab:Exports</c>: a research export made on a schedule (recurring job
/// <c>export-N</c>, logged as user <c>job:export-N</c>). None by default — an export is a custodian's
/// decision, so each one configured here is one decided once, with its purpose written down.
/// </summary>
public sealed class ExportSettings
{
    /// <summary>Why (required; recorded in the log and the manifest; screened for identifiers at start-up).</summary>
    public string? Purpose { get; set; }
    /// <summary>Cron, UTC (required).</summary>
    public string? Cron { get; set; }
    /// <summary>k-anonymity target; empty means OutcomesLab:MinCell, and it may not be lower.</summary>
    public int? K { get; set; }
    /// <summary>Also export item-level answers.</summary>
    public bool Items { get; set; }
    /// <summary>Include an export-specific therapist pseudonym (a quasi-identifier).</summary>
    public bool WithTherapist { get; set; }
}
