namespace OutcomesLab.Reporting.Report;

/// <summary>The report's inline stylesheet: no external fonts, scripts or CDN, so the folder works offline.</summary>
internal static class ReportStyles
{
    public const string Css = """
        :root { --ink: #1d1d1d; --muted: #595959; --rule: #d6d6d6; --improved: #0072B2; --deteriorated: #D55E00; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: var(--ink); background: #fff; }
        header.report, main, footer { max-width: 1480px; margin: 0 auto; padding: 0 24px; }
        header.report { padding-top: 24px; border-bottom: 3px solid var(--ink); }
        h1 { font-size: 1.9rem; margin: 0 0 4px; }
        h2 { font-size: 1.5rem; margin: 40px 0 8px; padding-top: 12px; border-top: 1px solid var(--rule); }
        h3 { font-size: 1.15rem; margin: 28px 0 6px; }
        .meta { color: var(--muted); margin: 0 0 12px; }
        nav.contents { margin: 12px 0 16px; }
        nav.contents ol { columns: 3; margin: 4px 0; padding-left: 1.4em; }
        .lead { font-size: 1.05rem; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 16px; margin: 12px 0; }
        .charts.wide { max-width: 1240px; }
        .charts.wide { grid-template-columns: 1fr; }
        figure { margin: 0; }
        figure img { width: 100%; height: auto; border: 1px solid var(--rule); background: #fff; }
        figcaption { font-size: 0.85rem; color: var(--muted); }
        ul.findings { padding-left: 1.2em; }
        ul.findings li { margin: 4px 0; }
        p.empty { color: var(--muted); font-style: italic; }
        details { margin: 8px 0 16px; }
        summary { cursor: pointer; color: var(--muted); }
        table.figures { border-collapse: collapse; font-size: 0.85rem; margin: 8px 0; width: 100%; }
        table.figures caption { text-align: left; font-weight: bold; padding: 4px 0; }
        table.figures th, table.figures td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: right; vertical-align: top; }
        table.figures th[scope=row], table.figures td:nth-child(2) { text-align: left; }
        table.figures thead th { text-align: left; border-bottom: 2px solid var(--ink); }
        table.figures tr.rollup { font-weight: bold; background: #f4f4f4; }
        td.suppressed { color: var(--muted); background: repeating-linear-gradient(135deg, #f1f1f1 0 6px, #e6e6e6 6px 12px); }
        td.na { color: var(--muted); }
        dl dt { font-weight: bold; margin-top: 8px; }
        dl dd { margin: 2px 0 0 1.2em; }
        .note { color: var(--muted); font-size: 0.9rem; }
        footer { color: var(--muted); font-size: 0.85rem; padding-top: 24px; padding-bottom: 40px; }
        @media print { .charts { grid-template-columns: 1fr; } details { display: block; } h2 { break-before: page; } }
        """;
}
