namespace OutcomesLab.Export.Packaging;

public sealed record ManifestRisk(string Model, double Highest, double Average, double RecordsAtHighest);
