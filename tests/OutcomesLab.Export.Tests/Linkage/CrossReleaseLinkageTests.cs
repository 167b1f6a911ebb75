using OutcomesLab.Domain;
using OutcomesLab.Export.Pseudonyms;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace OutcomesLab.Export.Tests.Linkage;

/// <summary>
/// Two research exports of one store, as a recipient may come to hold them, linked on their outcome
/// values (<see cref="LinkageAttack"/>): what the two say together about any linked episode must still
/// be shared by at least k people (the larger of the two exports' k) with at least ℓ concerns.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CrossReleaseLinkageTests(DemoStore demo, ITestOutputHelper output) : IClassFixture<DemoStore>
{
    /// <summary>
    /// The options of the web form (k at least min_cell, therapist pseudonym), every ordered pair; item answers
    /// (which change no quasi-identifier, only add columns to link on) in one pair, as they make an export slow.
    /// </summary>
    public static IEnumerable<object[]> WebFormPairs()
    {
        var options = new[]
        {
            new ExportParameters(K: 11), new ExportParameters(K: 11, WithTherapist: true),
            new ExportParameters(K: 20), new ExportParameters(K: 20, WithTherapist: true),
        };
        for (var a = 0; a < options.Length; a++)
            for (var b = 0; b < options.Length; b++)
                yield return [options[a].K, options[a].WithTherapist, options[b].K, options[b].WithTherapist, a == 0 && b == 0];
    }

    [Theory]
    [MemberData(nameof(WebFormPairs))]
    public async Task Two_exports_joined_on_their_outcome_values_leave_no_joint_class_below_k(int k1, bool therapist1, int k2, bool therapist2, bool items)
    {
        using var folder = new TempFolder();
        var location = demo.CopyInto(folder);
        await using var store = await Store.OpenAsync(location);
        var first = await ExportAsync(store, folder, "first", new ExportParameters(K: k1, WithTherapist: therapist1, Items: items));
        ExportReceipt second;
        try
        {
            second = await ExportAsync(store, folder, "second", new ExportParameters(K: k2, WithTherapist: therapist2, Items: items));
        }
        catch (ExportRefusedException e)
        {
            // Refusing the second export is safe; it must say why, and the usual pair must not need it.
            output.WriteLine($"second export refused: {e.Message}");
            Assert.False(k1 == 11 && !therapist1 && k2 == 11 && therapist2, "an export and a second one --with-therapist must both be possible");
            return;
        }

        var a = LinkageAttack.Read(first.Folder);
        var b = LinkageAttack.Read(second.Folder);
        var links = LinkageAttack.Join(a, b);
        output.WriteLine($"{links.Count} of {a.Count} / {b.Count} episodes linked");
        Assert.True(links.Count > 0.9 * Math.Min(a.Count, b.Count), "the outcome values no longer link the exports: the attack itself is broken");

        var person = await PersonOfExportRefAsync(store, location, first, second);
        var k = Math.Max(k1, k2);
        var classes = links.GroupBy(l => l.JointKey, StringComparer.Ordinal)
            .Select(g => (People: g.Select(l => person[l.First.Ref]).Distinct().Count(), Concerns: g.Select(l => l.First.Concern).Distinct().Count()))
            .ToList();
        var small = classes.Count(c => c.People < k);
        output.WriteLine($"{classes.Count} joint classes, {small} below k = {k}, {classes.Count(c => c.People == 1)} of one person");
        Assert.Equal(0, small);
        Assert.All(classes, c => Assert.True(c.Concerns >= 2, "a joint class holds a single presenting concern"));
        Assert.All(links, l => Assert.Equal(person[l.First.Ref], person[l.Second.Ref]));

        // The second export's manifest states what holds across the two.
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(second.Folder, "manifest.json")));
        var cross = manifest.RootElement.GetProperty("cross_release");
        output.WriteLine("second export generalisation: " + manifest.RootElement.GetProperty("disclosure").GetProperty("generalisation").GetRawText().ReplaceLineEndings(" "));
        Assert.Equal([first.ExportId], cross.GetProperty("earlier_exports").EnumerateArray().Select(e => e.GetString()));
        Assert.True(cross.GetProperty("k_achieved_jointly").GetInt32() >= k);
        Assert.Contains("every combination", cross.GetProperty("guarantee").GetString(), StringComparison.Ordinal);
        Assert.InRange(cross.GetProperty("linkable_share").GetDouble(), 0.5, 1);
    }

    private static Task<ExportReceipt> ExportAsync(Store store, TempFolder folder, string name, ExportParameters parameters) =>
        ExportStage.RunAsync(store, Catalog.Default, null, null,
            new ExportRequest(folder.File(name), "linkage test of two research exports", parameters, 11, null, "test"), TimeProvider.System,
            CancellationToken.None);

    /// <summary>The person behind each export's episode_ref, through the exports' own keys (the custodian's view, not the attacker's).</summary>
    private static async Task<Dictionary<string, string>> PersonOfExportRefAsync(Store store, StoreLocation location, params ExportReceipt[] exports)
    {
        var people = await StoreExportSource.PeopleAsync(store, CancellationToken.None);
        var keys = ExportStage.KeysFor(location, null);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var export in exports)
        {
            var key = keys.Load(export.ExportId);
            foreach (var (episode, client) in people) map[key.EpisodeRef(episode)] = client;
        }
        return map;
    }
}
