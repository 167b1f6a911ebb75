using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OutcomesLab.Domain;
using OutcomesLab.Export.Tables;

namespace OutcomesLab.Export.Packaging;

/// <summary>
/// codebook.md and codebook.json: every column of every table (type, allowed values, range, when empty,
/// meaning), the disclosure control applied, and the scoring rules of each instrument from the catalog
/// in force — enough to rescore items.csv or recompute reliable change without OutcomesLab.
/// </summary>
public static class Codebook
{
    public static string TypeName(ColumnType type) => type switch
    {
        ColumnType.Text => "text",
        ColumnType.WholeNumber => "integer",
        ColumnType.Real => "real",
        ColumnType.Boolean => "boolean",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Json(ResearchDataset dataset, Catalog catalog, string exportId)
    {
        var tables = new JsonArray();
        foreach (var table in Tables(dataset))
        {
            var columns = new JsonArray();
            foreach (var c in table.Columns)
            {
                columns.Add(new JsonObject
                {
                    ["name"] = c.Name,
                    ["type"] = TypeName(c.Type),
                    ["meaning"] = c.Meaning,
                    ["allowed_values"] = c.AllowedValues is null ? null : new JsonArray(c.AllowedValues.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                    ["range"] = c.Range,
                    ["empty_when"] = c.Empty,
                });
            }
            tables.Add(new JsonObject
            {
                ["name"] = table.Name,
                ["files"] = new JsonArray(table.Name + ".csv", table.Name + ".parquet"),
                ["description"] = table.Description,
                ["rows"] = table.Rows.Count,
                ["columns"] = columns,
            });
        }
        var instruments = new JsonArray();
        foreach (var i in catalog.Instruments.Values.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            var (min, max) = ScoreRange(i);
            instruments.Add(new JsonObject
            {
                ["code"] = i.Code,
                ["construct"] = i.Construct,
                ["items"] = new JsonArray(i.Items.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
                ["item_min"] = i.ItemMin,
                ["item_max"] = i.ItemMax,
                ["reverse_items"] = new JsonArray(i.ReverseItems.Order(StringComparer.Ordinal).Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
                ["scoring"] = i.Scoring == ScoreMethod.Sum ? "sum" : "mean",
                ["min_answered"] = i.MinAnswered,
                ["score_min"] = min,
                ["score_max"] = max,
                ["higher_is_better"] = i.HigherIsBetter,
                ["reliability"] = i.Reliability,
                ["reference_sd"] = i.ReferenceSd,
                ["s_diff"] = i.SDiff,
                ["clinical_cutoff"] = i.ClinicalCutoff,
                ["alliance_alert_below"] = i.AllianceAlertBelow,
                ["scoring_rule"] = ScoringRule(i),
            });
        }
        var root = new JsonObject
        {
            ["export_id"] = exportId,
            ["tables"] = tables,
            ["instruments"] = instruments,
            ["disclosure_control"] = new JsonObject
            {
                ["quasi_identifiers"] = new JsonArray(dataset.QuasiIdentifiers.Select(q => (JsonNode?)JsonValue.Create(q.Name)).ToArray()),
                ["generalisation"] = new JsonObject(dataset.Generalisation.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))),
                ["hierarchies"] = new JsonObject(dataset.QuasiIdentifiers.Select(q => KeyValuePair.Create(q.Name,
                    (JsonNode?)new JsonArray(q.Hierarchy.LevelNames.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray())))),
                ["suppressed_value"] = "*",
                ["sensitive_attribute"] = "presenting_concern",
            },
        };
        return root.ToJsonString(ExportJson.Options);
    }

    public static string Markdown(ResearchDataset dataset, Catalog catalog, string exportId)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Codebook — research export {exportId}");
        md.AppendLine();
        md.AppendLine("Every column of every table, then the scoring rules of each instrument. The same content is in `codebook.json`.");
        md.AppendLine("CSV: UTF-8, comma-separated, header first, numbers with a `.` decimal point at full precision, booleans `true`/`false`, an empty cell is a missing value.");
        md.AppendLine("A text value that would start with `=`, `+`, `-` or `@` is written with a leading `'` so spreadsheets do not run it as a formula.");
        md.AppendLine();
        md.AppendLine("## Disclosure control");
        md.AppendLine();
        md.AppendLine("Quasi-identifiers and the level each is released at (`*` = suppressed):");
        md.AppendLine();
        md.AppendLine("| quasi-identifier | released as | hierarchy (level 0 → top) |");
        md.AppendLine("|---|---|---|");
        foreach (var q in dataset.QuasiIdentifiers)
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{q.Name}` | {dataset.Generalisation[q.Name]} | {string.Join(" → ", q.Hierarchy.LevelNames)} |");
        md.AppendLine();
        foreach (var table in Tables(dataset))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## {table.Name}.csv / {table.Name}.parquet");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{table.Description} {table.Rows.Count} rows.");
            md.AppendLine();
            md.AppendLine("| column | type | allowed values / range | empty when | meaning |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var c in table.Columns)
            {
                var allowed = c.AllowedValues is { } values ? string.Join(", ", values.Select(v => $"`{v}`")) : c.Range ?? "";
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| `{c.Name}` | {TypeName(c.Type)} | {Cell(allowed)} | {Cell(c.Empty ?? "never")} | {Cell(c.Meaning)} |");
            }
            md.AppendLine();
        }
        md.AppendLine("## Instruments and scoring rules");
        md.AppendLine();
        md.AppendLine("| code | construct | items | item range | reverse-scored | score | better | reliability r | reference SD | S_diff | clinical cut-off |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var i in catalog.Instruments.Values.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            var (min, max) = ScoreRange(i);
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {i.Code} | {i.Construct} | {i.Items[0]}–{i.Items[^1]} ({i.Items.Count}) | {i.ItemMin}–{i.ItemMax} | {(i.ReverseItems.Count == 0 ? "none" : string.Join(", ", i.ReverseItems.Order(StringComparer.Ordinal)))} | {(i.Scoring == ScoreMethod.Sum ? "sum" : "mean")} ({min:0.##}–{max:0.##}) | {(i.HigherIsBetter ? "higher" : "lower")} | {i.Reliability:0.###} | {i.ReferenceSd:0.###} | {i.SDiff:0.###} | {(i.ClinicalCutoff is { } cut ? cut.ToString("0.##", CultureInfo.InvariantCulture) : "none")} |");
        }
        md.AppendLine();
        foreach (var i in catalog.Instruments.Values.OrderBy(i => i.Code, StringComparer.Ordinal))
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{i.Code}**: {ScoringRule(i)}");
        md.AppendLine();
        md.AppendLine("General rules: a reverse-scored item's value v becomes `min + max − v` before scoring; an administration is valid when at least `ceil(0.8 × item count)` items are answered; `sum` = mean of the answered (reversed) items × item count (prorated, not rounded), `mean` = mean of the answered (reversed) items; the clinical range is strictly worse than the cut-off.");
        return md.ToString();
    }

    private static IEnumerable<ExportTable> Tables(ResearchDataset d) => d.Items is null ? [d.Episodes] : [d.Episodes, d.Items];

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static (double Min, double Max) ScoreRange(Instrument i) => i.Scoring == ScoreMethod.Sum
        ? (i.ItemMin * i.Items.Count, i.ItemMax * i.Items.Count)
        : (i.ItemMin, i.ItemMax);

    /// <summary>The instrument's scoring rule in one sentence (docs/contracts/catalog.md, "Scoring rules").</summary>
    public static string ScoringRule(Instrument i)
    {
        var (min, max) = ScoreRange(i);
        var reverse = i.ReverseItems.Count == 0 ? "no reverse-scored items" :
            $"reverse-score {string.Join(", ", i.ReverseItems.Order(StringComparer.Ordinal))} as {i.ItemMin + i.ItemMax} − v";
        var score = i.Scoring == ScoreMethod.Sum
            ? $"score = mean of the answered items × {i.Items.Count} (prorated sum, {min:0.##}–{max:0.##})"
            : $"score = mean of the answered items ({min:0.##}–{max:0.##})";
        var cutoff = i.ClinicalCutoff is { } cut
            ? $"clinical range: {(i.HigherIsBetter ? "below" : "above")} {cut.ToString("0.##", CultureInfo.InvariantCulture)}"
            : "no clinical cut-off (no recovery figures)";
        var alert = i.AllianceAlertBelow is { } a ? $"; alliance alert below {a.ToString("0.##", CultureInfo.InvariantCulture)}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{i.Items.Count} items {i.Items[0]}–{i.Items[^1]} answered {i.ItemMin}–{i.ItemMax}; {reverse}; valid when at least {i.MinAnswered} items are answered; {score}; {(i.HigherIsBetter ? "higher" : "lower")} is better; reliability r = {i.Reliability}, reference SD = {i.ReferenceSd}, S_diff = SD × sqrt(2 × (1 − r)) = {i.SDiff:0.####}; {cutoff}{alert}.");
    }
}
