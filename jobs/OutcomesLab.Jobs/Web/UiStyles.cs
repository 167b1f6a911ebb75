namespace OutcomesLab.Jobs.Web;

/// <summary>The web UI's stylesheet, inline in every page: no external files to serve or cache.</summary>
internal static class UiStyles
{
    public const string Css = """
        :root{--ink:#1d2430;--muted:#5b6575;--line:#d9dee6;--accent:#0b5fa5;--bg:#f6f7f9;--ok:#1e7a46;--bad:#a3261b}
        *{box-sizing:border-box}body{margin:0;font:15px/1.5 "DejaVu Sans",system-ui,sans-serif;color:var(--ink);background:var(--bg)}
        header{background:#fff;border-bottom:1px solid var(--line);padding:.6rem 1.5rem;display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
        header .brand{font-weight:700;font-size:1.1rem;color:var(--ink);text-decoration:none}
        nav a{margin-right:1rem;color:var(--accent);text-decoration:none}nav a:hover{text-decoration:underline}
        header .who{margin-left:auto;color:var(--muted)}header form{display:inline}
        button,.button{font:inherit;background:var(--accent);color:#fff;border:0;border-radius:4px;padding:.35rem .9rem;cursor:pointer;text-decoration:none;display:inline-block}
        button.link{background:none;color:var(--accent);padding:0}
        main{max-width:1100px;margin:1.5rem auto;padding:0 1.5rem}
        h1{font-size:1.5rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin:0 0 .5rem}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem;margin-bottom:1.5rem}
        .card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem 1.2rem}
        .muted{color:var(--muted)}table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}
        th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}th{background:#eef1f5;font-weight:600}
        td.n{text-align:right;font-variant-numeric:tabular-nums}.status-done{color:var(--ok)}.status-failed{color:var(--bad)}
        .gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:1rem}
        .gallery figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:.5rem}
        .gallery img{width:100%;height:auto}.gallery figcaption{font-size:.85rem;color:var(--muted)}
        form.login,form.export{background:#fff;border:1px solid var(--line);border-radius:6px;padding:1.2rem;max-width:360px}
        form.export{max-width:640px;margin-bottom:1.5rem}
        form.login label,form.export label{display:block;margin:.6rem 0 .2rem}form.login input,form.export input{width:100%;padding:.4rem;font:inherit}
        form.export input[type=checkbox]{width:auto;margin-right:.4rem}
        .error{color:var(--bad)}
        """;
}
