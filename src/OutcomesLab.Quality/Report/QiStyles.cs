namespace OutcomesLab.Quality.Report;

/// <summary>The QI report's inline stylesheet: no external fonts or files, so the page works offline.</summary>
internal static class QiStyles
{
    public const string Css = """
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
