using Microsoft.Extensions.Time.Testing;
using OutcomesLab.Domain;
using OutcomesLab.Export.Pseudonyms;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using OutcomesLab.Privacy;

namespace OutcomesLab.Export.Tests.Packaging;

/// <summary>A real SQLite store (for the log), a key folder beside it, and an exporter over in-memory outcomes.</summary>
internal sealed class ExportFixture : IAsyncDisposable
{
    public TempFolder Folder { get; } = new();
    public Store Store { get; private set; } = null!;
    public ExportKeyFolder Keys { get; private set; } = null!;
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 14, 25, 0, TimeSpan.Zero));
    public Catalog Catalog { get; set; } = Catalog.Default;

    public static async Task<ExportFixture> CreateAsync()
    {
        var f = new ExportFixture();
        var location = StoreLocation.Parse(f.Folder.File("practice.db"));
        f.Store = await Store.OpenAsync(location);
        f.Keys = ExportKeyFolder.ForStore(location, null);
        return f;
    }

    public ResearchExporter Exporter() => new(Store, Catalog, Keys, IdentifierDetectors.Detect, Time);

    public string Out(string name = "export") => Folder.File(name);

    public static ExportRequest Request(string folder, ExportParameters? parameters = null, string purpose = "Effect of sensate focus on low desire") =>
        new(folder, purpose, parameters ?? new ExportParameters(), MinCell: 11, AggregateRunId: 42, UserName: "analyst");

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Folder.Dispose();
    }
}
