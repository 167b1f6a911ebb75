namespace OutcomesLab.Quality.CaseMix;

/// <summary>Observed − expected by therapist or by approach; small groups pooled as "other"; the practice total last.</summary>
public sealed record ObservedExpectedTable(string GroupKind, IReadOnlyList<ObservedExpectedRow> Rows, ObservedExpectedRow? Practice, int GroupsPooled);
