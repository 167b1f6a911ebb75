using Microsoft.Data.Analysis;
using OutcomesLab.Domain;

namespace OutcomesLab.Analytics;

/// <summary>
/// The published tables of a run as Microsoft.Data.Analysis frames (for reports, charts and
/// notebooks): one column per CSV column, same names and order, a missing value where the file has an
/// empty cell. Counts are Int64, figures Double, keys String, <c>suppressed</c> Boolean.
/// Mind the library's trap: <c>GroupBy(..).Mean()</c> counts missing values in its divisor, while a
/// column's own <c>Mean()</c> skips them — filter suppressed rows out before averaging anything.
/// </summary>
public static class AggregateFrames
{
    public static DataFrame Aggregates(IReadOnlyList<AggregateRow> rows) => new(
        Text("instrument", rows, r => r.Instrument), Text("presenting_concern", rows, r => r.PresentingConcern),
        Text("approach", rows, r => r.Approach), Text("population", rows, r => r.Population),
        Count("n_episodes", rows, r => r.NEpisodes), Count("n_paired", rows, r => r.NPaired),
        Number("baseline_mean", rows, r => r.BaselineMean), Number("baseline_sd", rows, r => r.BaselineSd),
        Number("final_mean", rows, r => r.FinalMean), Number("final_sd", rows, r => r.FinalSd),
        Number("change_mean", rows, r => r.ChangeMean), Number("change_sd", rows, r => r.ChangeSd),
        Number("r_pre_post", rows, r => r.RPrePost), Number("effect_size_g", rows, r => r.EffectSizeG),
        Number("g_ci_low", rows, r => r.GCiLow), Number("g_ci_high", rows, r => r.GCiHigh),
        Count("n_reliably_improved", rows, r => r.NReliablyImproved), Number("pct_reliably_improved", rows, r => r.PctReliablyImproved),
        Count("n_reliably_deteriorated", rows, r => r.NReliablyDeteriorated), Number("pct_reliably_deteriorated", rows, r => r.PctReliablyDeteriorated),
        Count("n_clinical_baseline", rows, r => r.NClinicalBaseline), Count("n_recovered", rows, r => r.NRecovered),
        Number("pct_recovered", rows, r => r.PctRecovered), Count("n_reliably_recovered", rows, r => r.NReliablyRecovered),
        Number("pct_reliably_recovered", rows, r => r.PctReliablyRecovered), Flag("suppressed", rows, r => r.Suppressed));

    public static DataFrame Trajectories(IReadOnlyList<TrajectoryRow> rows) => new(
        Text("instrument", rows, r => r.Instrument), Text("presenting_concern", rows, r => r.PresentingConcern),
        Text("approach", rows, r => r.Approach), Count("session_number", rows, r => r.SessionNumber),
        Count("n", rows, r => r.N), Number("mean", rows, r => r.Mean), Number("sd", rows, r => r.Sd),
        Number("ci_low", rows, r => r.CiLow), Number("ci_high", rows, r => r.CiHigh), Flag("suppressed", rows, r => r.Suppressed));

    public static DataFrame Trends(IReadOnlyList<TrendRow> rows) => new(
        Text("instrument", rows, r => r.Instrument), Text("presenting_concern", rows, r => r.PresentingConcern),
        Text("approach", rows, r => r.Approach), Text("intake_quarter", rows, r => r.IntakeQuarter),
        Count("n_paired", rows, r => r.NPaired), Number("effect_size_g", rows, r => r.EffectSizeG),
        Number("g_ci_low", rows, r => r.GCiLow), Number("g_ci_high", rows, r => r.GCiHigh),
        Number("pct_reliably_improved", rows, r => r.PctReliablyImproved), Flag("suppressed", rows, r => r.Suppressed));

    private static StringDataFrameColumn Text<T>(string name, IReadOnlyList<T> rows, Func<T, string> value) => new(name, rows.Select(value));
    private static Int64DataFrameColumn Count<T>(string name, IReadOnlyList<T> rows, Func<T, long?> value) => new(name, rows.Select(value));
    private static DoubleDataFrameColumn Number<T>(string name, IReadOnlyList<T> rows, Func<T, double?> value) => new(name, rows.Select(value));
    private static BooleanDataFrameColumn Flag<T>(string name, IReadOnlyList<T> rows, Func<T, bool> value) => new(name, rows.Select(r => (bool?)value(r)));
}
