namespace OutcomesLab.Export.Audit;

/// <summary>
/// One entry of the export log. <see cref="Parameters"/>, <see cref="Files"/> and <see cref="Risk"/> are
/// JSON text, hashed exactly as stored.
/// </summary>
public sealed record ExportLogEntry(
    long EntryId, string ExportId, string CreatedAt, string Purpose, string UserName,
    string Parameters, string Files, string Risk, string? LinkedExportId, string PreviousHash, string EntryHash);
