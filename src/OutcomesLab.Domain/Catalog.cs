using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutcomesLab.Domain;

/// <summary>
/// The instrument catalog and the code lists (concerns, approaches). Data, not code: the defaults
/// ship embedded; a practice points <c>OutcomesLab:Catalog</c> at its own JSON file.
/// </summary>
public sealed class Catalog
{
    public IReadOnlyDictionary<string, Instrument> Instruments { get; }
    public IReadOnlyList<string> PresentingConcerns { get; }
    public IReadOnlyList<string> Approaches { get; }
    private readonly HashSet<string> concernSet;
    private readonly HashSet<string> approachSet;

    public Catalog(IEnumerable<Instrument> instruments, IEnumerable<string> concerns, IEnumerable<string> approaches)
    {
        Instruments = instruments.ToDictionary(i => i.Code, StringComparer.Ordinal);
        PresentingConcerns = concerns.ToList();
        Approaches = approaches.ToList();
        concernSet = new HashSet<string>(PresentingConcerns, StringComparer.Ordinal);
        approachSet = new HashSet<string>(Approaches, StringComparer.Ordinal);
    }

    public bool IsConcern(string code) => concernSet.Contains(code);
    public bool IsApproach(string code) => approachSet.Contains(code);
    public Instrument? Find(string code) => Instruments.GetValueOrDefault(code);

    /// <summary>A stable fingerprint of the catalog's scoring rules, so the store can rescore when it changes.</summary>
    public string Fingerprint()
    {
        var text = string.Join("|", Instruments.Values.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i =>
            $"{i.Code}:{string.Join(',', i.Items)}:{i.ItemMin}-{i.ItemMax}:{string.Join(',', i.ReverseItems.Order(StringComparer.Ordinal))}:{i.Scoring}"));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    private static readonly Lazy<Catalog> DefaultCatalog = new(LoadEmbedded);

    /// <summary>The embedded defaults (catalog.default.json), described in docs/contracts/catalog.md.</summary>
    public static Catalog Default => DefaultCatalog.Value;

    /// <summary>Loads a catalog file; a bad file stops with a message naming the file and the problem.</summary>
    public static Catalog Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Parse(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"instrument catalog '{path}' cannot be used: {e.Message}", e);
        }
    }

    private static Catalog LoadEmbedded()
    {
        using var stream = typeof(Catalog).Assembly.GetManifestResourceStream("catalog.default.json")
            ?? throw new InvalidOperationException("embedded catalog.default.json missing");
        return Parse(stream);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Catalog Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<CatalogFile>(json, JsonOptions)
            ?? throw new InvalidDataException("empty catalog");
        var instruments = new List<Instrument>();
        foreach (var i in file.Instruments ?? [])
        {
            if (string.IsNullOrWhiteSpace(i.Code)) throw new InvalidDataException("an instrument has no code");
            if (i.Items is not { Count: > 0 }) throw new InvalidDataException($"instrument {i.Code} has no items");
            if (i.ItemMax <= i.ItemMin) throw new InvalidDataException($"instrument {i.Code}: itemMax must exceed itemMin");
            var reverse = new HashSet<string>(i.ReverseItems ?? [], StringComparer.Ordinal);
            if (reverse.FirstOrDefault(r => !i.Items.Contains(r)) is { } stray)
                throw new InvalidDataException($"instrument {i.Code}: reverse item {stray} is not one of its items");
            if (i.Reliability is <= 0 or >= 1) throw new InvalidDataException($"instrument {i.Code}: reliability must be in (0, 1)");
            if (i.ReferenceSd <= 0) throw new InvalidDataException($"instrument {i.Code}: referenceSd must be positive");
            var method = i.Scoring?.ToLowerInvariant() switch
            {
                "sum" => ScoreMethod.Sum,
                "mean" => ScoreMethod.Mean,
                _ => throw new InvalidDataException($"instrument {i.Code}: scoring must be 'sum' or 'mean'"),
            };
            var higher = i.Better?.ToLowerInvariant() switch
            {
                "higher" => true,
                "lower" => false,
                _ => throw new InvalidDataException($"instrument {i.Code}: better must be 'higher' or 'lower'"),
            };
            instruments.Add(new Instrument(i.Code, i.Construct ?? i.Code, i.Items, i.ItemMin, i.ItemMax, reverse, method,
                higher, i.Reliability, i.ReferenceSd, i.ClinicalCutoff, i.AllianceAlertBelow));
        }
        if (instruments.Count == 0) throw new InvalidDataException("the catalog has no instruments");
        return new Catalog(instruments, file.PresentingConcerns ?? [], file.Approaches ?? []);
    }

    private sealed class CatalogFile
    {
        public List<InstrumentFile>? Instruments { get; set; }
        public List<string>? PresentingConcerns { get; set; }
        public List<string>? Approaches { get; set; }
    }

    private sealed class InstrumentFile
    {
        public string Code { get; set; } = "";
        public string? Construct { get; set; }
        public List<string> Items { get; set; } = [];
        public int ItemMin { get; set; }
        public int ItemMax { get; set; }
        public List<string>? ReverseItems { get; set; }
        public string? Scoring { get; set; }
        public string? Better { get; set; }
        public double Reliability { get; set; }
        public double ReferenceSd { get; set; }
        public double? ClinicalCutoff { get; set; }
        public double? AllianceAlertBelow { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }
}
