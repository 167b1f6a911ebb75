using System.Globalization;
using OutcomesLab.Domain;
using OutcomesLab.Export.Disclosure;
using OutcomesLab.Export.Pseudonyms;
using OutcomesLab.Export.Tables;

namespace OutcomesLab.Export;

/// <summary>
/// Turns stored outcomes into the research tables: export pseudonyms, disclosure control over the
/// episodes (one record per episode, however many instruments it has), generalised quasi-identifiers
/// on every row of an episode, formula neutralising, the identifier screen, and an independent check
/// of k and ℓ on the final rows. Pure: everything comes in as arguments.
/// </summary>
public static class ResearchDatasetBuilder
{
    /// <param name="history">The exports already released from the same data: classes are held to k and ℓ jointly with them.</param>
    public static ResearchDataset Build(ExportSource source, Catalog catalog, ExportParameters parameters, ExportKey key,
        Func<string, string?> detectIdentifier, ReleaseHistory? history = null)
    {
        history ??= ReleaseHistory.None;
        var qis = ExportHierarchies.For(parameters.WithTherapist);
        var union = ExportHierarchies.For(withTherapist: true);
        var episodes = source.Outcomes.Select(o => o.Episode).DistinctBy(e => e.EpisodeRef).ToList();
        var outcomesByEpisode = source.Outcomes.GroupBy(o => o.Episode.EpisodeRef, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Instrument, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var exportRef = episodes.ToDictionary(e => e.EpisodeRef, e => key.EpisodeRef(e.EpisodeRef), StringComparer.Ordinal);
        string PersonOf(string episodeRef) => source.PersonOf?.GetValueOrDefault(episodeRef) ?? "episode:" + episodeRef;

        var known = episodes.ToDictionary(e => e.EpisodeRef, e => history.KnownKey(union, UnionValues(e), e.EpisodeRef), StringComparer.Ordinal);
        var records = episodes.Select(e => new DisclosureRecord(e.EpisodeRef, PersonOf(e.EpisodeRef), QuasiIdentifierValues(e, parameters, key),
            e.PresentingConcern, known[e.EpisodeRef])).ToList();
        var jointK = Math.Max(parameters.K, history.K);
        var jointL = Math.Max(parameters.L, history.L);
        var disclosure = DisclosureEngine.Anonymise(qis, records, new DisclosureOptions(jointK, jointL, parameters.MaxSuppression));
        if (!disclosure.Succeeded)
        {
            throw new ExportRefusedException(history.Releases.Count == 0 ? disclosure.FailureReason! : string.Create(CultureInfo.InvariantCulture,
                $"{disclosure.FailureReason} (checked together with the {history.Releases.Count} export(s) already released from this store: a recipient can link exports on their outcome values, so k = {jointK} and ℓ = {jointL} must hold for what they say together)"));
        }

        var released = disclosure.Records.Where(r => r.Fate != RecordFate.Withheld)
            .ToDictionary(r => r.RecordId, r => r.QuasiIdentifiers, StringComparer.Ordinal);
        var order = released.Keys.OrderBy(r => exportRef[r], StringComparer.Ordinal).ToList();

        var episodeRows = new List<object?[]>();
        foreach (var storedRef in order)
        {
            var outcomes = outcomesByEpisode[storedRef];
            var sessions = outcomes.Max(o => (o.Final ?? o.Baseline).SessionNumber);
            foreach (var o in outcomes)
            {
                var instrument = catalog.Find(o.Instrument)
                    ?? throw new ExportRefusedException($"instrument {o.Instrument} in the store is not in the catalog");
                episodeRows.Add(EpisodeRow(exportRef[storedRef], released[storedRef], o, instrument, sessions));
            }
        }
        var episodesTable = CellSafety.Neutralise(new ExportTable("episodes",
            "One row per episode × instrument with at least one valid administration.",
            EpisodeColumns(catalog, qis, disclosure, episodeRows), episodeRows));

        ExportTable? itemsTable = null;
        if (parameters.Items)
        {
            var answers = source.Answers ?? throw new ArgumentException("--items needs the item answers in the source", nameof(source));
            itemsTable = CellSafety.Neutralise(ItemsTable(answers, catalog, order, exportRef));
        }

        foreach (var table in new[] { episodesTable, itemsTable })
        {
            if (table is null) continue;
            if (ValueDiscipline.FirstViolation(table) is { } violation)
                throw new ExportRefusedException($"an exported value breaks the export's value rules ({violation})");
            if (IdentifierScreen.FirstFinding(table, detectIdentifier) is { } finding)
                throw new ExportRefusedException($"an exported value did not pass the identifier detectors ({finding})");
        }

        var verified = Verify(episodesTable, qis, order.ToDictionary(r => exportRef[r], PersonOf, StringComparer.Ordinal), parameters.K, parameters.L, null);
        var verifiedJoint = Verify(episodesTable, qis, order.ToDictionary(r => exportRef[r], PersonOf, StringComparer.Ordinal), jointK, jointL,
            order.ToDictionary(r => exportRef[r], r => known[r], StringComparer.Ordinal));
        return new ResearchDataset(episodesTable, itemsTable, qis, disclosure, verified, episodes.Count, released.Count)
        {
            History = history,
            VerifiedJoint = verifiedJoint,
            LinkableShare = LinkableShare(order.Select(r => outcomesByEpisode[r]).ToList()),
        };
    }

    private static string[] UnionValues(EpisodeInfo e) =>
        [e.AgeBand, e.GenderIdentity, e.SexualOrientation, e.SiteId, e.Format, ExportHierarchies.QuarterOf(e.IntakeMonth), e.TherapistId];

    /// <summary>
    /// The share of released episodes whose outcome values (concern, approach, end reason, sessions, every
    /// instrument's baseline and final) no other released episode shares: each of them is found again,
    /// exactly, in any other export of the same data.
    /// </summary>
    private static double LinkableShare(IReadOnlyList<List<EpisodeOutcome>> released)
    {
        if (released.Count == 0) return 0;
        var fingerprints = released.Select(outcomes =>
        {
            var e = outcomes[0].Episode;
            var sessions = outcomes.Max(o => (o.Final ?? o.Baseline).SessionNumber);
            return string.Join('|', [e.PresentingConcern, e.Approach, e.EndReason, sessions.ToString(CultureInfo.InvariantCulture),
                .. outcomes.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Instrument}:{o.Baseline.Score:R}:{o.Final?.Score:R}"))]);
        }).GroupBy(f => f, StringComparer.Ordinal).ToList();
        return (double)fingerprints.Count(g => g.Count() == 1) / released.Count;
    }

    private static string[] QuasiIdentifierValues(EpisodeInfo e, ExportParameters p, ExportKey key)
    {
        var values = new List<string>
        {
            e.AgeBand, e.GenderIdentity, e.SexualOrientation, e.SiteId, e.Format, ExportHierarchies.QuarterOf(e.IntakeMonth),
        };
        if (p.WithTherapist) values.Add(key.TherapistRef(e.TherapistId));
        return values.ToArray();
    }

    private static object?[] EpisodeRow(string episodeRef, IReadOnlyList<string> qiValues, EpisodeOutcome o, Instrument instrument, int sessions)
    {
        var baseline = o.Baseline.Score;
        var final = o.Final?.Score;
        var c = OutcomeClassification.Of(instrument, baseline, final);
        var row = new List<object?> { episodeRef };
        row.AddRange(qiValues);
        row.AddRange(
        [
            o.Episode.PresentingConcern, o.Episode.Approach, o.Instrument,
            baseline, final, final - baseline,
            c.ReliableChange, c.ClinicalBaseline, c.Recovered, c.ReliablyRecovered,
            (long)sessions, o.Episode.EndReason,
        ]);
        return row.ToArray();
    }

    private static List<ExportColumn> EpisodeColumns(Catalog catalog, IReadOnlyList<QuasiIdentifier> qis, DisclosureResult disclosure,
        List<object?[]> rows)
    {
        var columns = new List<ExportColumn>
        {
            new("episode_ref", ColumnType.Text,
                "This export's pseudonym of the episode of care: HMAC-SHA256 under a key made for this export alone, so it matches " +
                "nothing in any other export (unless linked on purpose) and is neither the practice's id nor the store's pseudonym. " +
                "All rows of one episode share it."),
        };
        for (var i = 0; i < qis.Count; i++)
        {
            var qi = qis[i];
            var level = qi.Hierarchy.LevelNames[disclosure.Levels[i]];
            var values = rows.Select(r => (string)r[1 + i]!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var isPseudonym = qi.Name == ExportHierarchies.Therapist;
            columns.Add(new ExportColumn(qi.Name, ColumnType.Text,
                $"{QuasiIdentifierMeaning(qi.Name)} Quasi-identifier, released at the level \"{level}\"; `*` = suppressed " +
                "(generalised away, or the whole episode's quasi-identifiers suppressed because its class was too small or too uniform).",
                AllowedValues: isPseudonym && values.Count > 1 ? null : values));
        }
        columns.AddRange(
        [
            new("presenting_concern", ColumnType.Text,
                "The presenting concern (the sensitive attribute: every equivalence class holds at least ℓ distinct concerns).",
                AllowedValues: catalog.PresentingConcerns),
            new("approach", ColumnType.Text, "The treatment approach of the episode.", AllowedValues: catalog.Approaches),
            new("instrument", ColumnType.Text, "The questionnaire this row is about (see the instruments section).",
                AllowedValues: catalog.Instruments.Keys.Order(StringComparer.Ordinal).ToList()),
            new("baseline", ColumnType.Real,
                "Score of the baseline administration: the valid administration with the lowest session number (ties: fewest days " +
                "since intake, then the administration pseudonym). Full precision, not rounded.",
                Range: "the instrument's score range"),
            new("final", ColumnType.Real,
                "Score of the final administration: the valid administration with the highest session number, when it is not the baseline.",
                Range: "the instrument's score range", Empty: "the episode has only one valid administration of the instrument (unpaired)"),
            new("change", ColumnType.Real, "final − baseline in raw units (not direction-adjusted: for a lower-is-better instrument a fall is an improvement).",
                Range: "± the instrument's score range", Empty: "unpaired"),
            new("reliable_change", ColumnType.Text,
                "Jacobson & Truax (1991): RC = dir × (final − baseline) / S_diff, S_diff = SD_ref × sqrt(2 × (1 − r)); " +
                "reliably_improved when RC ≥ 1.96, reliably_deteriorated when RC ≤ −1.96, otherwise no_reliable_change.",
                AllowedValues: OutcomeClassification.Categories, Empty: "unpaired"),
            new("clinical_baseline", ColumnType.Boolean, "The baseline score is in the clinical range (strictly worse than the cut-off).",
                Empty: "the instrument has no clinical cut-off"),
            new("recovered", ColumnType.Boolean, "Clinical baseline and a final score not in the clinical range.",
                Empty: "unpaired, or the instrument has no clinical cut-off"),
            new("reliably_recovered", ColumnType.Boolean, "Recovered and reliably improved.",
                Empty: "unpaired, or the instrument has no clinical cut-off"),
            new("sessions_attended", ColumnType.WholeNumber,
                "The highest session number at which the episode has a valid questionnaire of any instrument (0 = intake assessment " +
                "only); a lower bound on the sessions attended. The same on every row of the episode.",
                Range: "0–500"),
            new("end_reason", ColumnType.Text, "How the episode ended; ongoing = not ended yet.", AllowedValues: Codes.EndReasons),
        ]);
        return columns;
    }

    private static string QuasiIdentifierMeaning(string name) => name switch
    {
        ExportHierarchies.AgeBand => "Age at intake as a band (16-24 … 75-89, 90+; 20-year bands 16-34, 35-54, 55-74, 75+).",
        ExportHierarchies.GenderIdentity => "Gender identity as the client gave it; rarer identities may be grouped as 'another'.",
        ExportHierarchies.SexualOrientation => "Sexual orientation as the client gave it; rarer orientations may be grouped as 'another'.",
        ExportHierarchies.Site => "The practice site's code.",
        ExportHierarchies.Format => "individual or couple work.",
        ExportHierarchies.IntakeQuarter => "Calendar quarter of intake (YYYY-Qn), or its year; no finer date is ever exported.",
        ExportHierarchies.Therapist => "This export's pseudonym of the therapist (HMAC-SHA256 under this export's key).",
        _ => "",
    };

    private static ExportTable ItemsTable(IReadOnlyList<ExportAnswer> answers, Catalog catalog, IReadOnlyList<string> releasedInOrder,
        IReadOnlyDictionary<string, string> exportRef)
    {
        var byEpisode = answers.Where(a => catalog.Find(a.Instrument) is not null)
            .GroupBy(a => a.EpisodeRef, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var ordered = new List<object?[]>(answers.Count);
        // Built in file order (episodes as in episodes.csv, instruments, administrations, items in catalog order): no global sort.
        foreach (var storedRef in releasedInOrder)
        {
            if (!byEpisode.TryGetValue(storedRef, out var episodeAnswers)) continue;
            var episodeRef = exportRef[storedRef];
            foreach (var byInstrument in episodeAnswers.GroupBy(a => a.Instrument, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var instrument = catalog.Find(byInstrument.Key)!;
                // Administrations numbered in the order docs/contracts/metrics.md uses for baseline and final: session, days, pseudonym.
                var administrations = byInstrument.GroupBy(a => a.AdministrationRef, StringComparer.Ordinal)
                    .OrderBy(g => g.First().SessionNumber).ThenBy(g => g.First().DaysSinceIntake).ThenBy(g => g.Key, StringComparer.Ordinal);
                var n = 0;
                foreach (var administration in administrations)
                {
                    n++;
                    foreach (var a in administration.OrderBy(a => IndexOfItem(instrument, a.Item)).ThenBy(a => a.Item, StringComparer.Ordinal))
                    {
                        ordered.Add(
                        [
                            episodeRef, instrument.Code, (long)n, (long)a.SessionNumber, a.IsValid, a.Item, a.Value is { } v ? (long)v : null,
                        ]);
                    }
                }
            }
        }
        var columns = new List<ExportColumn>
        {
            new("episode_ref", ColumnType.Text, "The episode's pseudonym, as in episodes.csv (join on it)."),
            new("instrument", ColumnType.Text, "The questionnaire.", AllowedValues: catalog.Instruments.Keys.Order(StringComparer.Ordinal).ToList()),
            new("administration", ColumnType.WholeNumber,
                "1, 2, … : the episode's administrations of the instrument in order of session number (then days since intake).",
                Range: "1 or more"),
            new("session_number", ColumnType.WholeNumber, "The session at which it was given (0 = intake assessment).", Range: "0–500"),
            new("valid", ColumnType.Boolean,
                "At least ceil(0.8 × item count) items answered, so the administration has a score (see the scoring rules)."),
            new("item", ColumnType.Text, "The item code (e.g. SAT03); item wording of licensed scales is not shipped.",
                AllowedValues: catalog.Instruments.Values.OrderBy(i => i.Code, StringComparer.Ordinal).SelectMany(i => i.Items).ToList()),
            new("value", ColumnType.WholeNumber, "The answer as given (before reverse-scoring).", Range: "the instrument's item range",
                Empty: "the item was skipped"),
        };
        return new ExportTable("items", "Item-level answers in long form: one row per episode × administration × item.", columns, ordered);
    }

    private static int IndexOfItem(Instrument instrument, string item)
    {
        for (var i = 0; i < instrument.Items.Count; i++)
            if (instrument.Items[i] == item) return i;
        return int.MaxValue;
    }

    /// <summary>
    /// Re-measures k and ℓ from the final episode rows themselves (one record per episode_ref, classes over
    /// the quasi-identifier columns as they will be written): the last line of defence against a bug upstream.
    /// </summary>
    /// <param name="knownOfExportRef">With it, the joint classes: each episode's values together with what earlier releases revealed.</param>
    private static DisclosureFigures Verify(ExportTable episodes, IReadOnlyList<QuasiIdentifier> qis,
        IReadOnlyDictionary<string, string> personOfExportRef, int k, int l, IReadOnlyDictionary<string, string>? knownOfExportRef)
    {
        var refColumn = episodes.IndexOf("episode_ref");
        var qiColumns = qis.Select(q => episodes.IndexOf(q.Name)).ToArray();
        var concern = episodes.IndexOf("presenting_concern");
        var perEpisode = new Dictionary<string, (IReadOnlyList<string>, string, string)>(StringComparer.Ordinal);
        foreach (var row in episodes.Rows)
        {
            var id = (string)row[refColumn]!;
            var values = qiColumns.Select(c => (string)row[c]!);
            if (knownOfExportRef is not null) values = values.Append(knownOfExportRef[id]);
            var record = ((IReadOnlyList<string>)values.ToArray(), personOfExportRef[id], (string)row[concern]!);
            if (perEpisode.TryGetValue(id, out var seen))
            {
                if (!seen.Item1.SequenceEqual(record.Item1))
                    throw new InvalidOperationException("the rows of one episode disagree on its quasi-identifiers");
                continue;
            }
            perEpisode[id] = record;
        }
        var figures = DisclosureCheck.Measure(DisclosureCheck.Classes(perEpisode.Values));
        if (perEpisode.Count > 0 && (figures.KAchieved < k || figures.LAchieved < l))
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"the final rows reach only k = {figures.KAchieved}, ℓ = {figures.LAchieved}{(knownOfExportRef is null ? "" : " together with earlier exports")}: refusing to write them"));
        return figures;
    }
}
