using Dapper;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using static OutcomesLab.Ingest.Tests.TestDrop;
using OutcomesLab.Privacy;

namespace OutcomesLab.Ingest.Tests;

/// <summary>
/// Adversarial: identifiers written with other separators or look-alike characters, in every id field
/// and as batch folder names, through the real CLI. None may be stored or printed.
/// </summary>
public class SeparatorDodgeTests
{
    public static readonly string[] Dodged =
    [
        "07700_900_123", "943_476_5919", "078_05_1120", "SW1A_1AA", "SW1A-1AA", "943-476_5919", "07700-900-123", "M1_1AE",
    ];

    public static TheoryData<string> DodgedValues() => new(Dodged);

    [Theory, MemberData(nameof(DodgedValues))]
    public void A_separator_does_not_hide_an_identifier(string value) => Assert.NotNull(IdentifierDetectors.Detect(value));

    [Theory]
    [InlineData("jane\uFF20example.com")]
    [InlineData("\uFF10\uFF17\uFF17\uFF10\uFF10 \uFF19\uFF10\uFF10 \uFF11\uFF12\uFF13")]
    [InlineData("943\u2013476\u20135919")]
    [InlineData("943\u00A0476\u00A05919")]
    [InlineData("943\u200B476\u200B5919")]
    [InlineData("\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669")]
    [InlineData("SW1A\u20101AA")]
    [InlineData("j\u0430ne@ex\u0430mple.com")]                    // Cyrillic а: not an e-mail byte for byte, one once folded
    [InlineData("\U0001D423\U0001D41A\U0001D427\U0001D41E@example.com")] // mathematical bold letters
    [InlineData("\u24D9ane@example.com")]                         // a circled letter
    public void A_look_alike_character_does_not_hide_an_identifier(string value) => Assert.NotNull(IdentifierDetectors.Detect(value));

    [Theory]
    [InlineData("2026-11-01T0300")]
    [InlineData("123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("3F2504E0-4F89-11D3-9A0C-030500000000")]
    [InlineData("ep-00000_x")]
    [InlineData("site_12_north")]
    public void Batch_name_forms_and_uuids_are_not_identifiers(string value) => Assert.Null(IdentifierDetectors.Detect(value));

    [Theory]
    [InlineData("2026-11-01T0300")]
    [InlineData("b1")]
    [InlineData("export_2026.11")]
    public void The_exchange_formats_batch_names_pass_the_screen(string name) => Assert.Null(BatchNameScreen.Problem(name));

    private static readonly string[] EpisodeIdFields = ["episode_id", "client_id", "couple_id", "site_id", "therapist_id"];

    [Trait("Category", "EndToEnd")]
    [Fact]
    public async Task Dodged_identifiers_in_every_id_field_and_as_folder_names_are_refused_and_appear_nowhere()
    {
        using var drop = new TestDrop();
        var n = 0;
        foreach (var value in Dodged)
        {
            foreach (var field in EpisodeIdFields)
            {
                var fields = Ep(id: $"E{n}", client: $"C{n}", couple: $"P{n}").Split(',');
                fields[Array.IndexOf(EpisodeHeader.Split(','), field)] = value;
                drop.Batch($"e{n++:D3}", Episodes(string.Join(',', fields)));
            }
            drop.Batch($"a{n++:D3}", Episodes(Ep(id: $"E{n}", client: $"C{n}")), Responses(Sat(value, $"E{n}", "2025-01-10", 0)));
            drop.Batch($"r{n++:D3}", Episodes(Ep(id: $"E{n}", client: $"C{n}")), Responses(Sat($"A{n}", value, "2025-01-10", 0)));
        }
        string[] folderNames = ["jane.roe@example.org", "NHS 943 476 5919", "943_476_5919", "SW1A-1AA", "\u001b[31mred\u001b[0m", "x\u001b]0;title\u0007"];
        foreach (var name in folderNames) drop.Batch(name, Episodes(Ep(id: $"F{n}", client: $"F{n++}", site: "FOLDERSITE")));
        const string Uuid = "123e4567-e89b-12d3-a456-426614174000";
        drop.Batch("2026-11-01T0300", Episodes(Ep(id: Uuid, client: "3F2504E0-4F89-11D3-9A0C-030500000000", site: "GOODSITE")));
        var store = Path.Combine(drop.Root, "s.db");

        var run = await BoundedCli.RunAsync(TimeSpan.FromMinutes(3), drop.Root, "ingest", drop.Path, "--store", store);
        var status = await BoundedCli.RunAsync(TimeSpan.FromMinutes(3), drop.Root, "status", "--refusals", "--store", store);

        Assert.Equal(3, run.ExitCode);
        await using (var s = await Store.OpenAsync(StoreLocation.Parse(store)))
        await using (var c = await s.ConnectAsync())
        {
            Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM episodes WHERE site_id = 'FOLDERSITE'"));
            Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM episodes WHERE site_id = 'GOODSITE' AND batch_name = '2026-11-01T0300'"));
            Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM administrations"));
            Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pending_answers"));
            Assert.Equal(folderNames.Length, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM refusals WHERE batch_name LIKE 'folder #%' AND rule LIKE 'batch folder name %'"));
        }
        foreach (var printed in new[] { run.Stdout, run.Stderr, status.Output })
        {
            Assert.DoesNotContain('\u001b', printed);
            Assert.DoesNotContain('\u0007', printed);
        }
        foreach (var hay in new[] { run.Stdout, run.Stderr, status.Output, await BoundedCli.StoreBytesAsync(store) })
        {
            foreach (var value in Dodged.Concat(folderNames).Append("943 476 5919").Append("jane.roe"))
                Assert.DoesNotContain(value, hay, StringComparison.OrdinalIgnoreCase);
        }
    }
}
