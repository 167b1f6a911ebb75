using System.Globalization;
using System.Text;

namespace OutcomesLab.Benchmarks;

/// <summary>The markdown table of results: medians over runs per (size, store, stage); peak working set is the largest seen.</summary>
internal static class ResultTable
{
    public static string Markdown(IReadOnlyList<RunFigures> results, int runs, string machine)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}. Median of {runs} run(s); peak working set = largest sample (20 ms) during the stage, whole process.");
        s.AppendLine();
        s.AppendLine("| episodes | answer rows | store | stage | wall s | answers/s | episodes/s | peak WS MiB | DuckDB peer s | ours / DuckDB | agreement | load avg (before -> after) |");
        s.AppendLine("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var g in results.GroupBy(r => (r.Episodes, r.Store)))
        {
            var rs = g.ToList();
            var (episodes, store) = g.Key;
            var answers = rs[0].Answers;
            var load = string.Join("; ", rs.Select(r => r.LoadAverage));
            var agree = rs.All(r => r.Agreement.Agrees) ? $"agree ({rs[0].Agreement.Compared} groups)" : "DISAGREE";
            void Row(string stage, IEnumerable<StageResult> ours, IEnumerable<StageResult>? peer, string agreement)
            {
                var wall = Median(ours.Select(o => o.Wall.TotalSeconds));
                var peak = ours.Max(o => o.PeakWorkingSet) / 1024.0 / 1024.0;
                var peerWall = peer is null ? (double?)null : Median(peer.Select(p => p.Wall.TotalSeconds));
                s.AppendLine(CultureInfo.InvariantCulture,
                    $"| {episodes:N0} | {answers:N0} | {store} | {stage} | {wall:0.00} | {answers / wall:N0} | {episodes / wall:N0} | {peak:N0} | " +
                    $"{(peerWall is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : "")} | {(peerWall is { } q ? (wall / q).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "")} | {agreement} | {load} |");
            }
            Row("synth (CSV)", rs.Select(r => r.Synth), null, "");
            Row("ingest vs DuckDB load", rs.Select(r => r.Ingest), rs.Select(r => r.Peer.Load), "");
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| | | {store} | ingest: staging / merge | ~{Median(rs.Select(r => r.IngestStaging.TotalSeconds)):0.00} / ~{Median(rs.Select(r => r.IngestMerging.TotalSeconds)):0.00} | | | | | | | |");
            Row("aggregate vs DuckDB aggregate", rs.Select(r => r.Aggregate), rs.Select(r => r.Peer.Aggregate), agree);
            var charts = rs[0].Charts.Count;
            var chartWall = Median(rs.Select(r => r.Charts.Stage.Wall.TotalSeconds));
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {episodes:N0} | {answers:N0} | {store} | charts ({charts} PNG + SVG, director report) | {chartWall:0.00} | {charts / chartWall:0.0} charts/s | | " +
                $"{rs.Max(r => r.Charts.Stage.PeakWorkingSet) / 1024.0 / 1024.0:N0} | | | | {load} |");
        }
        return s.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }
}
