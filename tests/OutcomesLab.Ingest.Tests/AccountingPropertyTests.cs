using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Ingest.Tests;

/// <summary>
/// Property: whatever a drop holds, every input row is accounted for exactly once — stored, updated,
/// pending, refused, or inside a refused file. Drops are synthetic practices damaged at random.
/// </summary>
public class AccountingPropertyTests
{
    private static readonly Func<Random, string[], string>[] Damage =
    [
        (r, f) => { f[r.Next(f.Length)] = ""; return string.Join(',', f); },                 // missing field
        (r, f) => { f[r.Next(f.Length)] = "bogus"; return string.Join(',', f); },            // unknown code / bad number
        (r, f) => { f[^1] = "99"; return string.Join(',', f); },                             // out of range / unknown reason
        (r, f) => string.Join(',', f) + ",extra",                                            // wrong field count
        (r, f) => { f[r.Next(f.Length)] = "2025-02-31"; return string.Join(',', f); },       // impossible date
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Every_input_row_is_stored_updated_pending_or_refused(int seed)
    {
        using var folder = new TempFolder();
        var drop = Path.Combine(folder.Path, "drop");
        SyntheticPractice.Write(drop, new SynthOptions { Episodes = 150, Seed = seed, Batches = 4 });
        var random = new Random(seed);
        long inputRows = 0;
        foreach (var file in Directory.GetFiles(drop, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 1; i < lines.Length; i++)
                if (random.NextDouble() < 0.03) lines[i] = Damage[random.Next(Damage.Length)](random, lines[i].Split(','));
            // Now and then a whole file carries an identifier, or an episode row goes missing (pending forever).
            if (random.NextDouble() < 0.1) lines[^1] = lines[^1].Replace(lines[^1].Split(',')[0], "someone@example.org", StringComparison.Ordinal);
            if (file.EndsWith("episodes.csv", StringComparison.Ordinal) && random.NextDouble() < 0.3 && lines.Length > 2) lines = lines[..^1];
            File.WriteAllLines(file, lines);
            inputRows += lines.Length - 1;
        }

        await using var h = await IngestHarness.CreateAsync(Dialect.Sqlite);
        var pull = await h.PullAsync(drop);
        var accounted = pull.EpisodesStored + pull.EpisodesUpdated + pull.AnswersStored + pull.AnswersUpdated
                        + pull.AnswersPending + pull.RowsRefused + pull.RowsInRefusedFiles;
        // Resolved pending rows were counted once (as stored/updated when resolved), never as pending too.
        Assert.Equal(inputRows, accounted);
        Assert.Equal(pull.AnswersPending, await h.CountAsync("SELECT COUNT(*) FROM pending_answers"));
    }
}
