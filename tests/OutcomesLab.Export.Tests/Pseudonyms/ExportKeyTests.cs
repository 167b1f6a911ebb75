using System.Security.Cryptography;
using System.Text;
using OutcomesLab.Export.Pseudonyms;
using OutcomesLab.TestSupport;
using Xunit;
using OutcomesLab.Privacy;

namespace OutcomesLab.Export.Tests.Pseudonyms;

public sealed class ExportKeyTests
{
    [Fact]
    public void Two_export_keys_give_disjoint_pseudonyms()
    {
        var ids = Enumerable.Range(0, 2000).Select(i => $"stored-{i}").ToList();
        var a = ExportKey.CreateRandom();
        var b = ExportKey.CreateRandom();
        var first = ids.Select(a.EpisodeRef).ToHashSet();
        var second = ids.Select(b.EpisodeRef).ToHashSet();
        Assert.Equal(ids.Count, first.Count);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void The_same_key_gives_the_same_pseudonym_and_keys_round_trip()
    {
        var key = ExportKey.CreateRandom();
        var again = ExportKey.FromBase64(key.ToBase64());
        Assert.Equal(key.EpisodeRef("x"), again.EpisodeRef("x"));
        Assert.NotEqual(key.EpisodeRef("x"), key.TherapistRef("x")[1..].Insert(0, "e"));
    }

    [Fact]
    public void Pseudonyms_are_letters_only_and_pass_the_identifier_detectors()
    {
        var key = ExportKey.CreateRandom();
        foreach (var i in Enumerable.Range(0, 5000))
        {
            var p = key.EpisodeRef($"ep{i}");
            Assert.Matches("^e[a-p]{32}$", p);
            Assert.Null(IdentifierDetectors.Detect(p));
        }
    }

    [Fact]
    public void A_plain_SHA256_of_the_id_matches_no_pseudonym()
    {
        var key = ExportKey.CreateRandom();
        foreach (var id in new[] { "C-1001", "E-77", "stored-ep-1" })
        {
            var sha = SHA256.HashData(Encoding.UTF8.GetBytes(id));
            var pseudonym = key.EpisodeRef(id);
            Assert.NotEqual("e" + ExportKey.Letters(sha.AsSpan(0, 16)), pseudonym);
            Assert.DoesNotContain(Convert.ToHexStringLower(sha)[..16], pseudonym);
        }
    }

    [Fact]
    public void A_bad_key_is_refused_without_echoing_it()
    {
        var e = Assert.Throws<InvalidDataException>(() => ExportKey.FromBase64("not-base64-secret!"));
        Assert.DoesNotContain("secret", e.Message);
        Assert.Throws<InvalidDataException>(() => ExportKey.FromBase64(Convert.ToBase64String(new byte[16])));
    }

    [Fact]
    public void Key_folder_sits_beside_the_store_key_and_keeps_keys_private()
    {
        using var folder = new TempFolder();
        var store = OutcomesLab.Storage.StoreLocation.Parse(folder.File("practice.db"));
        var keys = ExportKeyFolder.ForStore(store, keyFile: null);
        Assert.Equal(folder.File("practice.db.key.export-keys"), keys.Path);

        var key = ExportKey.CreateRandom();
        var file = keys.Save("20260301-142500-3fa9c1", key);
        Assert.Equal(key.EpisodeRef("x"), keys.Load("20260301-142500-3fa9c1").EpisodeRef("x"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys.Path));
        }
        Assert.Throws<IOException>(() => keys.Save("20260301-142500-3fa9c1", ExportKey.CreateRandom()));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("20260301-142500-3FA9C1")]
    [InlineData("x")]
    public void Key_folder_refuses_anything_but_an_export_id(string id)
    {
        using var folder = new TempFolder();
        var keys = new ExportKeyFolder(folder.File("keys"));
        Assert.Throws<InvalidDataException>(() => keys.Load(id));
    }

    [Fact]
    public void A_PostgreSQL_store_needs_an_explicit_key_file()
    {
        var pg = OutcomesLab.Storage.StoreLocation.Parse("Host=localhost;Database=x");
        Assert.Throws<InvalidDataException>(() => ExportKeyFolder.ForStore(pg, null));
        Assert.EndsWith("k.key.export-keys", ExportKeyFolder.ForStore(pg, "/secure/k.key").Path, StringComparison.Ordinal);
    }
}
