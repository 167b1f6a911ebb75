namespace OutcomesLab.Export.Packaging;

public sealed record ManifestParameters(int K, int L, double MaxSuppression, bool Items, bool WithTherapist, int MinCell);
