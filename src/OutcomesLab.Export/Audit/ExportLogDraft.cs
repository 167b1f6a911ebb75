namespace OutcomesLab.Export.Audit;

/// <summary>What an export records about itself; the log adds the chain (previous and entry hash).</summary>
public sealed record ExportLogDraft(
    string ExportId, DateTimeOffset CreatedAt, string Purpose, string UserName,
    string Parameters, string Files, string Risk, string? LinkedExportId);
