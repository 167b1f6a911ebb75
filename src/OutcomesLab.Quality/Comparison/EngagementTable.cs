namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// Dropout and mean alliance by therapist or by site. <see cref="Rows"/> holds only rows that may be
/// shown; <see cref="AllianceShown"/> is false when the practice has too few alliance scores.
/// </summary>
public sealed record EngagementTable(
    string UnitKind, IReadOnlyList<EngagementRow> Rows, EngagementRow Practice, int UnitsPooled, bool PracticeShown, bool AllianceShown);
