using OutcomesLab.Export.Audit;
using OutcomesLab.Export.Packaging;

namespace OutcomesLab.Export;

/// <summary>What a finished export tells the custodian: where it is, its log entry, its figures, where its key is kept.</summary>
public sealed record ExportReceipt(string ExportId, string Folder, ExportManifest Manifest, ExportLogEntry LogEntry, string KeyFile);
