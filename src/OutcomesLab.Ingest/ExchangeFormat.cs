namespace OutcomesLab.Ingest;

/// <summary>The files and columns of exchange format v1 (docs/contracts/exchange-format.md).</summary>
public static class ExchangeFormat
{
    public const string EpisodesFile = "episodes.csv";
    public const string ResponsesFile = "responses.csv";

    public static readonly IReadOnlyList<string> EpisodeColumns =
    [
        "episode_id", "client_id", "couple_id", "site_id", "therapist_id", "presenting_concern", "approach", "format",
        "age_at_intake", "gender_identity", "sexual_orientation", "intake_date", "end_date", "end_reason",
    ];

    public static readonly IReadOnlyList<string> EpisodeRequired =
    [
        "episode_id", "client_id", "site_id", "therapist_id", "presenting_concern", "approach", "format",
        "age_at_intake", "gender_identity", "sexual_orientation", "intake_date",
    ];

    public static readonly IReadOnlyList<string> ResponseColumns =
        ["administration_id", "episode_id", "instrument", "administered_date", "session_number", "item", "value"];

    public static readonly IReadOnlyList<string> ResponseRequired =
        ["administration_id", "episode_id", "instrument", "administered_date", "session_number", "item"];

    public const int MinAge = 16;
    public const int MaxAge = 120;
    public const int MaxSession = 500;
}
