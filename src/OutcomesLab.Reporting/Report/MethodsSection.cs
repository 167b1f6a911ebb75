using System.Text;
using OutcomesLab.Domain;
using OutcomesLab.Reporting.Charts;

namespace OutcomesLab.Reporting.Report;

/// <summary>
/// The methods section: every definition behind the figures, worded from shared/spec/metrics.md and
/// instruments.md, the populations, the small-cell rule with this run's min_cell, and the norms of
/// each instrument in the catalog the run was read with. Returns HTML.
/// </summary>
public static class MethodsSection
{
    public static string Render(ChartContext context, IReadOnlyList<Instrument> instruments)
    {
        var k = Html.Count(context.MinCell);
        var mark = Html.Encode(context.SuppressedMark);
        var sb = new StringBuilder();
        sb.Append("<section id=\"methods\"><h2>Methods and definitions</h2>");
        sb.Append("""
            <p>Every figure in this report comes from one stored aggregate run; no figure is computed from
            individual records here. The figures are observational before–after comparisons without a control
            group and without adjustment for case-mix: a difference between approaches may reflect who was
            offered each approach as much as the approach itself.</p>
            <h3>Populations</h3>
            <dl>
            <dt>All episodes</dt><dd>Every episode with at least one valid administration of the instrument,
            ongoing episodes included: an ongoing episode's latest valid score counts as its final score.</dd>
            <dt>Completed episodes</dt><dd>Only episodes whose end reason is <em>completed</em>.</dd>
            </dl>
            <p>Charts and sentences use all episodes unless they say otherwise; the effect-size chart and the
            table show both populations.</p>
            <h3>Scores</h3>
            <dl>
            <dt>Score</dt><dd>A reverse-scored item's value <var>v</var> becomes <var>min</var> + <var>max</var> − <var>v</var>.
            A <em>sum</em> score is the mean of the answered items × the number of items (prorated, not rounded);
            a <em>mean</em> score is the mean of the answered items.</dd>
            <dt>Valid administration</dt><dd>At least ⌈0.8 × number of items⌉ items answered; an invalid
            administration has no score and is not used.</dd>
            <dt>Baseline</dt><dd>The valid administration with the lowest session number (ties: fewest days since
            intake, then the administration's pseudonym).</dd>
            <dt>Final</dt><dd>The valid administration with the highest session number (same tie rule), when it is
            not the baseline administration. An episode with both is <em>paired</em>; change figures use paired
            episodes only (<em>n</em> and <em>Paired</em> in the charts and tables).</dd>
            <dt>Direction</dt><dd><var>dir</var> = +1 for an instrument where higher is better, −1 where lower is
            better. Improvement is <var>dir</var> × (final − baseline).</dd>
            </dl>
            <h3>Change</h3>
            <dl>
            <dt>Reliable change (Jacobson &amp; Truax, 1991)</dt><dd><var>S</var><sub>diff</sub> = <var>SD</var><sub>ref</sub> × √(2 × (1 − <var>r</var>))
            with the catalog's reference SD and reliability; RC = <var>dir</var> × (final − baseline) / <var>S</var><sub>diff</sub>.
            <em>Reliably improved</em>: RC ≥ 1.96. <em>Reliably deteriorated</em>: RC ≤ −1.96. <em>No reliable change</em>:
            everyone else with a baseline and a final score (100% minus the two published percentages).</dd>
            <dt>Clinical range</dt><dd>A score strictly worse than the instrument's clinical cut-off (below it when
            higher is better, above it when lower is better). <em>Recovered</em>: a baseline in the clinical range
            and a final score outside it (percent of those with a clinical baseline). <em>Reliably recovered</em>:
            recovered and reliably improved. An instrument without a cut-off has no recovery figures.</dd>
            <dt>Effect size (Hedges' g)</dt><dd>Over paired episodes, <var>d</var> = <var>dir</var> × (final mean − baseline mean) / baseline SD
            (sample SDs, <var>n</var> − 1); <var>g</var> = <var>J</var> × <var>d</var> with <var>J</var> = 1 − 3 / (4 × (<var>n</var> − 1) − 1).
            Positive <var>g</var> is improvement. 95% CI: <var>g</var> ± 1.96 × √(2 × (1 − <var>r</var>) / <var>n</var> + <var>g</var>² / (2 × <var>n</var>)),
            with <var>r</var> the Pearson correlation of baseline and final scores. Not computed for fewer than 3 paired
            episodes. Words used for its size follow Cohen (1988): below 0.2 negligible, 0.2 small, 0.5 moderate,
            0.8 large.</dd>
            <dt>Session trajectory</dt><dd>The mean of valid scores at each session number (0 = intake assessment),
            all episodes; 95% CI = mean ± 1.96 × SD / √<var>n</var>, where <var>n</var> counts the administrations at that
            session — so the people behind each point differ from session to session.</dd>
            <dt>Calendar trend</dt><dd>Episodes grouped by the quarter of their intake month; the percentage of paired
            episodes that reliably improved, per quarter.</dd>
            </dl>
            """);
        sb.Append($"""
            <h3>Small-cell suppression (min_cell = {k})</h3>
            <p>No figure rests on fewer than {k} people. <em>Primary</em>: a group with fewer than {k} paired episodes
            (trajectories: fewer than {k} administrations at the session) is suppressed. <em>Secondary</em>: where a
            single group of a line of groups that add up to a total is suppressed, the next smallest is suppressed
            too, so the small one cannot be worked out by subtraction. A suppressed group keeps its name and shows
            <code>{mark}</code> in the tables; the charts leave it out entirely (no point, bar, band or label), and the
            overview marks it as a hatched cell. The share with no reliable change is derived only from a group's own
            published percentages.</p>
            """);
        sb.Append("<h3>Instruments</h3><table class=\"figures\"><caption>Norms of the instrument catalog used for this report</caption><thead><tr>");
        foreach (var h in new[] { "Instrument", "Construct", "Items (range)", "Score", "Better", "Reliability r", "Reference SD", "S_diff", "Reliable change needs", "Clinical cut-off" })
            sb.Append("<th scope=\"col\">").Append(Html.Encode(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var i in instruments)
        {
            var (min, max) = SessionTrajectoryChart.ScoreRange(i);
            sb.Append("<tr><th scope=\"row\">").Append(Html.Encode(i.Code)).Append("</th>")
              .Append("<td>").Append(Html.Encode(i.Construct)).Append("</td>")
              .Append("<td>").Append(Html.Encode($"{i.Items.Count} ({i.ItemMin}–{i.ItemMax})" + (i.ReverseItems.Count > 0 ? $", {i.ReverseItems.Count} reversed" : ""))).Append("</td>")
              .Append("<td>").Append(Html.Encode($"{(i.Scoring == ScoreMethod.Sum ? "sum" : "mean")}, {Html.Number(min, "0.##")}–{Html.Number(max, "0.##")}")).Append("</td>")
              .Append("<td>").Append(Html.Encode(i.HigherIsBetter ? "higher" : "lower")).Append("</td>")
              .Append("<td>").Append(Html.Number(i.Reliability)).Append("</td>")
              .Append("<td>").Append(Html.Number(i.ReferenceSd, "0.##")).Append("</td>")
              .Append("<td>").Append(Html.Number(i.SDiff, "0.00")).Append("</td>")
              .Append("<td>").Append(Html.Encode($"a change of {Html.Number(1.96 * i.SDiff, "0.00")} points")).Append("</td>")
              .Append("<td>").Append(Html.Encode(i.ClinicalCutoff is { } c ? Html.Number(c, "0.##") : "none")).Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
        sb.Append("""
            <p class="note">The catalog's norms are defaults that a practice should replace with its own; the formats follow
            widely used open scales (NSSS-S, the Dyadic Sexual Communication Scale, WAI-SR, FSDS-R).</p>
            </section>
            """);
        return sb.ToString();
    }
}
