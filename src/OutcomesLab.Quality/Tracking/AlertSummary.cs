using OutcomesLab.Domain;
using OutcomesLab.Quality.Comparison;

namespace OutcomesLab.Quality.Tracking;

/// <summary>
/// The report's aggregated view of alerts per therapist. Therapists with fewer than min_cell
/// active episodes are pooled as "other" (the same rule as every table), so the text never names
/// a small caseload; alerts.csv itself is the per-episode work list.
/// </summary>
public static class AlertSummary
{
    public static (IReadOnlyList<AlertSummaryRow> Rows, AlertSummaryRow? Practice) ByTherapist(
        IEnumerable<EpisodeInfo> episodes, IReadOnlyList<Alert> alerts, int minCell)
    {
        var active = episodes.Where(e => e.EndReason == EpisodeStatus.Ongoing).ToList();
        var byTherapist = active.GroupBy(e => e.TherapistId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var plan = SmallUnitPooling.Plan(byTherapist.ToDictionary(kv => kv.Key, kv => kv.Value.Count, StringComparer.Ordinal), minCell);
        var alertsByEpisode = alerts.ToLookup(a => a.EpisodeRef, StringComparer.Ordinal);

        AlertSummaryRow Row(string group, int units, List<EpisodeInfo> members)
        {
            var mine = members.SelectMany(e => alertsByEpisode[e.EpisodeRef]).ToList();
            return new AlertSummaryRow(group, units, members.Count,
                members.Count(e => alertsByEpisode[e.EpisodeRef].Any()),
                mine.Count(a => a.Reason == AlertReason.NotOnTrack),
                mine.Count(a => a.Reason == AlertReason.AllianceLow),
                mine.Count(a => a.Reason == AlertReason.AllianceDrop));
        }

        var rows = plan.ShownRows.Select(row =>
        {
            var members = byTherapist.Keys.Where(t => plan.RowOf(t) == row).ToList();
            return Row(row, members.Count, members.SelectMany(t => byTherapist[t]).ToList());
        }).ToList();
        return (rows, active.Count >= minCell ? Row("practice", byTherapist.Count, active) : null);
    }
}
