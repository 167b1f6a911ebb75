using OutcomesLab.Storage.Reading;

namespace OutcomesLab.Analytics.Aggregation;

/// <summary>
/// The aggregate stage's one pass over the store: valid administrations arrive one at a time in
/// (episode, instrument, session, day, pseudonym) order, each episode announced before its rows. In
/// that order the picks of docs/contracts/metrics.md need no sort and no memory beyond the current
/// episode × instrument: the baseline is its first row, the final the first row of its last session
/// (when that session is not the baseline's, else the episode is unpaired). Every row also counts
/// in the trajectories. Allocates nothing per row.
/// </summary>
internal sealed class OutcomePass : IAdministrationSink
{
    private readonly AggregateBuilder outcomes;
    private readonly TrajectoryBuilder trajectories;

    private string concern = "", approach = "", intakeMonth = "";
    private bool completed;

    private string? instrument; // the open episode × instrument; null between them
    private SessionSeries? sessions;
    private double baseline, final;
    private int lastSession;
    private bool paired;

    public OutcomePass(AggregateBuilder outcomes, TrajectoryBuilder trajectories)
    {
        this.outcomes = outcomes;
        this.trajectories = trajectories;
    }

    /// <summary>The next episode's grouping attributes; its administrations follow.</summary>
    public void BeginEpisode(string presentingConcern, string episodeApproach, string endReason, string episodeIntakeMonth)
    {
        Close();
        concern = presentingConcern;
        approach = episodeApproach;
        completed = endReason == "completed";
        intakeMonth = episodeIntakeMonth;
    }

    /// <summary>The current episode's next valid administration, in order.</summary>
    public void Add(string administrationInstrument, int session, double score)
    {
        if (!string.Equals(administrationInstrument, instrument, StringComparison.Ordinal))
        {
            Close();
            instrument = administrationInstrument;
            sessions = trajectories.Series(instrument, concern, approach);
            baseline = final = score;
            lastSession = session;
            paired = false;
        }
        else if (session != lastSession)
        {
            // The first (fewest days, then lowest pseudonym) administration of a later session.
            final = score;
            lastSession = session;
            paired = true;
        }
        sessions?.Add(session, score);
    }

    /// <summary>Closes the last episode × instrument; call once after the last row.</summary>
    public void Finish() => Close();

    private void Close()
    {
        if (instrument is null) return;
        outcomes.Add(instrument, concern, approach, completed, intakeMonth, baseline, paired ? final : null, 1);
        instrument = null;
        sessions = null;
    }
}
