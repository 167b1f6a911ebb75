namespace OutcomesLab.Export.Packaging;

public sealed record ManifestFile(string Name, string Sha256, long Bytes, int? Rows);
