using OutcomesLab.Analytics;
using OutcomesLab.Domain;
using OutcomesLab.Quality.Funnel;

namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// Builds the per-therapist and per-site tables of one outcome instrument. Population: every
/// episode with a valid administration of the instrument whose intake falls in the period (ongoing
/// episodes included with their latest administration as final, as population "all" of
/// docs/contracts/metrics.md). Both tables are pooled together (<see cref="TwoWayPooling"/>) on
/// episodes and paired episodes, so no row, and no difference of rows across the two tables, rests
/// on fewer than min_cell people.
/// </summary>
public static class UnitComparer
{
    public const string Practice = "practice";
    public const string Therapist = "therapist";
    public const string Site = "site";

    public static (UnitComparison Therapists, UnitComparison Sites) Compare(
        Instrument instrument, IReadOnlyList<EpisodeOutcome> outcomes, int minCell)
    {
        var mine = outcomes.Where(o => o.Instrument == instrument.Code).ToList();
        var (therapists, sites) = TwoWayPooling.Plan(mine, o => o.Episode.TherapistId, o => o.Episode.SiteId, minCell,
            _ => true, o => o.Paired);
        return (Build(instrument, Therapist, o => o.Episode.TherapistId, mine, therapists, minCell),
            Build(instrument, Site, o => o.Episode.SiteId, mine, sites, minCell));
    }

    private static UnitComparison Build(
        Instrument instrument, string unitKind, Func<EpisodeOutcome, string> unitOf, List<EpisodeOutcome> mine, PoolingPlan plan, int minCell)
    {
        var byUnit = mine.GroupBy(unitOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var practice = Tally(Practice, byUnit.Count, mine, instrument);
        var rate = practice.Paired == 0 ? double.NaN : (double)practice.ReliablyImproved / practice.Paired;

        var rows = plan.ShownRows.Select(row =>
        {
            var units = byUnit.Keys.Where(u => plan.RowOf(u) == row).ToList();
            return Tally(row, units.Count, units.SelectMany(u => byUnit[u]).ToList(), instrument);
        }).ToList();

        UnitRow Judge(UnitRow t) => t with
        {
            // The practice is the target and "other" a mix of units nobody can act on: neither is judged.
            Position = t.Unit is Practice or SmallUnitPooling.Other || double.IsNaN(rate) || t.Paired == 0
                ? FunnelPosition.Within : BinomialFunnel.Classify(rate, t.ReliablyImproved, t.Paired),
        };
        return new UnitComparison(instrument.Code, unitKind, practice, rows.Select(Judge).ToList(),
            plan.PoolShown ? plan.Pooled.Count : 0, practice.Paired >= minCell);
    }

    private static UnitRow Tally(string unit, int unitsInRow, List<EpisodeOutcome> outcomes, Instrument instrument)
    {
        int paired = 0, improved = 0;
        foreach (var o in outcomes)
        {
            if (o.Final is not { } final) continue;
            paired++;
            if (OutcomeMath.IsReliablyImproved(instrument, o.Baseline.Score, final.Score)) improved++;
        }
        return new UnitRow(unit, unitsInRow, outcomes.Count, paired, improved, FunnelPosition.Within);
    }
}
