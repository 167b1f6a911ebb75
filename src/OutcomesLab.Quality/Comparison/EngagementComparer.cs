using OutcomesLab.Domain;

namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// Dropout and mean alliance per therapist and per site, once for the period's episodes rather than
/// once per outcome instrument: the same figure over slightly different populations (a therapist's
/// episodes with SAT, with DIST) would differ by the few episodes missing one instrument, and a
/// reader could subtract one from the other. Both tables are pooled together
/// (<see cref="TwoWayPooling"/>) on every denominator shown: episodes, ended episodes and, when the
/// column is shown, episodes with an alliance score. The alliance column is left out when the whole
/// practice has fewer than min_cell alliance scores, rather than letting it hide every row.
/// </summary>
public static class EngagementComparer
{
    public static (EngagementTable Therapists, EngagementTable Sites) Compare(
        IReadOnlyList<EpisodeInfo> episodes, IReadOnlyDictionary<string, double> latestAlliance, bool hasAlliance, int minCell)
    {
        bool Ended(EpisodeInfo e) => e.EndReason != EpisodeStatus.Ongoing;
        bool WithAlliance(EpisodeInfo e) => latestAlliance.ContainsKey(e.EpisodeRef);
        var allianceShown = hasAlliance && episodes.Count(WithAlliance) >= minCell;
        Func<EpisodeInfo, bool>[] denominators = allianceShown ? [_ => true, Ended, WithAlliance] : [_ => true, Ended];

        var (therapists, sites) = TwoWayPooling.Plan(episodes, e => e.TherapistId, e => e.SiteId, minCell, denominators);
        return (Build(UnitComparer.Therapist, e => e.TherapistId, episodes, therapists, latestAlliance, allianceShown, minCell),
            Build(UnitComparer.Site, e => e.SiteId, episodes, sites, latestAlliance, allianceShown, minCell));
    }

    private static EngagementTable Build(string unitKind, Func<EpisodeInfo, string> unitOf, IReadOnlyList<EpisodeInfo> episodes,
        PoolingPlan plan, IReadOnlyDictionary<string, double> latestAlliance, bool allianceShown, int minCell)
    {
        var byUnit = episodes.GroupBy(unitOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var practice = Tally(UnitComparer.Practice, byUnit.Count, episodes, latestAlliance, allianceShown);
        var rows = plan.ShownRows.Select(row =>
        {
            var units = byUnit.Keys.Where(u => plan.RowOf(u) == row).ToList();
            return Tally(row, units.Count, units.SelectMany(u => byUnit[u]).ToList(), latestAlliance, allianceShown);
        }).ToList();
        var practiceShown = practice.Episodes >= minCell && practice.Ended >= minCell;
        return new EngagementTable(unitKind, rows, practice, plan.PoolShown ? plan.Pooled.Count : 0, practiceShown, allianceShown);
    }

    private static EngagementRow Tally(string unit, int unitsInRow, IReadOnlyList<EpisodeInfo> episodes,
        IReadOnlyDictionary<string, double> latestAlliance, bool allianceShown)
    {
        int ended = 0, dropouts = 0, allianceN = 0;
        double allianceSum = 0;
        foreach (var e in episodes)
        {
            if (e.EndReason != EpisodeStatus.Ongoing) ended++;
            if (e.EndReason == EpisodeStatus.Dropout) dropouts++;
            if (latestAlliance.TryGetValue(e.EpisodeRef, out var a))
            {
                allianceN++;
                allianceSum += a;
            }
        }
        return new EngagementRow(unit, unitsInRow, episodes.Count, ended, dropouts, allianceN,
            allianceShown && allianceN > 0 ? allianceSum / allianceN : null);
    }
}
