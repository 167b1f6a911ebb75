using OutcomesLab.Domain;
using OutcomesLab.Quality.CaseMix;
using OutcomesLab.Quality.Comparison;
using OutcomesLab.Quality.Tracking;

namespace OutcomesLab.Quality;

/// <summary>
/// The quality-improvement analysis as a pure function of in-memory read models: per-therapist and
/// per-site comparisons with funnel classification, dropout and alliance by therapist and site, the case-mix adjusted comparison, the expected
/// trajectories and the alerts. The period limits the comparisons to episodes with intake in that
/// quarter; models train on every completed episode (more data, steadier models) and alerts cover
/// every episode that is ongoing now, whatever its intake quarter.
/// </summary>
public static class QualityAnalysis
{
    public static QiResult Run(QiInput input, QiOptions options)
    {
        options.Validate();
        var roles = InstrumentRoles.Of(input.Catalog);
        var order = new AdministrationOrder(input.Administrations);
        bool InPeriod(EpisodeInfo e) => options.Period is not { } p || p.Contains(e.IntakeMonth);

        var periodOutcomes = input.Outcomes.Where(o => InPeriod(o.Episode)).ToList();
        var latestAlliance = roles.Alliance is { } a ? order.LatestScores(a.Code) : new Dictionary<string, double>();
        var outcomeInstruments = roles.Outcomes.Where(i => input.Outcomes.Any(o => o.Instrument == i.Code)).ToList();

        var byInstrument = outcomeInstruments.Select(i => UnitComparer.Compare(i, periodOutcomes, options.MinCell)).ToList();
        var engagement = EngagementComparer.Compare(input.Episodes.Where(InPeriod).ToList(), latestAlliance, roles.Alliance is not null, options.MinCell);

        var caseMix = CaseMixAdjustment.Run(input.Outcomes, roles, InPeriod, options);
        var trajectories = outcomeInstruments.Select(i => ExpectedTrajectory.Fit(i, input.Outcomes, order, options)).ToList();
        var alerts = AlertRules.Evaluate(input.Outcomes, order, roles, trajectories, input.Episodes, options);
        var (byTherapist, practice) = AlertSummary.ByTherapist(input.Episodes, alerts, options.MinCell);

        return new QiResult(options, roles, input.Episodes.Count, input.Episodes.Count(InPeriod),
            byInstrument.Select(c => c.Therapists).ToList(), byInstrument.Select(c => c.Sites).ToList(),
            engagement.Therapists, engagement.Sites, caseMix, trajectories, alerts, byTherapist, practice);
    }
}
