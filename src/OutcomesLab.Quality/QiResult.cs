using OutcomesLab.Quality.CaseMix;
using OutcomesLab.Quality.Comparison;
using OutcomesLab.Quality.Tracking;

namespace OutcomesLab.Quality;

/// <summary>Everything the QI report shows, computed by <see cref="QualityAnalysis.Run"/>.</summary>
public sealed record QiResult(
    QiOptions Options,
    InstrumentRoles Roles,
    int EpisodesTotal,
    int EpisodesInPeriod,
    IReadOnlyList<UnitComparison> Therapists,
    IReadOnlyList<UnitComparison> Sites,
    EngagementTable EngagementByTherapist,
    EngagementTable EngagementBySite,
    CaseMixResult CaseMix,
    IReadOnlyList<TrajectoryModel> Trajectories,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyList<AlertSummaryRow> AlertsByTherapist,
    AlertSummaryRow? AlertsPractice);
