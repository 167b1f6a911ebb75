using OutcomesLab.Domain;

namespace OutcomesLab.Benchmarks;

/// <summary>The outcome of comparing our published rows with DuckDB's.</summary>
internal sealed record AgreementResult(int Compared, int Missing, IReadOnlyList<string> Differences)
{
    public bool Agrees => Missing == 0 && Differences.Count == 0;
    public string Describe() => Agrees
        ? $"agree on {Compared} published groups"
        : $"DISAGREE: {Differences.Count} differing figures, {Missing} groups missing in DuckDB, of {Compared} compared";
}

/// <summary>
/// Checks our aggregates against DuckDB's: every row we publish (not suppressed, n_paired ≥ min_cell)
/// must be in DuckDB's output with the same counts and figures within a relative tolerance of 1e-6
/// (|a − b| ≤ 1e-6 × max(|a|, |b|), plus 1e-12 absolute so two zeros or near-zero change means agree).
/// Suppressed rows are skipped: they carry no figures.
/// </summary>
internal static class Agreement
{
    private const double Relative = 1e-6;

    public static AgreementResult Check(IReadOnlyList<AggregateRow> ours, IReadOnlyList<PeerRow> peer, int minCell)
    {
        var byKey = peer.ToDictionary(p => (p.Instrument, p.PresentingConcern, p.Approach, p.Population));
        var differences = new List<string>();
        int compared = 0, missing = 0;
        foreach (var row in ours.Where(r => !r.Suppressed && r.NPaired >= minCell))
        {
            compared++;
            var key = (row.Instrument, row.PresentingConcern, row.Approach, row.Population);
            if (!byKey.TryGetValue(key, out var p))
            {
                missing++;
                continue;
            }
            var name = $"{key.Instrument}/{key.PresentingConcern}/{key.Approach}/{key.Population}";
            void Count(string column, long? a, long b)
            {
                if (a != b) differences.Add($"{name} {column}: ours {a}, DuckDB {b}");
            }
            void Figure(string column, double? a, double? b)
            {
                var same = (a, b) switch
                {
                    (null, null) => true,
                    ({ } x, { } y) => Math.Abs(x - y) <= Relative * Math.Max(Math.Abs(x), Math.Abs(y)) + 1e-12,
                    _ => false,
                };
                if (!same) differences.Add($"{name} {column}: ours {a:R}, DuckDB {b:R}");
            }
            Count("n_episodes", row.NEpisodes, p.NEpisodes);
            Count("n_paired", row.NPaired, p.NPaired);
            Figure("baseline_mean", row.BaselineMean, p.BaselineMean);
            Figure("baseline_sd", row.BaselineSd, p.BaselineSd);
            Figure("final_mean", row.FinalMean, p.FinalMean);
            Figure("final_sd", row.FinalSd, p.FinalSd);
            Figure("change_mean", row.ChangeMean, p.ChangeMean);
            Figure("change_sd", row.ChangeSd, p.ChangeSd);
            Figure("effect_size_g", row.EffectSizeG, p.EffectSizeG);
        }
        return new AgreementResult(compared, missing, differences);
    }
}
