using System.Text;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using static OutcomesLab.Ingest.Tests.TestDrop;

namespace OutcomesLab.Ingest.Tests;

/// <summary>Adversarial: what a refused file carried must be nowhere — not in the store file, not in the output.</summary>
[Trait("Category", "EndToEnd")]
public class PrivacyTests
{
    private static readonly string[] Planted =
    [
        "jane.roe@example.org", "+44 7700 900123", "9434765919", "078-05-1120", "SW1A 1AA", "https://clinic.example/jane", "192.168.10.4",
    ];

    [Fact]
    public async Task Identifiers_planted_in_refused_files_appear_nowhere_in_the_store_or_the_cli_output()
    {
        using var folder = new TempFolder();
        var drop = Path.Combine(folder.Path, "drop");
        for (var i = 0; i < Planted.Length; i++)
        {
            var dir = Directory.CreateDirectory(Path.Combine(drop, $"b{i}")).FullName;
            // The identifier sits in a different column each time, on a row after a clean one.
            var fields = Ep(id: $"E{i}x", client: $"C{i}x").Split(',');
            fields[(i * 3) % fields.Length] = Planted[i];
            await File.WriteAllTextAsync(Path.Combine(dir, "episodes.csv"), Episodes(Ep(id: $"E{i}", client: $"C{i}"), string.Join(',', fields)));
            await File.WriteAllTextAsync(Path.Combine(dir, "responses.csv"),
                Responses(Sat($"A{i}", $"E{i}", "2025-01-10", 0).Append($"A{i}b,E{i},SAT,2025-01-10,1,SAT01,{Planted[i]}")));
        }
        var store = Path.Combine(folder.Path, "store.db");
        var result = await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", store);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("whole file refused", result.Output, StringComparison.Ordinal);

        var haystacks = new List<string> { result.Output };
        foreach (var file in Directory.GetFiles(folder.Path).Where(f => f.StartsWith(store, StringComparison.Ordinal)))
            haystacks.Add(Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
        var status = await CliProcess.RunAsync(folder.Path, "status", "--refusals", "--store", store);
        Assert.Equal(0, status.ExitCode);
        haystacks.Add(status.Output);
        foreach (var planted in Planted)
        foreach (var hay in haystacks)
            Assert.DoesNotContain(planted, hay, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Source_ids_are_not_stored_only_their_keyed_pseudonyms()
    {
        using var drop = new TestDrop();
        drop.Batch("b1", Episodes(Ep(id: "EPISODE777", client: "CLIENT777", couple: "COUPLE777", format: "couple")), Responses(Sat("ADMIN777", "EPISODE777", "2025-01-10", 0)));
        await using var h = await IngestHarness.CreateAsync(Dialect.Sqlite);
        await h.PullAsync(drop.Path);
        var dump = await h.DumpAsync();
        foreach (var id in new[] { "EPISODE777", "CLIENT777", "COUPLE777", "ADMIN777", "2025-01-10" })
            Assert.DoesNotContain(id, dump, StringComparison.Ordinal);
        Assert.Contains(h.Ref("ep", "EPISODE777"), dump, StringComparison.Ordinal);
        // HMAC with the key, not a plain hash: SHA-256 of the id matches nothing stored.
        var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("EPISODE777")));
        Assert.DoesNotContain(plain[..32], dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_sqlite_store_gets_a_0600_key_file_beside_it_and_the_key_is_never_in_the_store()
    {
        using var folder = new TempFolder();
        using var drop = new TestDrop();
        drop.Batch("b1", Episodes(Ep()), Responses(Sat("A1", "E1", "2025-01-10", 0)));
        var store = Path.Combine(folder.Path, "s.db");
        var result = await CliProcess.RunAsync(folder.Path, "ingest", drop.Path, "--store", store);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("generated a new pseudonym key", result.Output, StringComparison.Ordinal);
        var keyFile = store + ".key";
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var keyText = (await File.ReadAllTextAsync(keyFile)).Trim();
        Assert.Equal(32, Convert.FromBase64String(keyText).Length);
        Assert.DoesNotContain(keyText, result.Output, StringComparison.Ordinal);
        var storeBytes = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(store));
        Assert.DoesNotContain(keyText, storeBytes, StringComparison.Ordinal);
        Assert.DoesNotContain(Encoding.Latin1.GetString(Convert.FromBase64String(keyText)), storeBytes, StringComparison.Ordinal);

        // A second run uses the same key and generates nothing.
        var again = await CliProcess.RunAsync(folder.Path, "ingest", drop.Path, "--store", store);
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("generated", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_file_that_does_not_belong_to_the_store_is_refused()
    {
        using var folder = new TempFolder();
        using var drop = new TestDrop();
        drop.Batch("b1", Episodes(Ep()));
        var store = Path.Combine(folder.Path, "s.db");
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "ingest", drop.Path, "--store", store)).ExitCode);
        var other = Path.Combine(folder.Path, "other.key");
        await File.WriteAllTextAsync(other, Convert.ToBase64String(new byte[32]));
        var wrong = await CliProcess.RunAsync(folder.Path, "ingest", drop.Path, "--store", store, "--key-file", other);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("does not belong to this store", wrong.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", wrong.Output, StringComparison.Ordinal);
    }
}
