namespace OutcomesLab.Export.Packaging;

// manifest.json: what the recipient (and an auditor) can check the export against; snake_case via ExportJson.
public sealed record ExportManifest(
    string Format, int FormatVersion, string ExportId, string CreatedAt, string Purpose, string? LinkedWith,
    ManifestParameters Parameters, long? AggregateRunId, ManifestCounts Counts, ManifestDisclosure Disclosure,
    ManifestCrossRelease CrossRelease, ManifestExportLog ExportLog, IReadOnlyList<ManifestFile> Files);
