using OutcomesLab.Domain;
using OutcomesLab.Reporting.Charts;

namespace OutcomesLab.Reporting.Report;

/// <summary>
/// One plain-words sentence per approach (population <c>all</c>): how much scores changed (Hedges' g
/// with its 95% CI, named with Cohen's 1988 conventions), and how many clients reliably improved or
/// deteriorated. Suppressed groups get a sentence that says so and no figure. Returns plain text;
/// <see cref="ApproachSentence"/> writes it.
/// </summary>
public static class ReportSentences
{
    public static ReportSentence ForApproach(ChartContext context, AggregateRow row, string? subject = null)
    {
        var name = subject ?? context.Names.Approach(row.Approach);
        if (!Published.Shows(row, context.MinCell))
            return new ReportSentence(name, $": not shown — fewer than {context.MinCell} clients had a first and a last score, "
                + "or the figure is withheld so that a smaller group cannot be worked out from the total.");

        var n = row.NPaired!.Value;
        var parts = new List<string>();
        if (row.EffectSizeG is { } g && row.GCiLow is { } lo && row.GCiHigh is { } hi)
        {
            var size = Magnitude(g);
            var change = g >= 0 ? "improved" : "worsened";
            var sentence = size == "negligible"
                ? $"scores barely changed (Hedges' g = {Html.Number(g)}, 95% CI {Html.Number(lo)} to {Html.Number(hi)})"
                : $"scores {change} by a {size} amount (Hedges' g = {Html.Number(g)}, 95% CI {Html.Number(lo)} to {Html.Number(hi)})";
            if (lo <= 0 && hi >= 0) sentence += ", but the interval includes zero, so no change cannot be ruled out";
            parts.Add(sentence);
        }
        else
        {
            parts.Add("the effect size could not be computed");
        }
        if (row.PctReliablyImproved is { } improved)
        {
            var text = $"{Html.Percent(improved)} reliably improved";
            if (row.PctReliablyDeteriorated is { } deteriorated) text += $" and {Html.Percent(deteriorated)} reliably deteriorated";
            parts.Add(text);
        }
        if (row.PctRecovered is { } recovered && row.NClinicalBaseline is { } clinical)
            parts.Add($"of the {Html.Count(clinical)} who started in the clinical range, {Html.Percent(recovered)} ended outside it");
        return new ReportSentence(name, $" ({Html.Count(n)} clients with a first and a last score): {string.Join("; ", parts)}.");
    }

    /// <summary>Cohen's (1988) conventional benchmarks for a standardised mean difference.</summary>
    public static string Magnitude(double g) => Math.Abs(g) switch
    {
        < 0.2 => "negligible",
        < 0.5 => "small",
        < 0.8 => "moderate",
        _ => "large",
    };
}
