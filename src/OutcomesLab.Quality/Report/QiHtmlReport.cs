using System.Globalization;
using System.Net;
using System.Text;
using OutcomesLab.Domain;
using OutcomesLab.Quality.CaseMix;
using OutcomesLab.Quality.Comparison;
using OutcomesLab.Quality.Funnel;
using OutcomesLab.Quality.Modeling;
using OutcomesLab.Quality.Tracking;

namespace OutcomesLab.Quality.Report;

/// <summary>
/// The supervisors' QI report as one self-contained HTML page: no script, no external style or
/// font, images from the neighbouring charts/ folder, every data-derived string HTML-escaped.
/// </summary>
public static class QiHtmlReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(QiResult r, QiReportContext context, IReadOnlyDictionary<string, string> charts)
    {
        var h = new StringBuilder();
        var period = r.Options.Period is { } p ? $"intake in {p}" : "every intake quarter";
        h.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .Append("<title>OutcomesLab: quality-improvement report</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        h.Append("<h1>Quality-improvement report</h1>\n");
        h.Append("<p class=\"meta\">Generated ").Append(E(context.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", Inv)))
         .Append(" · comparisons: ").Append(E(period))
         .Append(" (").Append(r.EpisodesInPeriod.ToString(Inv)).Append(" of ").Append(r.EpisodesTotal.ToString(Inv)).Append(" episodes)")
         .Append(" · min_cell ").Append(r.Options.MinCell.ToString(Inv))
         .Append(context.AggregateRunId is { } run ? $" · models saved with aggregate run {run.ToString(Inv)}" : "")
         .Append("</p>\n");
        h.Append("<p class=\"meta\">De-identified data only: therapists and sites by their codes, episodes by stored pseudonyms (alerts only). ")
         .Append("Any figure resting on fewer than min_cell people is pooled or suppressed (—).</p>\n");
        h.Append("<nav><a href=\"#findings\">Key findings</a> · <a href=\"#outcomes\">Outcomes by therapist and site</a> · <a href=\"#engagement\">Dropout and alliance</a> · ")
         .Append("<a href=\"#casemix\">Case-mix adjusted comparison</a> · <a href=\"#alerts\">Alerts</a> · <a href=\"#methods\">Methods</a></nav>\n");

        Findings(h, r);
        Outcomes(h, r, charts);
        Engagement(h, r);
        CaseMix(h, r, charts);
        Alerts(h, r);
        Methods(h, r);
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    private static void Findings(StringBuilder h, QiResult r)
    {
        h.Append("<section id=\"findings\">\n<h2>Key findings</h2>\n<ul>\n");
        foreach (var c in r.Therapists.Concat(r.Sites))
        {
            var outside = c.Rows.Where(x => x.Position != FunnelPosition.Within).ToList();
            if (outside.Count > 0)
                h.Append("<li>").Append(E(c.Instrument)).Append(", ").Append(E(c.UnitKind)).Append("s outside the funnel limits: ")
                 .Append(string.Join("; ", outside.Select(x => E(Describe(x))))).Append(".</li>\n");
        }
        if (!r.Therapists.Concat(r.Sites).Any(c => c.Rows.Any(x => x.Position != FunnelPosition.Within)))
            h.Append("<li>Every shown therapist and site lies within the 95% funnel limits of % reliably improved.</li>\n");
        foreach (var t in new[] { r.CaseMix.Therapists, r.CaseMix.Approaches })
        {
            var better = t.Rows.Where(x => x.BetterThanExpected).Select(x => x.Group).ToList();
            var worse = t.Rows.Where(x => x.WorseThanExpected).Select(x => x.Group).ToList();
            if (better.Count + worse.Count == 0) continue;
            h.Append("<li>Case-mix adjusted, by ").Append(E(t.GroupKind)).Append(": ");
            if (better.Count > 0) h.Append("better than expected (95% CI above 0): ").Append(E(string.Join(", ", better)));
            if (better.Count > 0 && worse.Count > 0) h.Append("; ");
            if (worse.Count > 0) h.Append("worse than expected (95% CI below 0): ").Append(E(string.Join(", ", worse)));
            h.Append(".</li>\n");
        }
        if (r.CaseMix.NotFitted is { } why) h.Append("<li>Case-mix model ").Append(E(why)).Append(".</li>\n");
        // Counts only over at least min_cell active episodes: the page derives no figure from alerts for a small unit.
        if (r.AlertsPractice is { } alerts)
            h.Append("<li>").Append(alerts.EpisodesWithAlert.ToString(Inv)).Append(" of ").Append(alerts.ActiveEpisodes.ToString(Inv))
             .Append(" active episodes with an alert (")
             .Append(E(string.Join(", ", $"{alerts.NotOnTrack.ToString(Inv)} {AlertReason.NotOnTrack}", $"{alerts.AllianceLow.ToString(Inv)} {AlertReason.AllianceLow}", $"{alerts.AllianceDrop.ToString(Inv)} {AlertReason.AllianceDrop}")))
             .Append("): see <a href=\"alerts.csv\">alerts.csv</a>.</li>\n");
        else
            h.Append("<li>Fewer than min_cell active episodes: the work list is <a href=\"alerts.csv\">alerts.csv</a>.</li>\n");
        h.Append("</ul>\n</section>\n");
    }

    private static string Describe(UnitRow x) => x.Position switch
    {
        FunnelPosition.Above998 => $"{x.Unit} above 99.8% ({Pct(x.PctReliablyImproved)} of {x.Paired})",
        FunnelPosition.Above95 => $"{x.Unit} above 95% ({Pct(x.PctReliablyImproved)} of {x.Paired})",
        FunnelPosition.Below95 => $"{x.Unit} below 95% ({Pct(x.PctReliablyImproved)} of {x.Paired})",
        FunnelPosition.Below998 => $"{x.Unit} below 99.8% ({Pct(x.PctReliablyImproved)} of {x.Paired})",
        _ => $"{x.Unit} within limits",
    };

    private static void Outcomes(StringBuilder h, QiResult r, IReadOnlyDictionary<string, string> charts)
    {
        h.Append("<section id=\"outcomes\">\n<h2>Outcomes by therapist and site</h2>\n");
        h.Append("<p>One set of tables per outcome instrument (").Append(E(string.Join(", ", r.Therapists.Select(c => c.Instrument))))
         .Append("); dropout and alliance, which do not depend on the instrument, follow in one table per therapist and site. ")
         .Append("Funnel plots: % reliably improved against paired episodes, with 95% and 99.8% exact binomial limits around the practice rate.</p>\n");
        if (r.Therapists.Count == 0)
            h.Append("<p class=\"note\">No valid administration of an outcome instrument in the period: nothing to compare.</p>\n");
        foreach (var instrument in r.Therapists.Select(c => c.Instrument))
        {
            var info = r.Roles.Outcomes.First(i => i.Code == instrument);
            h.Append("<h3>").Append(E(info.Code)).Append(" — ").Append(E(info.Construct))
             .Append(info.HigherIsBetter ? " (higher is better)" : " (lower is better)").Append("</h3>\n");
            foreach (var c in new[] { r.Therapists.First(x => x.Instrument == instrument), r.Sites.First(x => x.Instrument == instrument) })
            {
                h.Append("<h4>By ").Append(E(c.UnitKind)).Append("</h4>\n");
                if (!c.PracticeShown)
                {
                    h.Append("<p class=\"note\">Fewer than min_cell paired episodes in the period: nothing shown.</p>\n");
                    continue;
                }
                h.Append("<table>\n<thead><tr><th>").Append(E(c.UnitKind)).Append("</th><th>episodes</th><th>paired</th><th>reliably improved</th>")
                 .Append("<th>% reliably improved</th><th>funnel</th></tr></thead>\n<tbody>\n");
                foreach (var row in c.Rows.Append(c.Practice)) UnitRowHtml(h, row);
                h.Append("</tbody>\n</table>\n");
                if (c.UnitsPooled > 0)
                    h.Append("<p class=\"note\">\"other\" pools ").Append(c.UnitsPooled.ToString(Inv)).Append(' ').Append(E(c.UnitKind))
                     .Append("s: those with fewer than min_cell paired episodes, and any more needed so that neither the pool nor a difference of rows (this table, the other table, the total) rests on fewer than min_cell; a pool is not judged against the funnel and not plotted.</p>\n");
                if (charts.TryGetValue(QiReportWriter.Key(c.UnitKind, c.Instrument), out var chart)) Figure(h, chart, $"Funnel plot of % reliably improved on {c.Instrument} by {c.UnitKind}");
                var outside = c.Rows.Where(x => x.Position != FunnelPosition.Within).ToList();
                h.Append("<p>").Append(outside.Count == 0
                        ? $"Every shown {E(c.UnitKind)} lies within the 95% limits around the practice rate of {Pct(100 * c.PracticeRate)}."
                        : $"Outside the limits around the practice rate of {Pct(100 * c.PracticeRate)}: {string.Join("; ", outside.Select(x => E(Describe(x))))}.")
                 .Append("</p>\n");
            }
        }
        h.Append("</section>\n");
    }

    private static void UnitRowHtml(StringBuilder h, UnitRow row)
    {
        var cls = row.Unit == UnitComparer.Practice ? " class=\"total\"" : row.Position is FunnelPosition.Within ? "" : " class=\"flag\"";
        h.Append("<tr").Append(cls).Append("><td>").Append(E(row.Unit))
         .Append(row.UnitsInRow > 1 ? $" <span class=\"dim\">({row.UnitsInRow.ToString(Inv)})</span>" : "").Append("</td>")
         .Append(Num(row.Episodes)).Append(Num(row.Paired)).Append(Num(row.ReliablyImproved))
         .Append("<td>").Append(Pct(row.PctReliablyImproved)).Append("</td>")
         .Append("<td>").Append(row.Unit == UnitComparer.Practice ? "target" : row.Unit == SmallUnitPooling.Other ? "pool" : E(Position(row.Position))).Append("</td></tr>\n");
    }

    private static void Engagement(StringBuilder h, QiResult r)
    {
        var alliance = r.Roles.Alliance?.Code ?? "alliance";
        h.Append("<section id=\"engagement\">\n<h2>Dropout and alliance by therapist and site</h2>\n");
        h.Append("<p>Every episode with intake in the period, whatever instruments it used. % dropout: of the episodes that have ended; mean alliance: of each episode's latest ")
         .Append(E(alliance)).Append(" score.</p>\n");
        foreach (var t in new[] { r.EngagementByTherapist, r.EngagementBySite })
        {
            h.Append("<h3>By ").Append(E(t.UnitKind)).Append("</h3>\n");
            if (!t.PracticeShown || t.Rows.Count == 0)
            {
                h.Append("<p class=\"note\">Fewer than min_cell episodes (or ended episodes) in the period: nothing shown.</p>\n");
                continue;
            }
            h.Append("<table>\n<thead><tr><th>").Append(E(t.UnitKind)).Append("</th><th>episodes</th><th>ended</th><th>% dropout</th>");
            if (t.AllianceShown) h.Append("<th>with ").Append(E(alliance)).Append("</th><th>mean alliance (").Append(E(alliance)).Append(")</th>");
            h.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in t.Rows.Append(t.Practice))
            {
                h.Append(row.Unit == UnitComparer.Practice ? "<tr class=\"total\">" : "<tr>").Append("<td>").Append(E(row.Unit))
                 .Append(row.UnitsInRow > 1 ? $" <span class=\"dim\">({row.UnitsInRow.ToString(Inv)})</span>" : "").Append("</td>")
                 .Append(Num(row.Episodes)).Append(Num(row.Ended)).Append("<td>").Append(Pct(row.PctDropout)).Append("</td>");
                if (t.AllianceShown)
                    h.Append(Num(row.AllianceEpisodes)).Append("<td>").Append(row.MeanAlliance is { } m ? m.ToString("F2", Inv) : "—").Append("</td>");
                h.Append("</tr>\n");
            }
            h.Append("</tbody>\n</table>\n");
            if (t.UnitsPooled > 0)
                h.Append("<p class=\"note\">\"other\" pools ").Append(t.UnitsPooled.ToString(Inv)).Append(' ').Append(E(t.UnitKind))
                 .Append("s: those with fewer than min_cell episodes, ended episodes or alliance scores, and any more needed so that no difference of rows rests on fewer than min_cell.</p>\n");
            if (!t.AllianceShown && r.Roles.Alliance is not null)
                h.Append("<p class=\"note\">Fewer than min_cell episodes with a ").Append(E(alliance)).Append(" score in the period: no mean alliance (")
                 .Append(E(alliance)).Append(") column.</p>\n");
        }
        h.Append("</section>\n");
    }

    private static string Position(FunnelPosition p) => p switch
    {
        FunnelPosition.Above998 => "above 99.8%",
        FunnelPosition.Above95 => "above 95%",
        FunnelPosition.Below95 => "below 95%",
        FunnelPosition.Below998 => "below 99.8%",
        _ => "within",
    };

    private static void CaseMix(StringBuilder h, QiResult r, IReadOnlyDictionary<string, string> charts)
    {
        var cm = r.CaseMix;
        h.Append("<section id=\"casemix\">\n<h2>Case-mix adjusted comparison</h2>\n");
        if (cm.Quality is not { } q)
        {
            h.Append("<p class=\"note\">The case-mix model was ").Append(E(cm.NotFitted ?? "not fitted")).Append(".</p>\n</section>\n");
            return;
        }
        h.Append("<p>Expected change comes from a model of what clients bring (baseline score, presenting concern, age band, gender identity, format, instrument), ")
         .Append("not of who treated them or how. Observed − expected &gt; 0: clients improved more than clients like them usually do. ")
         .Append("Units: reliable-change units (change ÷ S_diff; 1.96 is a reliable change). Completed paired episodes with ")
         .Append(E(r.Options.Period is { } p ? $"intake in {p}" : "any intake quarter")).Append(".</p>\n");
        h.Append("<p class=\"quality\">Model quality (").Append(q.Folds.ToString(Inv)).Append("-fold cross-validation grouped by episode/couple, ")
         .Append(q.Rows.ToString(Inv)).Append(" episode × instrument rows from ").Append(cm.TrainingEpisodes.ToString(Inv)).Append(" completed paired episodes): ")
         .Append("R² = ").Append(q.RSquared.ToString("F3", Inv)).Append(" (SD across folds ").Append(q.RSquaredSd.ToString("F3", Inv)).Append("), ")
         .Append("MAE = ").Append(q.MeanAbsoluteError.ToString("F3", Inv)).Append(' ').Append(E(q.Unit)).Append(" (SD ").Append(q.MeanAbsoluteErrorSd.ToString("F3", Inv)).Append("), ")
         .Append("RMSE = ").Append(q.RootMeanSquaredError.ToString("F3", Inv)).Append(".</p>\n");
        foreach (var t in new[] { cm.Therapists, cm.Approaches })
        {
            h.Append("<h3>By ").Append(E(t.GroupKind)).Append("</h3>\n");
            if (t.Rows.Count == 0)
            {
                h.Append("<p class=\"note\">Fewer than min_cell completed paired episodes in the period: nothing shown.</p>\n");
                continue;
            }
            h.Append("<table>\n<thead><tr><th>").Append(E(t.GroupKind)).Append("</th><th>episodes</th><th>observed</th><th>expected</th>")
             .Append("<th>observed − expected</th><th>95% CI</th><th></th></tr></thead>\n<tbody>\n");
            foreach (var row in t.Rows.OrderByDescending(x => x.Difference).Append(t.Practice).OfType<ObservedExpectedRow>())
            {
                var verdict = row.BetterThanExpected ? "better than expected" : row.WorseThanExpected ? "worse than expected" : "";
                h.Append(row.Group == "practice" ? "<tr class=\"total\">" : verdict.Length > 0 ? "<tr class=\"flag\">" : "<tr>")
                 .Append("<td>").Append(E(row.Group)).Append(row.UnitsInRow > 1 ? $" <span class=\"dim\">({row.UnitsInRow.ToString(Inv)})</span>" : "").Append("</td>")
                 .Append(Num(row.Episodes))
                 .Append("<td>").Append(row.Observed.ToString("F2", Inv)).Append("</td><td>").Append(row.Expected.ToString("F2", Inv)).Append("</td>")
                 .Append("<td>").Append(Signed(row.Difference)).Append("</td>")
                 .Append("<td>").Append(row.CiLow is { } lo && row.CiHigh is { } hi ? $"{Signed(lo)} to {Signed(hi)}" : "—").Append("</td>")
                 .Append("<td>").Append(E(verdict)).Append("</td></tr>\n");
            }
            h.Append("</tbody>\n</table>\n");
            h.Append("<p class=\"note\">With ").Append(t.Rows.Count.ToString(Inv)).Append(" rows, about ")
             .Append((0.05 * t.Rows.Count).ToString("F1", Inv))
             .Append(" would have a 95% CI that excludes 0 by chance alone: a flag is a prompt for a supervision conversation, not a verdict.</p>\n");
            if (t.GroupsPooled > 0)
                h.Append("<p class=\"note\">\"other\" pools ").Append(t.GroupsPooled.ToString(Inv)).Append(' ').Append(E(t.GroupKind)).Append("s with fewer than min_cell episodes.</p>\n");
            if (charts.TryGetValue(QiReportWriter.Key("oe", t.GroupKind), out var chart)) Figure(h, chart, $"Observed minus expected change by {t.GroupKind} with 95% confidence intervals");
        }
        h.Append("</section>\n");
    }

    private static void Alerts(StringBuilder h, QiResult r)
    {
        h.Append("<section id=\"alerts\">\n<h2>Alerts for active episodes</h2>\n");
        h.Append("<p>The work list is <a href=\"alerts.csv\">alerts.csv</a> (one row per episode, instrument and reason; episodes by stored pseudonym). ")
         .Append("It covers every episode that is ongoing now, whatever its intake quarter.</p>\n");
        h.Append("<h3>Expected trajectories</h3>\n<table>\n<thead><tr><th>instrument</th><th>training episodes</th><th>CV R²</th><th>CV MAE (score points)</th>")
         .Append("<th>bound: ").Append(E(Pct(100 * r.Options.BoundQuantile))).Append(" quantile of residuals by session band</th><th>share below bound, held-out half</th></tr></thead>\n<tbody>\n");
        foreach (var t in r.Trajectories)
        {
            h.Append("<tr><td>").Append(E(t.Instrument)).Append("</td>").Append(Num(t.TrainingEpisodes));
            if (t.Quality is not { } q)
            {
                h.Append("<td colspan=\"4\">").Append(E(t.NotFitted ?? "not fitted")).Append(" — no not-on-track alerts for this instrument</td></tr>\n");
                continue;
            }
            h.Append("<td>").Append(q.RSquared.ToString("F3", Inv)).Append("</td><td>").Append(q.MeanAbsoluteError.ToString("F2", Inv)).Append("</td><td>")
             .Append(E(string.Join("; ", t.Bands.Select(b => $"sessions {b.Band}: {Signed(b.Quantile)}{(b.OwnQuantile ? "" : " (all sessions)")}"))))
             .Append("</td><td>").Append(Pct(100 * t.HeldOutShareBelow)).Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
        h.Append("<h3>By therapist</h3>\n");
        if (r.AlertsPractice is null)
        {
            h.Append("<p class=\"note\">Fewer than min_cell active episodes: no breakdown shown.</p>\n</section>\n");
            return;
        }
        h.Append("<table>\n<thead><tr><th>therapist</th><th>active episodes</th><th>episodes with an alert</th><th>not on track</th>")
         .Append("<th>alliance low</th><th>alliance drop</th></tr></thead>\n<tbody>\n");
        foreach (var row in r.AlertsByTherapist.Append(r.AlertsPractice))
        {
            h.Append(row.Group == "practice" ? "<tr class=\"total\">" : "<tr>").Append("<td>").Append(E(row.Group))
             .Append(row.UnitsInRow > 1 ? $" <span class=\"dim\">({row.UnitsInRow.ToString(Inv)})</span>" : "").Append("</td>")
             .Append(Num(row.ActiveEpisodes)).Append(Num(row.EpisodesWithAlert)).Append(Num(row.NotOnTrack)).Append(Num(row.AllianceLow)).Append(Num(row.AllianceDrop))
             .Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n<p class=\"note\">Therapists with fewer than min_cell active episodes are pooled as \"other\".</p>\n</section>\n");
    }

    private static void Methods(StringBuilder h, QiResult r)
    {
        var o = r.Options;
        var alliance = r.Roles.Alliance;
        h.Append("<section id=\"methods\">\n<h2>Methods</h2>\n<dl>\n");
        Def(h, "Period", o.Period is { } p
            ? $"The comparisons (tables, funnel plots, observed − expected) use episodes whose intake month falls in {p}. Both models are trained on every completed episode of any intake quarter (steadier models); alerts cover every episode that is ongoing now."
            : "No period was chosen: the comparisons use episodes of every intake quarter. Both models are trained on every completed episode; alerts cover every episode that is ongoing now.");
        Def(h, "Outcome instruments", $"Every catalog instrument except the alliance measure is an outcome ({string.Join(", ", r.Roles.Outcomes.Select(i => i.Code))}), and each has its own tables and funnel plots. No single instrument is made primary: they measure different things ({string.Join(", ", r.Roles.Outcomes.Select(i => i.Construct))}), and a supervisor should see each. The case-mix comparison puts them on one scale (below).");
        Def(h, "Episodes, paired", "Episodes with at least one valid administration of the instrument; paired: with a baseline and a later final administration (shared/spec/metrics.md). Ongoing episodes count with their latest administration as final.");
        Def(h, "% reliably improved", "Of paired episodes, those with RC ≥ 1.96 (Jacobson &amp; Truax 1991): RC = dir × (final − baseline) / S_diff, S_diff = SD_ref × √(2(1 − r)) with the catalog's reference SD and reliability.", raw: true);
        Def(h, "% dropout", "Episodes with intake in the period that ended with end reason \"dropout\", as a percentage of those that have ended (ongoing episodes cannot have dropped out yet).");
        Def(h, "Mean alliance", alliance is null
            ? "The catalog has no alliance instrument."
            : $"For each episode its latest valid {alliance.Code} score ({alliance.ItemMin}–{alliance.ItemMax}); the mean over the row's episodes that have one.");
        Def(h, "Funnel plots", "Control limits around the practice rate (reliably improved ÷ paired over every paired episode of the period): exact binomial limits with Spiegelhalter's interpolation (Spiegelhalter 2005, \"Funnel plots for comparing institutional performance\", Statistics in Medicine 24:1185–1202, appendix A.1.1), at 95% (2.5% and 97.5%) and 99.8% (0.1% and 99.9%), not the normal approximation, which is poor for small n. Outside 95% is a warning, outside 99.8% an alarm; with many units a few fall outside 95% by chance alone.");
        Def(h, "Small cells", $"min_cell = {o.MinCell}. A therapist, site or approach is shown alone only when every denominator its row shows reaches min_cell (outcome tables: episodes and paired episodes; dropout and alliance: episodes, ended episodes and episodes with an alliance score; case-mix: episodes; alerts: active episodes); the rest are pooled as \"other\", and when the pool itself is below min_cell the smallest shown unit joins it. Tables that share their episodes (therapists and sites, therapists and approaches) are then checked together: adding and subtracting any of their rows and the total isolates exactly the cross cells on an edge cut of the therapist × site graph, so the smallest such cut (Stoer–Wagner) must reach min_cell too (e.g. a site minus its one large therapist would reveal the site's small therapists); otherwise one more unit is pooled and the check repeats. Dropout and alliance are computed once per therapist and site, not once per instrument, so rows over different instruments' episodes cannot be subtracted. Alert counts appear only over at least min_cell active episodes; alerts.csv is the per-episode work list.");
        Def(h, "Case-mix model", $"ML.NET FastTree regression ({o.Trees} trees, {o.Leaves} leaves, at least {o.MinExamplesPerLeaf} rows per leaf, learning rate {o.LearningRate.ToString(Inv)}, seed {o.Seed}) trained on completed paired episodes × outcome instrument. Target: direction-adjusted change in reliable-change units, dir × (final − baseline) ÷ S_diff, which puts the instruments on one scale. Features: baseline score, presenting concern, age band, gender identity, format, instrument — never therapist or approach. Quality: {o.Folds}-fold cross-validation (mlContext.Regression.CrossValidate) with folds grouped by couple (or episode), R² and MAE averaged over folds. Each episode's expected change is its out-of-fold prediction (from the fold model that did not see it); its residual is observed − expected averaged over its outcome instruments. Per therapist and approach: mean residual ± 1.96 × SD ÷ √n over episodes (normal approximation; partners in couple work are not independent, so the interval is slightly optimistic). The final model is fitted on all rows and saved with the aggregate run.");
        Def(h, "Expected trajectories", $"Per outcome instrument, a second FastTree regression predicts the score at session s from the baseline score, s, presenting concern and approach, trained on every valid post-baseline administration of completed episodes. The bound is the {Pct(100 * o.BoundQuantile)} quantile (Hyndman–Fan type 7) of the direction-adjusted out-of-fold residuals dir × (observed − expected) in the session band (1–4, 5–8, 9–12, 13+; a band with fewer than {o.MinResidualsPerBand} residuals uses the instrument-wide quantile). So \"below the bound\" always means worse than expected: for a lower-is-better instrument such as DIST the bound lies above the expected score.");
        Def(h, "Alerts", $"For episodes that are ongoing: not_on_track when the latest valid outcome score (after baseline) is worse than its bound (expected_score and lower_bound give the model's expectation and the bound); alliance_low when the latest valid {alliance?.Code ?? "alliance"} score is below {(alliance?.AllianceAlertBelow is { } t ? t.ToString(Inv) : "the catalog threshold")} (lower_bound = the threshold); alliance_drop when it fell by {o.AllianceDrop.ToString(Inv)} or more since the previous valid administration (expected_score = the previous score, lower_bound = previous − {o.AllianceDrop.ToString(Inv)}).");
        h.Append("</dl>\n</section>\n");
    }

    private static void Def(StringBuilder h, string term, string text, bool raw = false) =>
        h.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(raw ? text : E(text)).Append("</dd>\n");

    private static void Figure(StringBuilder h, string chart, string alt) =>
        h.Append("<figure><img src=\"charts/").Append(E(chart)).Append(".png\" alt=\"").Append(E(alt)).Append("\" width=\"900\">")
         .Append("<figcaption><a href=\"charts/").Append(E(chart)).Append(".svg\">SVG</a> · <a href=\"charts/").Append(E(chart)).Append(".png\">PNG</a></figcaption></figure>\n");

    private static string E(string s) => WebUtility.HtmlEncode(s);
    private static string Num(int n) => "<td>" + n.ToString(Inv) + "</td>";
    private static string Pct(double v) => double.IsNaN(v) ? "—" : v.ToString("F1", Inv) + "%";
    private static string Signed(double v)
    {
        var rounded = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0.00" : (rounded > 0 ? "+" : "−") + Math.Abs(rounded).ToString("F2", Inv);
    }

    private const string Style = """
        body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 2rem auto; max-width: 1000px; color: #111; line-height: 1.45; padding: 0 1rem; }
        h1 { margin-bottom: .2rem; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: .2rem; margin-top: 2.5rem; }
        h4 { margin-bottom: .4rem; }
        .meta, .note, .dim { color: #555; } .meta { margin: .2rem 0; font-size: .95rem; }
        nav { margin: 1rem 0; padding: .5rem .8rem; background: #f3f6f9; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
        th, td { border-bottom: 1px solid #ddd; padding: .25rem .6rem; text-align: right; }
        th:first-child, td:first-child { text-align: left; } th { background: #f3f6f9; }
        tr.total td { font-weight: bold; border-top: 2px solid #999; }
        tr.flag td { background: #fff4e0; }
        figure { margin: 1rem 0; } img { max-width: 100%; height: auto; border: 1px solid #eee; }
        .quality { background: #f3f6f9; padding: .5rem .8rem; }
        dt { font-weight: bold; margin-top: .8rem; } dd { margin-left: 1.2rem; }

        """;
}
