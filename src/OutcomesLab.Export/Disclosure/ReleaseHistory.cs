using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OutcomesLab.Export.Audit;

namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// The exports already released from a store, read from its export log, and what they reveal together.
/// Their outcome values link them to each other and to any new export episode by episode (an exact or a
/// nearest-neighbour join), so every earlier release is assumed joined to every other and to the new one:
/// for each episode the recipient knows, from each earlier export, its quasi-identifiers at that export's
/// levels, or that it was suppressed there, or that it was not in it at all.
/// </summary>
public sealed class ReleaseHistory
{
    public static readonly ReleaseHistory None = new([]);
    private const int DigestBytes = 8;

    public IReadOnlyList<EarlierRelease> Releases { get; }

    public ReleaseHistory(IReadOnlyList<EarlierRelease> releases) => Releases = releases;

    /// <summary>The largest k any earlier release promised (0 when none): a joint class must keep every release's promise.</summary>
    public int K => Releases.Count == 0 ? 0 : Releases.Max(r => r.K);

    public int L => Releases.Count == 0 ? 0 : Releases.Max(r => r.L);

    /// <summary>The finest level of <paramref name="q"/> any earlier release used; its height (nothing known) when none released it.</summary>
    public int KnownLevel(QuasiIdentifier q) =>
        Releases.Select(r => r.Levels.TryGetValue(q.Name, out var level) ? Math.Clamp(level, 0, q.Hierarchy.Height) : q.Hierarchy.Height)
            .DefaultIfEmpty(q.Hierarchy.Height).Min();

    /// <summary>
    /// What the earlier releases together tell about the stored episode <paramref name="storedRef"/> with these
    /// values of <paramref name="union"/> (every quasi-identifier any export can release), as one key; empty when
    /// there are none. The key is used only inside disclosure control and never written anywhere.
    /// </summary>
    public string KnownKey(IReadOnlyList<QuasiIdentifier> union, IReadOnlyList<string> values, string storedRef)
    {
        if (Releases.Count == 0) return "";
        var key = new StringBuilder();
        foreach (var r in Releases)
        {
            var digest = r.Released is null && r.Suppressed is null ? null : Digest(r.ExportId, storedRef);
            if (digest is not null && r.Suppressed is { } s && s.Contains(digest)) key.Append("suppressed");
            else if (digest is not null && r.Released is { } m && !m.Contains(digest)) key.Append("absent");
            else
            {
                // Released with its values; an entry that does not record its members is taken to have released every episode.
                for (var j = 0; j < union.Count; j++)
                {
                    var level = r.Levels.TryGetValue(union[j].Name, out var l) ? Math.Clamp(l, 0, union[j].Hierarchy.Height) : union[j].Hierarchy.Height;
                    key.Append(union[j].Hierarchy.Generalise(values[j], level)).Append('\u001f');
                }
            }
            key.Append('\u001e');
        }
        return key.ToString();
    }

    /// <summary>A stored episode as an export's log entry records it: 8 bytes of SHA-256 of export id and stored ref, hex.</summary>
    public static string Digest(string exportId, string storedRef) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(exportId + '\u001f' + storedRef)).AsSpan(0, DigestBytes));

    /// <summary>The digests of <paramref name="storedRefs"/> for the log: sorted, concatenated, Base64.</summary>
    public static string Members(string exportId, IEnumerable<string> storedRefs) =>
        Convert.ToBase64String(Convert.FromHexString(string.Concat(storedRefs.Select(r => Digest(exportId, r)).Order(StringComparer.Ordinal))));

    private static HashSet<string> ReadMembers(JsonElement e)
    {
        var bytes = Convert.FromBase64String(e.GetString() ?? "");
        if (bytes.Length % DigestBytes != 0) throw new FormatException("a member list is not a whole number of digests");
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < bytes.Length; i += DigestBytes) set.Add(Convert.ToHexStringLower(bytes.AsSpan(i, DigestBytes)));
        return set;
    }

    /// <summary>
    /// The releases in a store's export log. An entry that does not record its levels (made before they were
    /// logged, or unreadable) is taken to have released every quasi-identifier it could, at full detail, for every episode.
    /// </summary>
    public static ReleaseHistory FromLog(IEnumerable<ExportLogEntry> entries) => new(entries.Select(FromEntry).ToList());

    private static EarlierRelease FromEntry(ExportLogEntry e)
    {
        try
        {
            using var doc = JsonDocument.Parse(e.Parameters);
            var root = doc.RootElement;
            var p = root.GetProperty("parameters");
            var k = p.GetProperty("k").GetInt32();
            var l = p.GetProperty("l").GetInt32();
            if (root.TryGetProperty("qi_levels", out var levels) && levels.ValueKind == JsonValueKind.Object)
            {
                return new EarlierRelease(e.ExportId, k, l, levels.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetInt32(), StringComparer.Ordinal),
                    root.TryGetProperty("released", out var released) ? ReadMembers(released) : null,
                    root.TryGetProperty("suppressed", out var suppressed) ? ReadMembers(suppressed) : null);
            }
            var therapist = p.TryGetProperty("with_therapist", out var t) && t.ValueKind == JsonValueKind.True;
            return new EarlierRelease(e.ExportId, k, l, ExportHierarchies.For(therapist).ToDictionary(q => q.Name, _ => 0, StringComparer.Ordinal));
        }
        catch (Exception x) when (x is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new EarlierRelease(e.ExportId, 0, 0, ExportHierarchies.For(withTherapist: true).ToDictionary(q => q.Name, _ => 0, StringComparer.Ordinal));
        }
    }
}
