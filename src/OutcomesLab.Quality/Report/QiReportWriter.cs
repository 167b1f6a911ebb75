using OutcomesLab.Quality.Charts;

namespace OutcomesLab.Quality.Report;

/// <summary>Writes the QI report folder: index.html, alerts.csv and charts/ (PNG + SVG of every chart).</summary>
public static class QiReportWriter
{
    public static QiReportFiles Write(QiResult result, QiReportContext context, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var chartDir = Path.Combine(outDir, "charts");
        Directory.CreateDirectory(chartDir);
        var charts = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var comparison in result.Therapists.Concat(result.Sites))
        {
            var instrument = result.Roles.Outcomes.First(i => i.Code == comparison.Instrument);
            var name = $"funnel-{comparison.UnitKind}-{QiChartStyle.Slug(comparison.Instrument)}";
            QiChartStyle.Save(FunnelChart.Create(comparison, $"{instrument.Code} ({instrument.Construct})"), chartDir, name, 900, 600);
            charts[Key(comparison.UnitKind, comparison.Instrument)] = name;
        }
        foreach (var table in new[] { result.CaseMix.Therapists, result.CaseMix.Approaches })
        {
            var name = $"observed-expected-{table.GroupKind}";
            var height = Math.Max(300, 120 + 28 * table.Rows.Count);
            QiChartStyle.Save(ObservedExpectedChart.Create(table), chartDir, name, 900, height);
            charts[Key("oe", table.GroupKind)] = name;
        }

        var alertsPath = Path.Combine(outDir, "alerts.csv");
        AlertsCsv.Write(alertsPath, result.Alerts);
        var indexPath = Path.Combine(outDir, "index.html");
        File.WriteAllText(indexPath, QiHtmlReport.Render(result, context, charts), new System.Text.UTF8Encoding(false));
        return new QiReportFiles(indexPath, alertsPath, chartDir, charts.Values.Order(StringComparer.Ordinal).ToList());
    }

    internal static string Key(string kind, string what) => kind + "|" + what;
}
