using System.Globalization;
using System.Text;

namespace OutcomesLab.Export.Packaging;

/// <summary>README.md for the researcher who receives the export: what is in it, what was done to it, and the rules that come with it.</summary>
public static class RecipientReadme
{
    public static string Write(ExportManifest m)
    {
        var d = m.Disclosure;
        var s = new StringBuilder();
        void Line(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));

        Line($"# OutcomesLab research export {m.ExportId}");
        s.AppendLine();
        Line($"Created {m.CreatedAt} for: {m.Purpose}");
        s.AppendLine();
        s.AppendLine("De-identified outcome data of a sex-therapy / psychotherapy practice: questionnaire scores at the start and end of");
        s.AppendLine("episodes of care, by presenting concern and treatment approach. Special-category health data, even de-identified.");
        s.AppendLine();
        s.AppendLine("## Files");
        s.AppendLine();
        s.AppendLine("| file | rows | SHA-256 |");
        s.AppendLine("|---|---|---|");
        foreach (var f in m.Files)
            Line($"| `{f.Name}` | {(f.Rows is { } r ? r.ToString(CultureInfo.InvariantCulture) : "")} | `{f.Sha256}` |");
        s.AppendLine("| `manifest.json` | | (its own hash is in the custodian's export log) |");
        s.AppendLine();
        s.AppendLine("- `episodes.csv` / `episodes.parquet`: one row per episode × instrument — baseline, final, change, reliable change, recovery.");
        if (m.Parameters.Items)
            s.AppendLine("- `items.csv` / `items.parquet`: every item answer in long form, joined to episodes by `episode_ref`.");
        s.AppendLine("- `codebook.md` / `codebook.json`: every column (type, allowed values, meaning) and each instrument's scoring rules.");
        s.AppendLine("- `manifest.json`: parameters, disclosure figures and file hashes. Check the files with");
        s.AppendLine("  `sha256sum` against it (or the table above) before you analyse them.");
        s.AppendLine();
        s.AppendLine("## What was done to protect the people in it");
        s.AppendLine();
        Line($"- Pseudonyms (`episode_ref`{(m.Parameters.WithTherapist ? ", `therapist_ref`" : "")}) were made with a key created for this export{(m.LinkedWith is null ? "" : $" (reused from export {m.LinkedWith}, at the custodian's request, so the two can be joined)")}: they match nothing in any other export or system.");
        Line($"- k-anonymity with k = {m.Parameters.K} people over the quasi-identifiers {string.Join(", ", d.QuasiIdentifiers.Select(q => $"`{q}`"))}: every combination of their values in the data is shared by at least {d.KAchieved} people.");
        Line($"- Distinct ℓ-diversity with ℓ = {m.Parameters.L} on `presenting_concern`: every such group holds at least {d.LAchieved} different concerns.");
        Line($"- Generalisation: {string.Join("; ", d.Generalisation.Select(kv => $"`{kv.Key}` as {kv.Value}"))}.");
        Line($"- Local suppression: {d.SuppressedEpisodes} episode(s) ({d.SuppressedShare:P2}) had all quasi-identifiers replaced by `*`; {d.WithheldEpisodes} of them were withheld entirely.");
        Line($"- Prosecutor re-identification risk: highest {d.Risk.Highest:0.####}, average {d.Risk.Average:0.####}.");
        Line($"- Across exports: {m.CrossRelease.Guarantee}. Outcome values single out {m.CrossRelease.LinkableShare:P0} of the episodes, so this export was checked as if joined to every earlier one.");
        s.AppendLine("- No date finer than a calendar quarter and no free text is included.");
        s.AppendLine();
        s.AppendLine("## Conditions of use");
        s.AppendLine();
        s.AppendLine("- Do not attempt to identify anyone, and do not link these data with any other data about the same people.");
        Line($"- Publish no figure that rests on fewer than {m.Parameters.MinCell} people (the practice's small-cell rule), and no figure from which such a figure can be worked out by subtraction.");
        s.AppendLine("- Keep the files on secure, access-controlled storage; delete them when the stated purpose is done.");
        s.AppendLine("- Report anything that looks like an identifier to the data custodian at once.");
        s.AppendLine();
        s.AppendLine("## Getting started");
        s.AppendLine();
        s.AppendLine("The OutcomesLab repository's `notebooks/` folder has C# notebooks (VS Code Polyglot Notebooks, or Jupyter with");
        s.AppendLine(".NET Interactive) that load this folder, reproduce the effect-size table for a presenting concern and chart");
        s.AppendLine("trajectories and reliable change by approach. Set `OUTCOMESLAB_EXPORT` to this folder's path before opening them.");
        return s.ToString();
    }
}
