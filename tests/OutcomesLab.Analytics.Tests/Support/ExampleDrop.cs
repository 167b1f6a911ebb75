using System.Globalization;
using OutcomesLab.Domain;

namespace OutcomesLab.Analytics.Tests.Support;

/// <summary>
/// shared/spec/example: the drop (one batch, 400 episodes) and the expected outputs for
/// min_cell = 1 computed by an independent implementation of docs/contracts/metrics.md.
/// <see cref="Load"/> scores the drop in memory with the Domain's <see cref="Instrument.Score"/>,
/// without the gate.
/// </summary>
public static class ExampleDrop
{
    public static string Root
    {
        get
        {
            // The example is not in the repository: it lives above the checkout (shared/spec/example); OUTCOMESLAB_SPEC overrides.
            var env = Environment.GetEnvironmentVariable("OUTCOMESLAB_SPEC");
            if (!string.IsNullOrEmpty(env)) return Path.Combine(env, "example");
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "spec", "example");
                if (Directory.Exists(candidate)) return candidate;
            }
            return "/work/shared/spec/example";
        }
    }

    public static string DropFolder => Path.Combine(Root, "drop");
    public static string BatchFolder => Path.Combine(DropFolder, "2025-01-01T0000");
    public static string ExpectedFolder => Path.Combine(Root, "expected-min-cell-1");

    /// <summary>The example scored in memory: ids used as they are (no pseudonyms needed in a test store).</summary>
    public static SeedData Load(Catalog catalog)
    {
        var data = new SeedData();
        var intakeDays = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in ReadCsv(Path.Combine(BatchFolder, "episodes.csv")))
        {
            var intake = DateOnly.ParseExact(r["intake_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            DateOnly? end = r["end_date"].Length == 0 ? null : DateOnly.ParseExact(r["end_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var endReason = r["end_reason"].Length == 0 ? "ongoing" : r["end_reason"];
            var info = new EpisodeInfo(r["episode_id"], r["couple_id"].Length == 0 ? null : r["couple_id"], r["site_id"], r["therapist_id"],
                r["presenting_concern"], r["approach"], r["format"], Codes.AgeBand(int.Parse(r["age_at_intake"], CultureInfo.InvariantCulture)),
                r["gender_identity"], r["sexual_orientation"], intake.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                end is { } e ? e.DayNumber - intake.DayNumber : null, endReason);
            data.Episodes.Add(new SeedEpisode(info, intake.DayNumber));
            intakeDays[info.EpisodeRef] = intake.DayNumber;
        }

        var administrations = new Dictionary<string, (string Episode, string Instrument, int Session, int Day, Dictionary<string, int> Answers)>(StringComparer.Ordinal);
        foreach (var r in ReadCsv(Path.Combine(BatchFolder, "responses.csv")))
        {
            var id = r["administration_id"];
            if (!administrations.TryGetValue(id, out var a))
            {
                a = (r["episode_id"], r["instrument"], int.Parse(r["session_number"], CultureInfo.InvariantCulture),
                    DateOnly.ParseExact(r["administered_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber, new Dictionary<string, int>(StringComparer.Ordinal));
                administrations[id] = a;
            }
            if (r["value"].Length > 0) a.Answers[r["item"]] = int.Parse(r["value"], CultureInfo.InvariantCulture);
        }
        foreach (var (id, a) in administrations)
        {
            var score = catalog.Instruments[a.Instrument].Score(a.Answers);
            data.Administrations.Add(new SeedAdministration(id, a.Episode, a.Instrument, a.Session, a.Day, a.Answers.Count, score));
        }
        return data;
    }

    /// <summary>Minimal reader for the example's plain CSV (no quoted fields there).</summary>
    private static IEnumerable<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.TrimStart('\uFEFF').Split(',');
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            yield return header.Select((h, i) => (h, v: cells[i])).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal);
        }
    }
}
