using Microsoft.AspNetCore.Components;

namespace OutcomesLab.Presentation.Pages;

/// <summary>
/// The only place markup is written without encoding. Each member takes markup the code itself
/// wrote from constants, never a value that came from data.
/// </summary>
public static class TrustedMarkup
{
    /// <summary>A page's stylesheet, a compile-time constant: encoding would turn its quotes into entities.</summary>
    public static MarkupString StyleSheet(string css) => new(css);
}
