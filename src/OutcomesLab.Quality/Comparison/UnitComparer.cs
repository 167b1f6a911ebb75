using OutcomesLab.Analytics;
using OutcomesLab.Domain;
using OutcomesLab.Quality.Funnel;

namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// Builds the per-therapist and per-site tables of one outcome instrument (issue 6, part 1).
/// Population: every episode with a valid administration of the instrument whose intake falls in
/// the period (ongoing episodes included with their latest administration as final, as metrics.md's
/// population "all").
/// </summary>
public static class UnitComparer
{
    public const string Practice = "practice";

    public static UnitComparison Compare(
        Instrument instrument, string unitKind, Func<EpisodeInfo, string> unitOf,
        IReadOnlyList<EpisodeOutcome> outcomes, IReadOnlyDictionary<string, double> latestAlliance, int minCell)
    {
        var mine = outcomes.Where(o => o.Instrument == instrument.Code).ToList();
        var byUnit = mine.GroupBy(o => unitOf(o.Episode), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var plan = SmallUnitPooling.Plan(byUnit.ToDictionary(kv => kv.Key, kv => kv.Value.Count(o => o.Paired), StringComparer.Ordinal), minCell);

        var practice = Tally(Practice, byUnit.Count, mine, instrument, latestAlliance);
        var practiceShown = practice.Paired >= minCell;
        var rate = practice.Paired == 0 ? double.NaN : (double)practice.ReliablyImproved / practice.Paired;

        var rows = new List<Tallied>();
        foreach (var row in plan.ShownRows)
        {
            var units = byUnit.Keys.Where(u => plan.RowOf(u) == row).ToList();
            rows.Add(Tally(row, units.Count, units.SelectMany(u => byUnit[u]).ToList(), instrument, latestAlliance));
        }

        // Dropout and alliance have their own denominators: suppress small ones, and a lone one that the total would reveal.
        var all = rows.Append(practice).ToList();
        var hideDropout = ColumnSuppression.Suppressed(all.ToDictionary(t => t.Unit, t => t.Ended, StringComparer.Ordinal), minCell);
        var hideAlliance = ColumnSuppression.Suppressed(all.ToDictionary(t => t.Unit, t => t.AllianceEpisodes, StringComparer.Ordinal), minCell);

        UnitRow Finish(Tallied t) => new(
            t.Unit, t.UnitsInRow, t.Episodes, t.Paired, t.ReliablyImproved,
            t.Ended, hideDropout.Contains(t.Unit) || t.Ended == 0 ? null : 100.0 * t.Dropouts / t.Ended,
            t.AllianceEpisodes, hideAlliance.Contains(t.Unit) || t.AllianceEpisodes == 0 ? null : t.AllianceSum / t.AllianceEpisodes,
            // The practice is the target and "other" a mix of small units nobody can act on: neither is judged.
            t.Unit is Practice or SmallUnitPooling.Other || double.IsNaN(rate) || t.Paired == 0
                ? FunnelPosition.Within : BinomialFunnel.Classify(rate, t.ReliablyImproved, t.Paired));

        return new UnitComparison(instrument.Code, unitKind, Finish(practice), rows.Select(Finish).ToList(),
            plan.PoolShown ? plan.Pooled.Count : 0, practiceShown);
    }

    private sealed record Tallied(string Unit, int UnitsInRow, int Episodes, int Paired, int ReliablyImproved,
        int Ended, int Dropouts, int AllianceEpisodes, double AllianceSum);

    private static Tallied Tally(string unit, int unitsInRow, List<EpisodeOutcome> outcomes, Instrument instrument,
        IReadOnlyDictionary<string, double> latestAlliance)
    {
        int paired = 0, improved = 0, ended = 0, dropouts = 0, allianceN = 0;
        double allianceSum = 0;
        foreach (var o in outcomes)
        {
            if (o.Final is { } final)
            {
                paired++;
                if (OutcomeMath.IsReliablyImproved(instrument, o.Baseline.Score, final.Score)) improved++;
            }
            if (o.Episode.EndReason != EpisodeStatus.Ongoing) ended++;
            if (o.Episode.EndReason == EpisodeStatus.Dropout) dropouts++;
            if (latestAlliance.TryGetValue(o.Episode.EpisodeRef, out var a))
            {
                allianceN++;
                allianceSum += a;
            }
        }
        return new Tallied(unit, unitsInRow, outcomes.Count, paired, improved, ended, dropouts, allianceN, allianceSum);
    }
}
