using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using OutcomesLab.Domain;
using OutcomesLab.Export.Audit;
using OutcomesLab.Export.Tables;
using Xunit;

namespace OutcomesLab.Export.Tests.Packaging;

public sealed class ResearchExporterTests
{
    private static ExportSource Source(int episodes = 3000, int seed = 1, Func<EpisodeInfo, EpisodeInfo>? change = null, bool answers = false)
    {
        var infos = SyntheticRecords.Episodes(episodes, seed).Select(e => change is null ? e : change(e)).ToList();
        if (!answers) return new ExportSource(SyntheticRecords.Outcomes(infos, seed));
        var (outcomes, items) = SyntheticRecords.OutcomesWithAnswers(infos, seed);
        return new ExportSource(outcomes, null, items);
    }

    private static CsvTableReader.Content Csv(string folder, string name) => CsvTableReader.Parse(File.ReadAllText(Path.Combine(folder, name)));

    [Fact]
    public async Task An_export_writes_every_file_with_its_hash_and_logs_it()
    {
        await using var f = await ExportFixture.CreateAsync();
        var receipt = await f.Exporter().ExportAsync(Source(1500, answers: true), ExportFixture.Request(f.Out(), new ExportParameters(Items: true)),
            CancellationToken.None);

        var files = Directory.GetFiles(receipt.Folder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["README.md", "codebook.json", "codebook.md", "episodes.csv", "episodes.parquet", "items.csv", "items.parquet", "manifest.json"],
            files);
        Assert.Empty(Directory.GetDirectories(f.Folder.Path, ".export.*"));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(receipt.Folder, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(receipt.ExportId, root.GetProperty("export_id").GetString());
        Assert.Equal(42, root.GetProperty("aggregate_run_id").GetInt64());
        Assert.Equal(11, root.GetProperty("parameters").GetProperty("k").GetInt32());
        Assert.True(root.GetProperty("disclosure").GetProperty("k_achieved").GetInt32() >= 11);
        Assert.True(root.GetProperty("disclosure").GetProperty("l_achieved").GetInt32() >= 2);
        Assert.True(root.GetProperty("disclosure").GetProperty("risk").GetProperty("highest").GetDouble() <= 1.0 / 11);
        Assert.InRange(root.GetProperty("disclosure").GetProperty("suppressed_share").GetDouble(), 0, 0.05);
        foreach (var file in root.GetProperty("files").EnumerateArray())
        {
            var path = Path.Combine(receipt.Folder, file.GetProperty("name").GetString()!);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), file.GetProperty("sha256").GetString());
        }

        var entry = Assert.Single(await new ExportLog(f.Store).ListAsync(CancellationToken.None));
        Assert.Equal(receipt.ExportId, entry.ExportId);
        Assert.Equal("analyst", entry.UserName);
        Assert.Equal("Effect of sensate focus on low desire", entry.Purpose);
        Assert.Equal("2026-03-01T14:25:00.0000000Z", entry.CreatedAt);
        var manifestHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(receipt.Folder, "manifest.json"))));
        Assert.Contains(manifestHash, entry.Files);
        Assert.Contains("\"k_achieved\"", entry.Risk);

        // The key lives beside the store key, never in the export.
        Assert.Equal(Path.Combine(f.Keys.Path, receipt.ExportId + ".key"), receipt.KeyFile);
        Assert.True(File.Exists(receipt.KeyFile));
        Assert.DoesNotContain(File.ReadAllText(receipt.KeyFile).Trim(),
            files.Select(n => File.ReadAllText(Path.Combine(receipt.Folder, n!))).Aggregate(string.Concat));
    }

    [Fact]
    public async Task The_written_episodes_file_itself_is_k_anonymous_and_l_diverse()
    {
        await using var f = await ExportFixture.CreateAsync();
        var receipt = await f.Exporter().ExportAsync(Source(seed: 3), ExportFixture.Request(f.Out(), new ExportParameters(WithTherapist: true)),
            CancellationToken.None);

        // Measured from the CSV as a recipient sees it, not from anything the exporter reports.
        var csv = Csv(receipt.Folder, "episodes.csv");
        string[] qis = ["age_band", "gender_identity", "sexual_orientation", "site_id", "format", "intake_quarter", "therapist_ref"];
        var idx = qis.Select(q => Array.IndexOf(csv.Header.ToArray(), q)).ToArray();
        Assert.DoesNotContain(-1, idx);
        var refCol = Array.IndexOf(csv.Header.ToArray(), "episode_ref");
        var concernCol = Array.IndexOf(csv.Header.ToArray(), "presenting_concern");
        var episodes = csv.Rows.GroupBy(r => r[refCol]).Select(g => g.First()).ToList();
        foreach (var c in episodes.GroupBy(r => string.Join("|", idx.Select(i => r[i]))))
        {
            Assert.True(c.Count() >= 11, $"class {c.Key} has {c.Count()} episodes");
            Assert.True(c.Select(r => r[concernCol]).Distinct().Count() >= 2, $"class {c.Key} has one concern");
        }
        // Rows of one episode share its quasi-identifiers.
        Assert.All(csv.Rows.GroupBy(r => r[refCol]), g => Assert.Single(g.Select(r => string.Join("|", idx.Select(i => r[i]))).Distinct()));
    }

    [Fact]
    public async Task No_date_finer_than_a_quarter_and_no_store_pseudonym_leaves()
    {
        await using var f = await ExportFixture.CreateAsync();
        var source = Source(1500, answers: true);
        var receipt = await f.Exporter().ExportAsync(source, ExportFixture.Request(f.Out(), new ExportParameters(Items: true)), CancellationToken.None);

        foreach (var name in new[] { "episodes.csv", "items.csv" })
        {
            var text = File.ReadAllText(Path.Combine(receipt.Folder, name));
            Assert.DoesNotMatch(new Regex(@"\d{4}-\d{2}-\d{2}|\b\d{4}-(0[1-9]|1[0-2])\b"), text);
            Assert.DoesNotContain("stored-ep-", text);
            Assert.DoesNotContain("days", Csv(receipt.Folder, name).Header.Aggregate(string.Concat));
        }
        var quarters = Csv(receipt.Folder, "episodes.csv");
        var q = Array.IndexOf(quarters.Header.ToArray(), "intake_quarter");
        Assert.All(quarters.Rows, r => Assert.Matches(@"^(\d{4}-Q[1-4]|\d{4}|\*)$", r[q]));
    }

    [Fact]
    public async Task Two_exports_cannot_be_linked_by_episode_ref_unless_asked()
    {
        await using var f = await ExportFixture.CreateAsync();
        var source = Source(seed: 5);
        var first = await f.Exporter().ExportAsync(source, ExportFixture.Request(f.Out("a")), CancellationToken.None);
        f.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await f.Exporter().ExportAsync(source, ExportFixture.Request(f.Out("b")), CancellationToken.None);
        f.Time.Advance(TimeSpan.FromMinutes(5));
        var linked = await f.Exporter().ExportAsync(source, ExportFixture.Request(f.Out("c"), new ExportParameters(LinkWith: first.ExportId)),
            CancellationToken.None);

        HashSet<string> Refs(ExportReceipt r)
        {
            var csv = Csv(r.Folder, "episodes.csv");
            return csv.Rows.Select(x => x[0]).ToHashSet();
        }
        var a = Refs(first);
        var b = Refs(second);
        Assert.True(a.Count > 2500);
        Assert.Empty(a.Intersect(b));
        Assert.Equal(a, Refs(linked));
        Assert.Equal(first.ExportId, linked.LogEntry.LinkedExportId);

        // Plain SHA-256 of the stored id (hex or in the pseudonym alphabet) matches no episode_ref.
        foreach (var o in source.Outcomes.Take(500))
        {
            var sha = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(o.Episode.EpisodeRef));
            Assert.DoesNotContain("e" + OutcomesLab.Export.Pseudonyms.ExportKey.Letters(sha.AsSpan(0, 16)), a);
            Assert.DoesNotContain(a, r => r.Contains(Convert.ToHexStringLower(sha)[..12], StringComparison.Ordinal));
        }
        var log = await new ExportLog(f.Store).VerifyAsync(CancellationToken.None);
        Assert.True(log.Intact);
        Assert.Equal(3, log.Entries);
    }

    [Fact]
    public async Task Linking_with_an_export_that_is_not_in_the_log_is_refused()
    {
        await using var f = await ExportFixture.CreateAsync();
        var e = await Assert.ThrowsAsync<ExportRefusedException>(() => f.Exporter().ExportAsync(Source(600),
            ExportFixture.Request(f.Out(), new ExportParameters(LinkWith: "20250101-000000-abcdef")), CancellationToken.None));
        Assert.Contains("not in this store's export log", e.Message);
        Assert.False(Directory.Exists(f.Out()));
    }

    [Fact]
    public async Task When_targets_cannot_be_met_nothing_is_written_and_the_reason_is_given()
    {
        await using var f = await ExportFixture.CreateAsync();
        var e = await Assert.ThrowsAsync<ExportRefusedException>(() =>
            f.Exporter().ExportAsync(Source(episodes: 9), ExportFixture.Request(f.Out()), CancellationToken.None));

        Assert.Contains("k = 11", e.Message);
        Assert.False(Directory.Exists(f.Out()));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(f.Folder.Path), p => Path.GetFileName(p).StartsWith('.'));
        Assert.False(Directory.Exists(f.Keys.Path) && Directory.EnumerateFiles(f.Keys.Path).Any());
        Assert.Empty(await new ExportLog(f.Store).ListAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(5, 2, 0.05, "min_cell")]
    [InlineData(11, 1, 0.05, "ℓ")]
    [InlineData(11, 2, 1.5, "suppression limit")]
    public async Task Parameters_below_the_rules_are_refused(int k, int l, double maxSuppression, string why)
    {
        await using var f = await ExportFixture.CreateAsync();
        var e = await Assert.ThrowsAsync<ExportRefusedException>(() => f.Exporter().ExportAsync(Source(200),
            ExportFixture.Request(f.Out(), new ExportParameters(K: k, L: l, MaxSuppression: maxSuppression)), CancellationToken.None));
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public async Task An_existing_non_empty_folder_is_never_overwritten()
    {
        await using var f = await ExportFixture.CreateAsync();
        Directory.CreateDirectory(f.Out());
        File.WriteAllText(Path.Combine(f.Out(), "thesis.docx"), "precious");
        var e = await Assert.ThrowsAsync<ExportRefusedException>(() =>
            f.Exporter().ExportAsync(Source(600), ExportFixture.Request(f.Out()), CancellationToken.None));
        Assert.Contains("not empty", e.Message);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(f.Out(), "thesis.docx")));
    }

    [Fact]
    public async Task An_empty_existing_folder_is_used()
    {
        await using var f = await ExportFixture.CreateAsync();
        Directory.CreateDirectory(f.Out());
        var receipt = await f.Exporter().ExportAsync(Source(600), ExportFixture.Request(f.Out()), CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(receipt.Folder, "manifest.json")));
    }

    [Fact]
    public async Task Formula_injection_is_neutralised_while_numbers_stay_numbers()
    {
        await using var f = await ExportFixture.CreateAsync();
        var approaches = Catalog.Default.Approaches.Append("@SUM(1+1)").ToList();
        f.Catalog = new Catalog(Catalog.Default.Instruments.Values, Catalog.Default.PresentingConcerns, approaches);
        var source = Source(3000, seed: 2, e => e with
        {
            SiteId = e.SiteId == "site0" ? "=1+2" : e.SiteId == "site1" ? "-cmd" : e.SiteId,
            Approach = e.Approach == "cbt" ? "@SUM(1+1)" : e.Approach,
        });
        var receipt = await f.Exporter().ExportAsync(source, ExportFixture.Request(f.Out()), CancellationToken.None);

        var text = File.ReadAllText(Path.Combine(receipt.Folder, "episodes.csv"));
        var csv = CsvTableReader.Parse(text);
        var cells = csv.Rows.SelectMany(r => r).ToList();
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+@\t\r".Contains(c[0], StringComparison.Ordinal));
        Assert.Contains("'@SUM(1+1)", cells);
        var site = Array.IndexOf(csv.Header.ToArray(), "site_id");
        Assert.All(csv.Rows, r => Assert.False(r[site] is "=1+2" or "-cmd"));
        // A negative change is a number, written as such.
        var change = Array.IndexOf(csv.Header.ToArray(), "change");
        Assert.Contains(csv.Rows, r => r[change].StartsWith('-') && double.TryParse(r[change], System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.All(csv.Rows.Select(r => r[change]).Where(v => v.Length > 0), v => Assert.False(v.StartsWith('\'')));
        // Text cells beginning with '-' are only ever neutralised ones.
        var textColumns = new[] { "site_id", "approach", "presenting_concern", "end_reason", "age_band" }.Select(n => Array.IndexOf(csv.Header.ToArray(), n));
        Assert.All(csv.Rows, r => Assert.All(textColumns, i => Assert.False(r[i].StartsWith('-'))));
    }

    [Fact]
    public async Task A_value_that_looks_like_an_identifier_stops_the_export_without_showing_it()
    {
        await using var f = await ExportFixture.CreateAsync();
        var source = Source(3000, seed: 4, e => e with { SiteId = e.SiteId == "site2" ? "clinic@example.org" : e.SiteId });
        var e = await Assert.ThrowsAsync<ExportRefusedException>(() =>
            f.Exporter().ExportAsync(source, ExportFixture.Request(f.Out()), CancellationToken.None));
        Assert.Contains("e-mail address", e.Message);
        Assert.Contains("site_id", e.Message);
        Assert.DoesNotContain("clinic@example.org", e.Message);
        Assert.False(Directory.Exists(f.Out()));
    }

    [Fact]
    public async Task A_purpose_holding_an_identifier_is_refused()
    {
        await using var f = await ExportFixture.CreateAsync();
        var e = await Assert.ThrowsAsync<ExportRefusedException>(() => f.Exporter().ExportAsync(Source(600),
            ExportFixture.Request(f.Out(), purpose: "send to jane.doe@uni.example for the study"), CancellationToken.None));
        Assert.Contains("e-mail address", e.Message);
        Assert.DoesNotContain("jane", e.Message);
    }

    [Fact]
    public async Task Items_are_keyed_by_the_exported_episode_refs_and_in_catalog_order()
    {
        await using var f = await ExportFixture.CreateAsync();
        var receipt = await f.Exporter().ExportAsync(Source(1500, seed: 8, answers: true),
            ExportFixture.Request(f.Out(), new ExportParameters(Items: true)), CancellationToken.None);

        var episodes = Csv(receipt.Folder, "episodes.csv").Rows.Select(r => r[0]).ToHashSet();
        var items = Csv(receipt.Folder, "items.csv");
        Assert.Equal(["episode_ref", "instrument", "administration", "session_number", "valid", "item", "value"], items.Header);
        Assert.All(items.Rows, r => Assert.Contains(r[0], episodes));
        var first = items.Rows.Where(r => r[0] == items.Rows[0][0] && r[1] == "DIST" && r[2] == "1").Select(r => r[5]).ToList();
        if (first.Count > 0) Assert.Equal(Catalog.Default.Instruments["DIST"].Items, first);
        Assert.Contains(items.Rows, r => r[6] == "");
    }

    [Fact]
    public async Task Codebook_describes_every_column_and_each_instruments_scoring()
    {
        await using var f = await ExportFixture.CreateAsync();
        var receipt = await f.Exporter().ExportAsync(Source(1500, answers: true), ExportFixture.Request(f.Out(), new ExportParameters(Items: true)),
            CancellationToken.None);
        using var codebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(receipt.Folder, "codebook.json")));

        foreach (var table in codebook.RootElement.GetProperty("tables").EnumerateArray())
        {
            var name = table.GetProperty("name").GetString()!;
            var header = Csv(receipt.Folder, name + ".csv").Header;
            var columns = table.GetProperty("columns").EnumerateArray().ToList();
            Assert.Equal(header, columns.Select(c => c.GetProperty("name").GetString()));
            Assert.All(columns, c =>
            {
                Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("meaning").GetString()));
                Assert.Contains(c.GetProperty("type").GetString(), new[] { "text", "integer", "real", "boolean" });
            });
        }
        var comm = codebook.RootElement.GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "COMM");
        Assert.Equal(["COMM02", "COMM05", "COMM08", "COMM11"], comm.GetProperty("reverse_items").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(11, comm.GetProperty("min_answered").GetInt32());
        Assert.Equal(52, comm.GetProperty("clinical_cutoff").GetDouble());
        var md = File.ReadAllText(Path.Combine(receipt.Folder, "codebook.md"));
        Assert.Contains("| `reliable_change` |", md);
        Assert.Contains("reverse-score COMM02, COMM05, COMM08, COMM11 as 7 − v", md);
        var readme = File.ReadAllText(Path.Combine(receipt.Folder, "README.md"));
        Assert.Contains("k = 11", readme);
        Assert.Contains("fewer than 11 people", readme);
    }
}
