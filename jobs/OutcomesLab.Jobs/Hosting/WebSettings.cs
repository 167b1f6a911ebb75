namespace OutcomesLab.Jobs.Hosting;

/// <summary>Section <c>OutcomesLab:Web</c>: where <c>serve</c> listens (overridden by <c>--urls</c>).</summary>
public sealed class WebSettings
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>One or more URLs separated by ';'. Loopback only unless users are configured.</summary>
    public string Urls { get; set; } = DefaultUrls;
}
