namespace OutcomesLab.Export.Disclosure;

/// <summary>A record as it leaves: generalised quasi-identifiers (all <c>*</c> when suppressed) and its fate.</summary>
public sealed record ReleasedRecord(string RecordId, IReadOnlyList<string> QuasiIdentifiers, RecordFate Fate);
