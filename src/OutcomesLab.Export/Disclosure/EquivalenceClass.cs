namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// Records that share every released quasi-identifier value. <see cref="Subjects"/> (distinct people) is
/// the class size for k and for risk; <see cref="DistinctSensitive"/> is its distinct ℓ.
/// </summary>
public sealed record EquivalenceClass(IReadOnlyList<string> Key, int Records, int Subjects, int DistinctSensitive);
