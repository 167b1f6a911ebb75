namespace OutcomesLab.Domain;

// The records the store accepts. Their constructors are internal and visible only to the ingest
// gate (InternalsVisibleTo OutcomesLab.Ingest): nothing else can make a storable record, so nothing
// skips de-identification. Ids are keyed pseudonyms, ages are bands, dates are months plus
// key-shifted day numbers (the shift is derived from the pseudonym key, so day offsets survive
// while the calendar day does not).

/// <summary>Where a record came from, for reports and for "newest batch wins".</summary>
public readonly record struct SourceLine(string Batch, string File, long Line);

/// <summary>An episode of care after the gate.</summary>
public sealed class GatedEpisode
{
    internal GatedEpisode(SourceLine source, string episodeRef, string clientRef, string? coupleRef, string siteId,
        string therapistId, string presentingConcern, string approach, string format, string ageBand,
        string genderIdentity, string sexualOrientation, string intakeMonth, int intakeDay,
        int? endDayOffset, string endReason)
    {
        Source = source; EpisodeRef = episodeRef; ClientRef = clientRef; CoupleRef = coupleRef; SiteId = siteId;
        TherapistId = therapistId; PresentingConcern = presentingConcern; Approach = approach; Format = format;
        AgeBand = ageBand; GenderIdentity = genderIdentity; SexualOrientation = sexualOrientation;
        IntakeMonth = intakeMonth; IntakeDay = intakeDay; EndDayOffset = endDayOffset;
        EndReason = endReason;
    }

    public SourceLine Source { get; }
    public string EpisodeRef { get; }
    public string ClientRef { get; }
    public string? CoupleRef { get; }
    public string SiteId { get; }
    public string TherapistId { get; }
    public string PresentingConcern { get; }
    public string Approach { get; }
    public string Format { get; }
    public string AgeBand { get; }
    public string GenderIdentity { get; }
    public string SexualOrientation { get; }
    /// <summary><c>YYYY-MM</c>.</summary>
    public string IntakeMonth { get; }
    /// <summary>Intake as a key-shifted day number: only differences to other shifted days mean anything.</summary>
    public int IntakeDay { get; }
    /// <summary>Whole days from intake to end. No end month is kept: with the intake month it could pin the intake day.</summary>
    public int? EndDayOffset { get; }
    public string EndReason { get; }
}

/// <summary>One item answer after the gate.</summary>
public sealed class GatedAnswer
{
    internal GatedAnswer(SourceLine source, string administrationRef, string episodeRef, string instrument,
        int administeredDay, int sessionNumber, string item, int? value, int? scoredValue)
    {
        Source = source; AdministrationRef = administrationRef; EpisodeRef = episodeRef; Instrument = instrument;
        AdministeredDay = administeredDay; SessionNumber = sessionNumber; Item = item; Value = value; ScoredValue = scoredValue;
    }

    public SourceLine Source { get; }
    public string AdministrationRef { get; }
    public string EpisodeRef { get; }
    public string Instrument { get; }
    /// <summary>Key-shifted day number with the same shift as the episode's <see cref="GatedEpisode.IntakeDay"/>.</summary>
    public int AdministeredDay { get; }
    public int SessionNumber { get; }
    public string Item { get; }
    /// <summary>Null when the item was skipped.</summary>
    public int? Value { get; }
    /// <summary>The value as the score counts it: a reverse-keyed item turned (min + max − value, docs/contracts/catalog.md).</summary>
    public int? ScoredValue { get; }
}
