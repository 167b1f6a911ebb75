using Dapper;
using OutcomesLab.Domain;
using OutcomesLab.Storage;

namespace OutcomesLab.Export;

/// <summary>
/// Reads an <see cref="ExportSource"/> from the store: the outcomes as the statistics stages read them
/// (<c>OutcomeReader.EpisodeOutcomesAsync</c>, passed in), who each episode belongs to
/// (Episodes_ListPeople.sql) and, for <c>--items</c>, every item answer (Answers_ListForExport.sql).
/// </summary>
public static class StoreExportSource
{
    public static async Task<ExportSource> LoadAsync(Store store, IAsyncEnumerable<EpisodeOutcome> outcomes, bool items, CancellationToken ct)
    {
        var list = new List<EpisodeOutcome>();
        await foreach (var o in outcomes.WithCancellation(ct)) list.Add(o);
        return new ExportSource(list, await PeopleAsync(store, ct), items ? await AnswersAsync(store, ct) : null);
    }

    public static async Task<IReadOnlyDictionary<string, string>> PeopleAsync(Store store, CancellationToken ct)
    {
        await using var c = await store.ConnectAsync(ct);
        var rows = await c.QueryAsync<PersonRow>(new CommandDefinition(store.Sql["Episodes_ListPeople"], cancellationToken: ct));
        return rows.ToDictionary(r => r.EpisodeRef, r => r.ClientRef, StringComparer.Ordinal);
    }

    public static async Task<IReadOnlyList<ExportAnswer>> AnswersAsync(Store store, CancellationToken ct)
    {
        await using var c = await store.ConnectAsync(ct);
        var rows = await c.QueryAsync<AnswerRow>(new CommandDefinition(store.Sql["Answers_ListForExport"], cancellationToken: ct));
        return rows.Select(r => new ExportAnswer(r.EpisodeRef, r.AdministrationRef, r.Instrument, checked((int)r.SessionNumber),
            checked((int)r.DaysSinceIntake), r.IsValid != 0, r.Item, r.Value is { } v ? checked((int)v) : null)).ToList();
    }

    // Dapper maps by property name and converts SQLite's Int64 and PostgreSQL's Int32 alike into these.
    private sealed class PersonRow
    {
        public string EpisodeRef { get; set; } = "";
        public string ClientRef { get; set; } = "";
    }

    private sealed class AnswerRow
    {
        public string EpisodeRef { get; set; } = "";
        public string AdministrationRef { get; set; } = "";
        public string Instrument { get; set; } = "";
        public long SessionNumber { get; set; }
        public long DaysSinceIntake { get; set; }
        public long IsValid { get; set; }
        public string Item { get; set; } = "";
        public long? Value { get; set; }
    }
}
