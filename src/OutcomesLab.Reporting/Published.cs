using OutcomesLab.Domain;

namespace OutcomesLab.Reporting;

/// <summary>
/// The privacy rule every chart and report sentence goes through: a row is drawn, labelled or
/// counted only when the aggregate run published it (not suppressed) and its own count reaches the
/// run's min_cell. The second condition is belt and braces: a row wrongly left unsuppressed by an
/// upstream bug still never becomes a point, bar, band or label here (docs/contracts/metrics.md,
/// "Small-cell suppression").
/// </summary>
public static class Published
{
    public static bool Shows(AggregateRow row, int minCell) => !row.Suppressed && row.NPaired is { } n && n >= minCell;

    public static bool Shows(TrajectoryRow row, int minCell) => !row.Suppressed && row.N is { } n && n >= minCell;

    public static bool Shows(TrendRow row, int minCell) => !row.Suppressed && row.NPaired is { } n && n >= minCell;

    /// <summary>Hedges' g with both CI ends, when the row may be shown and all three exist.</summary>
    public static bool HasEffectSize(AggregateRow row, int minCell) =>
        Shows(row, minCell) && row.EffectSizeG is not null && row.GCiLow is not null && row.GCiHigh is not null;

    /// <summary>Both reliable-change percentages, when the row may be shown and both exist.</summary>
    public static bool HasReliableChange(AggregateRow row, int minCell) =>
        Shows(row, minCell) && row.PctReliablyImproved is not null && row.PctReliablyDeteriorated is not null;
}
