using OutcomesLab.Domain;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using static OutcomesLab.Ingest.Tests.TestDrop;

namespace OutcomesLab.Ingest.Tests;

/// <summary>One test per rule of docs/contracts/exchange-format.md, each on SQLite and on PostgreSQL.</summary>
public class GateRuleTests
{
    public static IEnumerable<object[]> Dialects() => TestStores.Dialects();

    private static async Task<(IngestHarness Store, PullSummary Pull)> Ingest(Dialect dialect, Action<TestDrop> build, GateOptions? options = null)
    {
        using var drop = new TestDrop();
        build(drop);
        var h = await IngestHarness.CreateAsync(dialect, options);
        return (h, await h.PullAsync(drop.Path));
    }

    private static Refusal Single(PullSummary pull)
    {
        Assert.Single(pull.Refusals);
        return pull.Refusals[0];
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task A_clean_batch_is_stored_and_scored(Dialect dialect)
    {
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep()), Responses(Sat("A1", "E1", "2025-01-10", 0, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2))));
        await using var _ = h;
        Assert.False(pull.AnythingRefused);
        Assert.Equal(1, pull.EpisodesStored);
        Assert.Equal(12, pull.AnswersStored);
        var score = (await h.QueryAsync<double>("SELECT score FROM administrations"))[0];
        Assert.Equal(33.0, score); // sum of the twelve values
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task An_unknown_column_refuses_the_whole_file(Dialect dialect)
    {
        var csv = EpisodeHeader + ",client_name\n" + Ep() + ",Jane Roe\n";
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", csv));
        await using var _ = h;
        var r = Single(pull);
        Assert.True(r.WholeFile);
        Assert.Equal("#15", r.Column); // named by position: a header cell may itself be personal data
        Assert.Equal(0, await h.CountAsync("SELECT COUNT(*) FROM episodes"));
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task A_column_listed_as_ignored_is_dropped_not_refused(Dialect dialect)
    {
        var csv = EpisodeHeader + ",referral_source\n" + Ep() + ",gp\n";
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", csv), new GateOptions(Catalog.Default, ["Referral_Source"]));
        await using var _ = h;
        Assert.False(pull.AnythingRefused);
        Assert.Equal(1, await h.CountAsync("SELECT COUNT(*) FROM episodes"));
    }

    public static IEnumerable<object[]> IdentifierInEveryColumn()
    {
        var columns = EpisodeHeader.Split(',');
        foreach (var dialect in new[] { Dialect.Sqlite, Dialect.Postgres })
            for (var i = 0; i < columns.Length; i++)
                yield return [dialect, i, columns[i]];
    }

    /// <summary>An identifier planted in any column refuses the file, and the report names line and column only.</summary>
    [SkippableTheory, MemberData(nameof(IdentifierInEveryColumn))]
    public async Task An_identifier_in_any_episode_column_refuses_the_whole_file(Dialect dialect, int column, string name)
    {
        var fields = Ep(id: "E2", client: "C2").Split(',');
        fields[column] = "jane.roe@example.org";
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep(), string.Join(',', fields))));
        await using var _ = h;
        var r = Single(pull);
        Assert.True(r.WholeFile);
        Assert.Equal(3, r.Line);
        Assert.Equal(name, r.Column);
        Assert.DoesNotContain("jane", r.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await h.CountAsync("SELECT COUNT(*) FROM episodes")); // not even the clean first row
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task An_identifier_in_responses_refuses_only_that_file(Dialect dialect)
    {
        var rows = Sat("A1", "E1", "2025-01-10", 0).ToList();
        rows[5] = "A1,E1,SAT,2025-01-10,0,SAT06,+44 7700 900123";
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep()), Responses(rows)));
        await using var _ = h;
        var r = Single(pull);
        Assert.True(r.WholeFile);
        Assert.Equal("responses.csv", r.File);
        Assert.Equal("value", r.Column);
        Assert.Equal(1, await h.CountAsync("SELECT COUNT(*) FROM episodes")); // the other file is not affected
        Assert.Equal(0, await h.CountAsync("SELECT COUNT(*) FROM answers"));
        Assert.Equal(12, pull.RowsInRefusedFiles);
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task A_nine_digit_id_refuses_the_file(Dialect dialect)
    {
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep(client: "123456789"))));
        await using var _ = h;
        Assert.True(Single(pull).WholeFile);
    }

    public static IEnumerable<object[]> BadEpisodeRows() =>
        from dialect in new[] { Dialect.Sqlite, Dialect.Postgres }
        from c in new (string Row, string Column)[]
        {
            (Ep(concern: "headache"), "presenting_concern"),
            (Ep(approach: "hypnosis"), "approach"),
            (Ep(format: "group"), "format"),
            (Ep(age: "15"), "age_at_intake"),
            (Ep(age: "121"), "age_at_intake"),
            (Ep(age: "thirty"), "age_at_intake"),
            (Ep(gender: "female"), "gender_identity"),
            (Ep(orientation: "straight"), "sexual_orientation"),
            (Ep(intake: "2025-02-30"), "intake_date"),
            (Ep(intake: "10/01/2025"), "intake_date"),
            (Ep(end: "2025-01-09"), "end_date"),
            (Ep(reason: "cured"), "end_reason"),
            (Ep(site: ""), "site_id"),
            (Ep(id: "E 1"), "episode_id"),
            (Ep(therapist: new string('T', 65)), "therapist_id"),
        }
        select new object[] { dialect, c.Row, c.Column };

    [SkippableTheory, MemberData(nameof(BadEpisodeRows))]
    public async Task A_bad_episode_row_is_refused_and_the_rest_stored(Dialect dialect, string row, string column)
    {
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep(id: "E0", client: "C0"), row)));
        await using var _ = h;
        var r = Single(pull);
        Assert.False(r.WholeFile);
        Assert.Equal(3, r.Line);
        Assert.Equal(column, r.Column);
        Assert.Equal(1, await h.CountAsync("SELECT COUNT(*) FROM episodes"));
    }

    public static IEnumerable<object[]> BadResponseRows() =>
        from dialect in new[] { Dialect.Sqlite, Dialect.Postgres }
        from c in new (string Row, string Column)[]
        {
            ("A9,E1,XYZ,2025-01-10,0,SAT01,3", "instrument"),
            ("A9,E1,SAT,2025-01-10,0,COMM01,3", "item"),
            ("A9,E1,SAT,2025-01-10,0,SAT01,6", "value"),
            ("A9,E1,SAT,2025-01-10,0,SAT01,0", "value"),
            ("A9,E1,SAT,2025-01-10,0,SAT01,2.5", "value"),
            ("A9,E1,SAT,2025-13-01,0,SAT01,3", "administered_date"),
            ("A9,E1,SAT,2025-01-10,501,SAT01,3", "session_number"),
            ("A9,E1,SAT,2025-01-10,-1,SAT01,3", "session_number"),
            (",E1,SAT,2025-01-10,0,SAT01,3", "administration_id"),
            ("A9,E1,SAT,2025-01-10,0,,3", "item"),
        }
        select new object[] { dialect, c.Row, c.Column };

    [SkippableTheory, MemberData(nameof(BadResponseRows))]
    public async Task A_bad_response_row_is_refused_and_the_rest_stored(Dialect dialect, string row, string column)
    {
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep()), Responses(Sat("A1", "E1", "2025-01-10", 0).Append(row))));
        await using var _ = h;
        var r = Single(pull);
        Assert.Equal(column, r.Column);
        Assert.Equal(14, r.Line);
        Assert.Equal(12, await h.CountAsync("SELECT COUNT(*) FROM answers"));
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task An_answer_before_the_episode_intake_is_refused(Dialect dialect)
    {
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep(intake: "2025-01-10")), Responses(Sat("A1", "E1", "2025-01-09", 0))));
        await using var _ = h;
        Assert.Equal(12, pull.RowsRefused);
        Assert.All(pull.Refusals, r => Assert.Equal("administered_date", r.Column));
        Assert.Equal(0, await h.CountAsync("SELECT COUNT(*) FROM administrations"));
    }

    public static IEnumerable<object[]> Disagreements() =>
        from dialect in new[] { Dialect.Sqlite, Dialect.Postgres }
        from c in new (string Row, string Column)[]
        {
            ("A1,E2,SAT,2025-01-10,0,SAT12,3", "episode_id"),
            ("A1,E1,SAT,2025-01-11,0,SAT12,3", "administered_date"),
            ("A1,E1,SAT,2025-01-10,1,SAT12,3", "session_number"),
            ("A1,E1,SAT,2025-01-10,0,SAT01,4", "item"),
        }
        select new object[] { dialect, c.Row, c.Column };

    [SkippableTheory, MemberData(nameof(Disagreements))]
    public Task Rows_of_one_administration_that_disagree_are_all_refused(Dialect dialect, string odd, string column) =>
        AssertA1RefusedA2Intact(dialect, Sat("A1", "E1", "2025-01-10", 0).Take(11).Append(odd).Concat(Sat("A2", "E1", "2025-01-10", 0)), column);

    // The same disagreements with the odd row far from the rest of its administration (staging groups
    // consecutive rows into runs, so a split administration must still be judged as a whole).
    [SkippableTheory, MemberData(nameof(Disagreements))]
    public Task Rows_of_one_administration_that_disagree_far_apart_are_all_refused(Dialect dialect, string odd, string column) =>
        AssertA1RefusedA2Intact(dialect, Sat("A1", "E1", "2025-01-10", 0).Take(11).Concat(Sat("A2", "E1", "2025-01-10", 0)).Append(odd), column);

    private async Task AssertA1RefusedA2Intact(Dialect dialect, IEnumerable<string> rows, string column)
    {
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep(), Ep(id: "E2", client: "C2")), Responses(rows.ToList())));
        await using var _ = h;
        Assert.Equal(12, pull.RowsRefused);
        Assert.All(pull.Refusals, r => Assert.Equal(column, r.Column));
        Assert.Equal(12, await h.CountAsync("SELECT COUNT(*) FROM answers")); // A2 intact
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task An_administration_split_by_another_one_is_stored_whole(Dialect dialect)
    {
        var a1 = Sat("A1", "E1", "2025-01-10", 0).ToList();
        var rows = a1.Take(5).Concat(Sat("A2", "E1", "2025-01-10", 0)).Concat(a1.Skip(5)).ToList();
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep()), Responses(rows)));
        await using var _ = h;
        Assert.Equal(0, pull.RowsRefused);
        Assert.Equal(24, pull.AnswersStored);
        Assert.Equal(2, await h.CountAsync("SELECT COUNT(*) FROM administrations WHERE is_valid = 1"));
        // Scored from its two runs (the ranked merge, rescored from its answers) exactly as from one (scored as inserted).
        var (whole, _) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep()), Responses(a1.Concat(Sat("A2", "E1", "2025-01-10", 0)).ToList())));
        await using var __ = whole;
        const string Scores = "SELECT administration_ref, n_answered, is_valid, score FROM administrations ORDER BY administration_ref";
        Assert.Equal(await whole.QueryAsync<(string, long, long, double)>(Scores), await h.QueryAsync<(string, long, long, double)>(Scores));
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task An_episode_given_twice_in_one_file_is_refused(Dialect dialect)
    {
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep(), Ep(age: "40"), Ep(id: "E2", client: "C2"))));
        await using var _ = h;
        Assert.Equal(2, pull.RowsRefused);
        Assert.Equal(1, await h.CountAsync("SELECT COUNT(*) FROM episodes"));
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task A_row_with_the_wrong_number_of_fields_is_refused(Dialect dialect)
    {
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep(), Ep(id: "E2", client: "C2") + ",extra")));
        await using var _ = h;
        Assert.Equal(1, pull.RowsRefused);
        Assert.Equal(1, await h.CountAsync("SELECT COUNT(*) FROM episodes"));
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task A_stray_file_in_a_batch_is_refused_without_its_name(Dialect dialect)
    {
        using var drop = new TestDrop();
        drop.Batch("b1", Episodes(Ep()));
        await File.WriteAllTextAsync(Path.Combine(drop.Path, "b1", "jane-roe-notes.txt"), "private");
        await using var h = await IngestHarness.CreateAsync(dialect);
        var pull = await h.PullAsync(drop.Path);
        var r = Single(pull);
        Assert.True(r.WholeFile);
        Assert.DoesNotContain("jane", r.File, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, pull.EpisodesStored);
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task A_response_before_its_episode_waits_pending_and_is_stored_when_it_arrives(Dialect dialect)
    {
        using var drop = new TestDrop();
        drop.Batch("b1", Episodes(Ep(id: "E0", client: "C0")), Responses(Sat("A1", "E1", "2025-01-12", 0)));
        await using var h = await IngestHarness.CreateAsync(dialect);
        var first = await h.PullAsync(drop.Path);
        Assert.Equal(12, first.AnswersPending);
        Assert.False(first.AnythingRefused);
        Assert.Equal(0, await h.CountAsync("SELECT COUNT(*) FROM answers"));

        drop.Batch("b2", Episodes(Ep()));
        var second = await h.PullAsync(drop.Path);
        Assert.Equal(1, second.BatchesSeen);
        Assert.Equal(0, second.AnswersPending);
        Assert.Equal(12, second.PendingResolved);
        Assert.Equal(12, await h.CountAsync("SELECT COUNT(*) FROM answers"));
        Assert.Equal(2, await h.CountAsync("SELECT MIN(days_since_intake) FROM v_administrations"));
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task The_newest_batch_wins_for_episodes_and_answers(Dialect dialect)
    {
        using var drop = new TestDrop();
        drop.Batch("2025-01-01", Episodes(Ep()), Responses(Sat("A1", "E1", "2025-01-10", 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)));
        drop.Batch("2025-02-01", Episodes(Ep(end: "2025-03-01", reason: "completed")), Responses("A1,E1,SAT,2025-01-10,0,SAT01,5"));
        await using var h = await IngestHarness.CreateAsync(dialect);
        var pull = await h.PullAsync(drop.Path);
        Assert.Equal(1, pull.EpisodesUpdated);
        Assert.Equal(1, pull.AnswersUpdated);
        Assert.Equal(16.0, (await h.QueryAsync<double>("SELECT score FROM administrations"))[0]); // 11 × 1 + 5
        Assert.Equal("completed", (await h.QueryAsync<string>("SELECT end_reason FROM episodes"))[0]);
        Assert.Equal(50, await h.CountAsync("SELECT end_day_offset FROM episodes"));
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task An_older_batch_arriving_late_does_not_overwrite_newer_records(Dialect dialect)
    {
        using var drop = new TestDrop();
        drop.Batch("2025-02-01", Episodes(Ep(reason: "completed", end: "2025-03-01")));
        await using var h = await IngestHarness.CreateAsync(dialect);
        await h.PullAsync(drop.Path);
        drop.Batch("2025-01-01", Episodes(Ep()));
        await h.PullAsync(drop.Path);
        Assert.Equal("completed", (await h.QueryAsync<string>("SELECT end_reason FROM episodes"))[0]);
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task Pulling_the_same_batch_twice_changes_nothing(Dialect dialect)
    {
        using var drop = new TestDrop();
        drop.Batch("b1", Episodes(Ep()), Responses(Sat("A1", "E1", "2025-01-10", 0)));
        await using var h = await IngestHarness.CreateAsync(dialect);
        await h.PullAsync(drop.Path);
        var before = await h.DumpAsync();
        // The same content under another folder name is the same batch.
        Directory.CreateDirectory(Path.Combine(drop.Path, "b1-copy"));
        foreach (var f in Directory.GetFiles(Path.Combine(drop.Path, "b1"))) File.Copy(f, Path.Combine(drop.Path, "b1-copy", Path.GetFileName(f)));
        var again = await h.PullAsync(drop.Path);
        Assert.Equal(0, again.BatchesNew);
        Assert.Equal(2, again.BatchesSeen);
        Assert.Equal(before, await h.DumpAsync());
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task An_invalid_administration_is_kept_flagged_and_unscored(Dialect dialect)
    {
        // 9 of 12 answered: SAT needs ceil(0.8 × 12) = 10.
        var (h, pull) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep()), Responses(Sat("A1", "E1", "2025-01-10", 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, null, null, null))));
        await using var _ = h;
        Assert.Equal(12, pull.AnswersStored); // skipped items are stored as skipped
        var row = (await h.QueryAsync<(long NAnswered, long IsValid, double? Score)>("SELECT n_answered, is_valid, score FROM administrations"))[0];
        Assert.Equal((9L, 0L, (double?)null), row);
    }

    [SkippableTheory, MemberData(nameof(Dialects))]
    public async Task Scores_follow_the_catalog_rules_for_reverse_items_proration_and_means(Dialect dialect)
    {
        // COMM: 13 items 1–6, COMM02/05/08/11 reversed; answer 11 items (valid threshold 11).
        var comm = Enumerable.Range(1, 11).Select(i => $"A2,E1,COMM,2025-01-10,0,COMM{i:D2},{(i % 6) + 1}");
        var trust = Enumerable.Range(1, 12).Select(i => $"A3,E1,TRUST,2025-01-17,1,TRUST{i:D2},{(i % 5) + 1}");
        var dist = Enumerable.Range(1, 13).Select(i => $"A4,E1,DIST,2025-01-10,0,DIST{i:D2},{i % 5}");
        var (h, _) = await Ingest(dialect, d => d.Batch("b1", Episodes(Ep()), Responses(comm.Concat(trust).Concat(dist))));
        await using var __ = h;
        var scores = (await h.QueryAsync<(string Instrument, double Score)>("SELECT instrument, score FROM administrations ORDER BY instrument")).ToDictionary(x => x.Instrument, x => x.Score);
        foreach (var (code, answers) in new[] { ("COMM", comm), ("TRUST", trust), ("DIST", dist) })
        {
            var expected = Catalog.Default.Instruments[code].Score(answers.Select(r => r.Split(',')).ToDictionary(f => f[5], f => int.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(expected!.Value, scores[code], 12);
        }
        // Worked by hand for COMM: values 2,3,4,5,6,1,2,3,4,5,6 on COMM01..11; reversing COMM02,05,08,11
        // (v → 7 − v) gives 2,4,4,5,1,1,2,4,4,5,1 = 33; mean 3 × 13 items = 39.
        Assert.Equal(39.0, scores["COMM"], 12);
    }
}
