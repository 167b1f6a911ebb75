using System.Runtime.CompilerServices;
using Dapper;
using OutcomesLab.Domain;
using OutcomesLab.Storage;

namespace OutcomesLab.Storage.Reading;

/// <summary>
/// Streams the store's outcome data as Domain read models, one row at a time (never the whole
/// table in memory). The selection rules live in SQL (sql/&lt;dialect&gt;/EpisodeOutcomes_List.sql …).
/// </summary>
public static class OutcomeReader
{
    /// <summary>Every episode, in episode_ref order.</summary>
    public static async IAsyncEnumerable<EpisodeInfo> EpisodesAsync(Store store, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        await foreach (var row in c.QueryUnbufferedAsync<EpisodeRow>(store.Sql["Episodes_List"]).WithCancellation(ct))
            yield return row.ToEpisode();
    }

    /// <summary>
    /// Episode × instrument with at least one valid administration: baseline and (when paired) final
    /// chosen per docs/contracts/metrics.md in SQL, in (episode_ref, instrument) order. Instruments the
    /// catalog does not define are left out (there are no norms to read them by).
    /// </summary>
    public static async IAsyncEnumerable<EpisodeOutcome> EpisodeOutcomesAsync(Store store, Catalog catalog,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        await foreach (var row in c.QueryUnbufferedAsync<EpisodeOutcomeRow>(store.Sql["EpisodeOutcomes_List"]).WithCancellation(ct))
        {
            if (catalog.Find(row.instrument) is null) continue;
            yield return row.ToOutcome();
        }
    }

    /// <summary>Every valid (scored) administration, in (episode, instrument, session, day, pseudonym) order.</summary>
    public static async IAsyncEnumerable<ScoredAdministration> ScoredAdministrationsAsync(Store store,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        await foreach (var row in c.QueryUnbufferedAsync<AdministrationRow>(store.Sql["Administrations_ListScored"]).WithCancellation(ct))
            yield return new ScoredAdministration(row.episode_ref, row.administration_ref, row.instrument,
                checked((int)row.session_number), checked((int)row.days_since_intake), row.score);
    }

#pragma warning disable IDE1006, CA1707 // Dapper maps snake_case columns onto these names.
    private class EpisodeRow
    {
        public string episode_ref { get; set; } = "";
        public string? couple_ref { get; set; }
        public string site_id { get; set; } = "";
        public string therapist_id { get; set; } = "";
        public string presenting_concern { get; set; } = "";
        public string approach { get; set; } = "";
        public string format { get; set; } = "";
        public string age_band { get; set; } = "";
        public string gender_identity { get; set; } = "";
        public string sexual_orientation { get; set; } = "";
        public string intake_month { get; set; } = "";
        public long? end_day_offset { get; set; }
        public string end_reason { get; set; } = "";

        public EpisodeInfo ToEpisode() => new(episode_ref, couple_ref, site_id, therapist_id, presenting_concern, approach, format,
            age_band, gender_identity, sexual_orientation, intake_month,
            end_day_offset is { } d ? checked((int)d) : null, end_reason);
    }

    private sealed class EpisodeOutcomeRow : EpisodeRow
    {
        public string instrument { get; set; } = "";
        public long valid_administrations { get; set; }
        public string baseline_ref { get; set; } = "";
        public long baseline_session { get; set; }
        public long baseline_days { get; set; }
        public double baseline_score { get; set; }
        public string? final_ref { get; set; }
        public long? final_session { get; set; }
        public long? final_days { get; set; }
        public double? final_score { get; set; }

        public EpisodeOutcome ToOutcome()
        {
            var episode = ToEpisode();
            var baseline = new ScoredAdministration(episode_ref, baseline_ref, instrument, checked((int)baseline_session),
                checked((int)baseline_days), baseline_score);
            var final = final_ref is null ? null
                : new ScoredAdministration(episode_ref, final_ref, instrument, checked((int)final_session!.Value),
                    checked((int)final_days!.Value), final_score!.Value);
            return new EpisodeOutcome(episode, instrument, checked((int)valid_administrations), baseline, final);
        }
    }

    private sealed class AdministrationRow
    {
        public string episode_ref { get; set; } = "";
        public string administration_ref { get; set; } = "";
        public string instrument { get; set; } = "";
        public long session_number { get; set; }
        public long days_since_intake { get; set; }
        public double score { get; set; }
    }

#pragma warning restore IDE1006, CA1707
}
