using System.Text;
using OutcomesLab.Storage;
using static OutcomesLab.Ingest.Tests.TestDrop;

namespace OutcomesLab.Ingest.Tests;

/// <summary>RFC 4180 files as real exports write them: BOM, CRLF, quoting, any column order, any header case.</summary>
public class CsvQuirkTests
{
    private static async Task<(IngestHarness, PullSummary)> Ingest(string? episodes, string? responses = null, Encoding? encoding = null)
    {
        using var drop = new TestDrop();
        drop.Batch("b1", episodes, responses, encoding);
        var h = await IngestHarness.CreateAsync(Dialect.Sqlite);
        return (h, await h.PullAsync(drop.Path));
    }

    [Fact]
    public async Task A_utf8_bom_is_accepted()
    {
        var (h, pull) = await Ingest(Episodes(Ep()), encoding: new UTF8Encoding(true));
        await using var _ = h;
        Assert.False(pull.AnythingRefused);
        Assert.Equal(1, pull.EpisodesStored);
    }

    [Fact]
    public async Task Crlf_line_ends_are_accepted()
    {
        var (h, pull) = await Ingest(Episodes(Ep(), Ep(id: "E2", client: "C2")).Replace("\n", "\r\n", StringComparison.Ordinal),
            Responses(Sat("A1", "E1", "2025-01-10", 0)).Replace("\n", "\r\n", StringComparison.Ordinal));
        await using var _ = h;
        Assert.False(pull.AnythingRefused);
        Assert.Equal(2, pull.EpisodesStored);
        Assert.Equal(12, pull.AnswersStored);
        Assert.Equal(36.0, (await h.QueryAsync<double>("SELECT score FROM administrations"))[0]);
    }

    [Fact]
    public async Task Quoted_fields_are_unquoted()
    {
        var row = "\"E1\",\"C1\",\"\",\"S1\",\"T1\",\"low_desire\",\"cbt\",\"individual\",\"34\",\"woman\",\"heterosexual\",\"2025-01-10\",\"\",\"\"";
        var (h, pull) = await Ingest(Episodes(row));
        await using var _ = h;
        Assert.False(pull.AnythingRefused);
        Assert.Equal("low_desire", (await h.QueryAsync<string>("SELECT presenting_concern FROM episodes"))[0]);
    }

    [Fact]
    public async Task A_quoted_comma_stays_inside_its_field_and_is_judged_as_one_value()
    {
        // "low_desire, mild" is one field (an unknown code), not two fields.
        var row = Ep(concern: "\"low_desire, mild\"");
        var (h, pull) = await Ingest(Episodes(row));
        await using var _ = h;
        var r = Assert.Single(pull.Refusals);
        Assert.Equal("presenting_concern", r.Column);
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_with_any_header_case()
    {
        var header = "END_REASON,Intake_Date,Sexual_Orientation,Gender_Identity,Age_At_Intake,Format,Approach,Presenting_Concern,Therapist_ID,Site_ID,Client_ID,Episode_ID";
        var row = ",2025-01-10,bisexual,nonbinary,29,individual,mindfulness,orgasm_difficulty,T9,S3,C1,E1";
        var responses = "Value,Item,Session_Number,Administered_Date,Instrument,Episode_ID,Administration_ID\n" +
                        string.Join("\n", Enumerable.Range(1, 12).Select(i => $"4,SAT{i:D2},0,2025-01-10,SAT,E1,A1")) + "\n";
        var (h, pull) = await Ingest(header + "\n" + row + "\n", responses);
        await using var _ = h;
        Assert.False(pull.AnythingRefused);
        Assert.Equal(("orgasm_difficulty", "25-34", "ongoing"), (await h.QueryAsync<(string, string, string)>("SELECT presenting_concern, age_band, end_reason FROM episodes"))[0]);
        Assert.Equal(48.0, (await h.QueryAsync<double>("SELECT score FROM administrations"))[0]);
    }

    [Fact]
    public async Task Codes_are_matched_without_regard_to_case_and_stored_canonically()
    {
        var (h, pull) = await Ingest(Episodes(Ep(concern: "Low_Desire", gender: "WOMAN")), Responses(Sat("A1", "E1", "2025-01-10", 0).Select(r => r.Replace(",SAT,", ",sat,", StringComparison.Ordinal))));
        await using var _ = h;
        Assert.False(pull.AnythingRefused);
        Assert.Equal(("low_desire", "woman"), (await h.QueryAsync<(string, string)>("SELECT presenting_concern, gender_identity FROM episodes"))[0]);
        Assert.Equal("SAT", (await h.QueryAsync<string>("SELECT instrument FROM administrations"))[0]);
    }

    [Fact]
    public async Task Blank_lines_are_skipped()
    {
        var (h, pull) = await Ingest(EpisodeHeader + "\n" + Ep() + "\n\n" + Ep(id: "E2", client: "C2") + "\n\n");
        await using var _ = h;
        Assert.False(pull.AnythingRefused);
        Assert.Equal(2, pull.EpisodesStored);
    }
}
