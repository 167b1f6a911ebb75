using OutcomesLab.Storage.Reading;
using System.Security.Cryptography;
using System.Text;
using OutcomesLab.Analytics;
using OutcomesLab.Domain;
using OutcomesLab.Export.Pseudonyms;
using OutcomesLab.Export.Tables;
using OutcomesLab.Ingest;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;
using Xunit;
using OutcomesLab.Privacy;

namespace OutcomesLab.Export.Tests.Packaging;

/// <summary>
/// The whole path a custodian takes: synthetic practice data → gate → store → aggregate run →
/// research export, read with OutcomeReader, on both dialects.
/// </summary>
public sealed class EndToEndExportTests
{
    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task An_export_of_ingested_data_reproduces_the_aggregate_effect_sizes_and_leaks_no_source_id(Dialect dialect)
    {
        using var folder = new TempFolder();
        var drop = folder.File("drop");
        SyntheticPractice.Write(drop, new SynthOptions { Episodes = 1500, Seed = 11, Batches = 4 });
        var location = TestStores.NewLocation(dialect, folder);
        await using var store = await Store.OpenAsync(location);
        await new Ingestor(store, new GateOptions(Catalog.Default, []), PseudonymKey.FromBytes(RandomNumberGenerator.GetBytes(32)),
            TimeProvider.System).PullAsync(drop);
        var aggregate = await AggregateStage.RunAsync(store, Catalog.Default, 11, null, TimeProvider.System);

        var source = await StoreExportSource.LoadAsync(store, OutcomeReader.EpisodeOutcomesAsync(store, Catalog.Default, CancellationToken.None),
            items: true, CancellationToken.None);
        var keys = new ExportKeyFolder(folder.File("keys"));
        var receipt = await new ResearchExporter(store, Catalog.Default, keys, IdentifierDetectors.Detect, TimeProvider.System).ExportAsync(source,
            new ExportRequest(folder.File("export"), "end-to-end test", new ExportParameters(Items: true), 11, aggregate.RunId, "test"),
            CancellationToken.None);
        Assert.Equal(aggregate.RunId, receipt.Manifest.AggregateRunId);

        // Hedges' g of each approach, recomputed from episodes.csv, equals the aggregate run's (population all).
        var csv = CsvTableReader.Parse(File.ReadAllText(Path.Combine(receipt.Folder, "episodes.csv")));
        int Col(string name) => Array.IndexOf(csv.Header.ToArray(), name);
        var checkedRows = 0;
        foreach (var row in aggregate.Aggregates.Where(a => a.Population == "all" && a.EffectSizeG is not null && a.PresentingConcern != Codes.All))
        {
            var group = csv.Rows.Where(r => r[Col("instrument")] == row.Instrument && r[Col("presenting_concern")] == row.PresentingConcern
                                            && (row.Approach == Codes.All || r[Col("approach")] == row.Approach) && r[Col("final")] != "").ToList();
            var baseline = group.Select(r => double.Parse(r[Col("baseline")], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var final = group.Select(r => double.Parse(r[Col("final")], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (receipt.Manifest.Disclosure.WithheldEpisodes > 0 && baseline.Count != row.NPaired) continue;
            Assert.Equal(row.NPaired, baseline.Count);
            var instrument = Catalog.Default.Instruments[row.Instrument];
            var g = OutcomeMath.HedgesG(instrument.Direction, baseline.Average(), final.Average(), OutcomeMath.SampleSd(baseline), baseline.Count);
            Assert.Equal(row.EffectSizeG!.Value, g!.Value, 9);
            checkedRows++;
        }
        Assert.True(checkedRows > 20, $"only {checkedRows} groups compared");

        // No source id, nor a plain SHA-256 of one, appears in any exported file.
        var sourceIds = Directory.GetFiles(drop, "episodes.csv", SearchOption.AllDirectories)
            .SelectMany(f => CsvTableReader.Parse(File.ReadAllText(f)).Rows.Select(r => r[0])).Distinct().ToList();
        Assert.True(sourceIds.Count >= 1500);
        var exported = string.Concat(Directory.GetFiles(receipt.Folder, "*.csv").Select(File.ReadAllText));
        var episodeRefs = csv.Rows.Select(r => r[0]).ToHashSet();
        foreach (var id in sourceIds)
        {
            var sha = SHA256.HashData(Encoding.UTF8.GetBytes(id));
            Assert.DoesNotContain("e" + ExportKey.Letters(sha.AsSpan(0, 16)), episodeRefs);
            Assert.DoesNotContain(Convert.ToHexStringLower(sha)[..16], exported, StringComparison.Ordinal);
            Assert.DoesNotContain($",{id},", exported, StringComparison.Ordinal);
        }
    }
}
