using OutcomesLab.Export;
using OutcomesLab.Export.Pseudonyms;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using OutcomesLab.Privacy;

namespace OutcomesLab.Notebooks.Tests;

/// <summary>A fresh synthetic research export (with item answers) made once for the notebook tests.</summary>
public sealed class SyntheticExportFixture : Xunit.IAsyncLifetime
{
    public TempFolder Folder { get; } = new();
    public string ExportFolder => Folder.File("export");
    public string OutputFolder => Folder.File("notebook-output");
    public ExportReceipt Receipt { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var location = StoreLocation.Parse(Folder.File("practice.db"));
        await using var store = await Store.OpenAsync(location);
        var episodes = OutcomesLab.Export.Tests.SyntheticRecords.Episodes(3000, seed: 21);
        var (outcomes, answers) = OutcomesLab.Export.Tests.SyntheticRecords.OutcomesWithAnswers(episodes, seed: 21);
        var exporter = new ResearchExporter(store, OutcomesLab.Domain.Catalog.Default, ExportKeyFolder.ForStore(location, null),
            IdentifierDetectors.Detect, TimeProvider.System);
        Receipt = await exporter.ExportAsync(new ExportSource(outcomes, null, answers),
            new ExportRequest(ExportFolder, "notebook test", new ExportParameters(Items: true), 11, null, "test"), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Folder.Dispose();
        return Task.CompletedTask;
    }
}
