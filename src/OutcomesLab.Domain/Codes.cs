namespace OutcomesLab.Domain;

/// <summary>The fixed code lists of exchange format v1 (concerns and approaches live in the <see cref="Catalog"/>).</summary>
public static class Codes
{
    public static readonly IReadOnlyList<string> Formats = ["individual", "couple"];
    public static readonly IReadOnlyList<string> GenderIdentities = ["woman", "man", "nonbinary", "another", "undisclosed"];
    public static readonly IReadOnlyList<string> SexualOrientations =
        ["heterosexual", "gay", "lesbian", "bisexual", "pansexual", "queer", "asexual", "another", "undisclosed"];
    public static readonly IReadOnlyList<string> EndReasons = ["completed", "dropout", "referred", "ongoing"];
    public static readonly IReadOnlyList<string> AgeBands = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-89", "90+"];

    /// <summary>The value the roll-up rows of aggregates use for concern and approach.</summary>
    public const string All = "all";

    /// <summary>Age at intake (16–120) to its band; the store never holds the age itself.</summary>
    public static string AgeBand(int age) => age switch
    {
        < 16 => throw new ArgumentOutOfRangeException(nameof(age)),
        <= 24 => "16-24",
        <= 34 => "25-34",
        <= 44 => "35-44",
        <= 54 => "45-54",
        <= 64 => "55-64",
        <= 74 => "65-74",
        <= 89 => "75-89",
        _ => "90+",
    };
}
