using OutcomesLab.Domain;

namespace OutcomesLab.Quality.Tracking;

/// <summary>
/// The alert rules for active (ongoing) episodes. Not on track: the latest valid outcome score
/// (a later administration than the baseline) is worse than its expected-trajectory bound.
/// Alliance: the latest valid alliance score is below the catalog's threshold (strictly: 3.5
/// itself is not an alert), or it fell by the drop threshold or more since the previous valid
/// alliance administration (PCOMS-style alliance flags).
/// </summary>
public static class AlertRules
{
    // Alliance scores are means of 1–5 items: 4.0833 − 3.5833 must count as a drop of 0.5.
    private const double Tolerance = 1e-9;

    public static IReadOnlyList<Alert> Evaluate(
        IReadOnlyList<EpisodeOutcome> outcomes, AdministrationOrder order, InstrumentRoles roles,
        IReadOnlyList<TrajectoryModel> trajectories, IEnumerable<EpisodeInfo> episodes, QiOptions options)
    {
        var alerts = new List<Alert>();
        var active = outcomes.Where(o => o.Episode.EndReason == EpisodeStatus.Ongoing && o.Final is not null).ToList();
        foreach (var model in trajectories.Where(t => t.Model is not null))
        {
            var mine = active.Where(o => o.Instrument == model.Instrument).ToList();
            var expected = model.Model!.Predict(mine.Select((o, i) => ExpectedTrajectory.ToRow(o, o.Final!, i)).ToList());
            for (var i = 0; i < mine.Count; i++)
            {
                var o = mine[i];
                var latest = o.Final!;
                if (!model.IsOffTrack(latest.Score, expected[i], latest.SessionNumber)) continue;
                alerts.Add(new Alert(o.Episode.EpisodeRef, o.Episode.TherapistId, o.Episode.SiteId, o.Instrument, latest.SessionNumber,
                    AlertReason.NotOnTrack, latest.Score, expected[i], model.Bound(expected[i], latest.SessionNumber)));
            }
        }

        if (roles.Alliance is { AllianceAlertBelow: { } threshold } alliance)
        {
            foreach (var e in episodes.Where(e => e.EndReason == EpisodeStatus.Ongoing))
            {
                var series = order.Of(e.EpisodeRef, alliance.Code);
                if (series.Count == 0) continue;
                var latest = series[^1];
                if (latest.Score < threshold)
                    alerts.Add(new Alert(e.EpisodeRef, e.TherapistId, e.SiteId, alliance.Code, latest.SessionNumber,
                        AlertReason.AllianceLow, latest.Score, null, threshold));
                if (series.Count >= 2 && series[^2].Score - latest.Score >= options.AllianceDrop - Tolerance)
                    alerts.Add(new Alert(e.EpisodeRef, e.TherapistId, e.SiteId, alliance.Code, latest.SessionNumber,
                        AlertReason.AllianceDrop, latest.Score, series[^2].Score, series[^2].Score - options.AllianceDrop));
            }
        }

        return alerts
            .OrderBy(a => a.TherapistId, StringComparer.Ordinal).ThenBy(a => a.EpisodeRef, StringComparer.Ordinal)
            .ThenBy(a => a.Instrument, StringComparer.Ordinal).ThenBy(a => a.Reason, StringComparer.Ordinal)
            .ToList();
    }
}
