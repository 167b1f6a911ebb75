using System.Text;
using OutcomesLab.Domain;
using OutcomesLab.Reporting.Charts;

namespace OutcomesLab.Reporting.Report;

/// <summary>
/// The table of aggregate figures for one concern and instrument: every approach (and <c>all</c>)
/// in both populations. A suppressed row shows <c>&lt;min_cell</c> in every figure cell; an
/// unsuppressed figure that cannot be computed shows a dash.
/// </summary>
public static class FiguresTable
{
    private static readonly string[] Headings =
    [
        "Approach", "Population", "Episodes", "Paired (n)", "Baseline mean (SD)", "Final mean (SD)",
        "Hedges' g [95% CI]", "Reliably improved", "Reliably deteriorated", "Recovered (of clinical baseline)",
    ];

    public static string Render(ChartContext context, IEnumerable<AggregateRow> rows, string caption)
    {
        var ordered = rows
            .GroupBy(r => r.Approach, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Population == "all" ? 0 : 1).ThenBy(r => r.Population, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("<table class=\"figures\"><caption>").Append(Html.Encode(caption)).Append("</caption><thead><tr>");
        foreach (var h in Headings) sb.Append("<th scope=\"col\">").Append(Html.Encode(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var approach in context.Names.SortApproaches(ordered.Keys))
        {
            foreach (var row in ordered[approach])
            {
                sb.Append(approach == Codes.All ? "<tr class=\"rollup\">" : "<tr>");
                sb.Append("<th scope=\"row\">").Append(Html.Encode(context.Names.Approach(approach))).Append("</th>");
                sb.Append("<td>").Append(Html.Encode(ReportNames.Population(row.Population))).Append("</td>");
                if (!Published.Shows(row, context.MinCell))
                {
                    for (var i = 2; i < Headings.Length; i++)
                        sb.Append("<td class=\"suppressed\">").Append(Html.Encode(context.SuppressedMark)).Append("</td>");
                }
                else
                {
                    Cell(sb, row.NEpisodes is { } e ? Html.Count(e) : null);
                    Cell(sb, Html.Count(row.NPaired!.Value));
                    Cell(sb, MeanSd(row.BaselineMean, row.BaselineSd));
                    Cell(sb, MeanSd(row.FinalMean, row.FinalSd));
                    Cell(sb, row.EffectSizeG is { } g
                        ? Html.Number(g) + (row.GCiLow is { } lo && row.GCiHigh is { } hi ? $" [{Html.Number(lo)}, {Html.Number(hi)}]" : "")
                        : null);
                    Cell(sb, CountPercent(row.NReliablyImproved, row.PctReliablyImproved));
                    Cell(sb, CountPercent(row.NReliablyDeteriorated, row.PctReliablyDeteriorated));
                    Cell(sb, row.NRecovered is { } rec && row.NClinicalBaseline is { } cb
                        ? $"{Html.Count(rec)} of {Html.Count(cb)}" + (row.PctRecovered is { } p ? $" ({Html.Percent(p)})" : "")
                        : null);
                }
                sb.Append("</tr>");
            }
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    private static void Cell(StringBuilder sb, string? value) =>
        sb.Append(value is null ? "<td class=\"na\">–</td>" : $"<td>{Html.Encode(value)}</td>");

    private static string? MeanSd(double? mean, double? sd) =>
        mean is not { } m ? null : sd is { } s ? $"{Html.Number(m, "0.0")} ({Html.Number(s, "0.0")})" : Html.Number(m, "0.0");

    private static string? CountPercent(long? count, double? pct) =>
        count is not { } c ? null : pct is { } p ? $"{Html.Count(c)} ({Html.Percent(p)})" : Html.Count(c);
}
