using System.Globalization;
using System.Security.Cryptography;
using OutcomesLab.Analytics;
using OutcomesLab.Benchmarks;
using OutcomesLab.Domain;
using OutcomesLab.Ingest;
using OutcomesLab.Reporting.Report;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.Privacy;

// The whole-pipeline benchmark (docs/benchmark-log.md): synth -> ingest -> aggregate on SQLite (and PostgreSQL with
// --store), side by side with DuckDB loading the same CSV batches and computing the same group figures.
var options = BenchOptions.Parse(args);
var catalog = Catalog.Default;
var inv = CultureInfo.InvariantCulture;
Console.WriteLine($"machine: {Machine.Describe()}");
Console.WriteLine($"sizes: {string.Join(", ", options.Sizes)} episodes; {options.Runs} run(s) each; min_cell {options.MinCell}");
Console.WriteLine("charts: the director report (every chart, PNG + SVG, and its page) on the run just aggregated");

var results = new List<RunFigures>();
var allAgree = true;
foreach (var size in options.Sizes)
{
    for (var run = 1; run <= options.Runs; run++)
    {
        var folder = Directory.CreateTempSubdirectory("olbench-");
        try
        {
            var drop = Path.Combine(folder.FullName, "drop");
            var loadBefore = Machine.LoadAverage();
            var (synth, synthStage) = await StageMeter.MeasureAsync(() =>
                Task.FromResult(SyntheticPractice.Write(drop, new SynthOptions { Episodes = size, Seed = 1 }, catalog)));

            PeerFigures peer;
            List<PeerRow> peerRows;
            using (var duck = new DuckDbPeer(Path.Combine(folder.FullName, "peer.duckdb")))
            {
                var (_, duckLoad) = await StageMeter.MeasureAsync(() => { duck.Load(drop, catalog); return Task.FromResult(0); });
                (peerRows, var duckAggregate) = await StageMeter.MeasureAsync(() => Task.FromResult(duck.Aggregate()));
                peer = new PeerFigures(duckLoad, duckAggregate);
            }

            var stores = new List<(string Name, StoreLocation Location, Func<Task> Drop)>
            {
                ("SQLite", ScratchStores.Sqlite(folder.FullName), () => Task.CompletedTask),
            };
            if (options.PostgresStore is { } server)
            {
                var (pg, dropPg) = await ScratchStores.PostgresAsync(server);
                stores.Add(("PostgreSQL", pg, dropPg));
            }

            foreach (var (name, location, dropStore) in stores)
            {
                try
                {
                    await using var store = await Store.OpenAsync(location);
                    var ingestor = new Ingestor(store, new GateOptions(catalog, []), PseudonymKey.FromBytes(RandomNumberGenerator.GetBytes(32)), TimeProvider.System);
                    var profile = new IngestProfile();
                    var (pull, ingestStage) = await StageMeter.MeasureAsync(() => ingestor.PullAsync(drop, profile));
                    var (staging, merging) = profile.Split();
                    if (pull.AnythingRefused) Console.WriteLine($"  note: ingest refused {pull.RowsRefused} rows, {pull.FilesRefused} files");
                    var outDir = Path.Combine(folder.FullName, "out-" + name);
                    var (aggregateRun, aggregateStage) = await StageMeter.MeasureAsync(() =>
                        AggregateStage.RunAsync(store, catalog, options.MinCell, outDir, TimeProvider.System));
                    var (report, chartStage) = await StageMeter.MeasureAsync(() =>
                        Task.FromResult(DirectorReport.Write(aggregateRun, catalog, Path.Combine(outDir, "report"))));
                    var agreement = Agreement.Check(aggregateRun.Aggregates, peerRows, options.MinCell);
                    allAgree &= agreement.Agrees;
                    var figures = new RunFigures(size, name, synth.ResponseRows, synthStage, ingestStage, staging, merging, aggregateStage,
                        new ChartFigures(report.Charts, chartStage), peer,
                        agreement, $"{loadBefore} -> {Machine.LoadAverage()}");
                    results.Add(figures);
                    Console.WriteLine(figures.Line(run));
                    foreach (var d in agreement.Differences.Take(10)) Console.WriteLine("    " + d);
                }
                finally
                {
                    await dropStore();
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

Console.WriteLine();
Console.WriteLine(ResultTable.Markdown(results, options.Runs, Machine.Describe()));
return allAgree ? 0 : 1;

/// <summary>DuckDB's stage figures in one run.</summary>
internal sealed record PeerFigures(StageResult Load, StageResult Aggregate);

/// <summary>The director report's charts rendered from the run's own aggregates.</summary>
internal sealed record ChartFigures(int Count, StageResult Stage)
{
    public double PerSecond => Count / Stage.Wall.TotalSeconds;
}

/// <summary>Everything measured in one run on one store.</summary>
internal sealed record RunFigures(
    int Episodes, string Store, long Answers, StageResult Synth, StageResult Ingest, TimeSpan IngestStaging, TimeSpan IngestMerging,
    StageResult Aggregate, ChartFigures Charts, PeerFigures Peer, AgreementResult Agreement, string LoadAverage)
{
    public string Line(int run) => string.Create(CultureInfo.InvariantCulture,
        $"{Episodes} episodes ({Answers} answer rows), {Store}, run {run}: synth {Synth.Wall.TotalSeconds:0.00}s, " +
        $"ingest {Ingest.Wall.TotalSeconds:0.00}s (staging ~{IngestStaging.TotalSeconds:0.00}s, merge ~{IngestMerging.TotalSeconds:0.00}s, {Answers / Ingest.Wall.TotalSeconds:0} answers/s), " +
        $"aggregate {Aggregate.Wall.TotalSeconds:0.00}s, charts {Charts.Count} in {Charts.Stage.Wall.TotalSeconds:0.00}s ({Charts.PerSecond:0.0}/s); DuckDB load {Peer.Load.Wall.TotalSeconds:0.00}s, aggregate {Peer.Aggregate.Wall.TotalSeconds:0.00}s; " +
        $"{Agreement.Describe()}; load avg {LoadAverage}");
}
