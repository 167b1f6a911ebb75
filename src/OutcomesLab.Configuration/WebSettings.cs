namespace OutcomesLab.Configuration;

/// <summary>Section <c>OutcomesLab:Web</c>: where <c>serve</c> listens (overridden by <c>--urls</c>) and what it trusts.</summary>
public sealed class WebSettings
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>One or more URLs separated by ';'. Loopback only unless users are configured.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>
    /// Host names accepted in the Host header besides the names in <see cref="Urls"/> and the loopback
    /// names (the public name a reverse proxy forwards, for example). Any other Host gets 400.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Reverse proxies (addresses or CIDR networks) whose X-Forwarded-For and X-Forwarded-Proto are
    /// believed; from anyone else those headers are ignored. Empty: none.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// serve's own state: the data-protection key ring that signs cookies and form tokens, and the
    /// open sign-in sessions. Empty means beside a SQLite store (<c>outcomeslab.db</c> →
    /// <c>outcomeslab.serve/</c>), or <c>serve/</c> under OutcomesLab:Output for PostgreSQL.
    /// </summary>
    public string? StateFolder { get; set; }
}
