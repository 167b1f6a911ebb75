namespace OutcomesLab.Storage.Reading;

/// <summary>
/// What <see cref="AggregateInput"/> feeds: each episode's grouping attributes, then its valid
/// administrations in (instrument, session, day, pseudonym) order; episodes in episode_ref order.
/// </summary>
public interface IAdministrationSink
{
    /// <summary>The next episode's grouping attributes; its administrations follow.</summary>
    void BeginEpisode(string presentingConcern, string episodeApproach, string endReason, string episodeIntakeMonth);

    /// <summary>One valid administration of the current episode.</summary>
    void Add(string administrationInstrument, int session, double score);

    /// <summary>After the last administration.</summary>
    void Finish();
}
