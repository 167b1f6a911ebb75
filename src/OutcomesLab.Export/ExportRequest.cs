namespace OutcomesLab.Export;

/// <summary>One export as the custodian asked for it.</summary>
/// <param name="OutFolder">Where the export goes; must not exist yet, or be empty. With <see cref="NameFolderByExportId"/>, the folder that will hold it.</param>
/// <param name="Purpose">Why (recorded in the log and the manifest; screened for identifiers).</param>
/// <param name="MinCell">The deployment's small-cell threshold; k may not be lower.</param>
/// <param name="AggregateRunId">The latest aggregate run the export sits beside, if any.</param>
public sealed record ExportRequest(
    string OutFolder, string Purpose, ExportParameters Parameters, int MinCell, long? AggregateRunId, string UserName)
{
    /// <summary>Write into <c>OutFolder/&lt;export id&gt;</c> (an existing folder): a job cannot know the id beforehand.</summary>
    public bool NameFolderByExportId { get; init; }

    /// <summary>
    /// Who asked, uniquely, when a request may be carried out more than once (a job retried or taken over
    /// after its export was logged): recorded in the log as <c>request_id</c>, so the second run can find
    /// the first one's export instead of making another (<see cref="ExportStage.FindByRequestAsync"/>).
    /// </summary>
    public string? RequestId { get; init; }
}
