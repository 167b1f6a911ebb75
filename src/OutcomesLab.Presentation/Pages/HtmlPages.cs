using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace OutcomesLab.Presentation.Pages;

/// <summary>
/// Renders a Razor component to a complete HTML string: the one way the reports and the web UI
/// write markup. Every value a component writes goes through <see cref="Encoder"/>; only a
/// <see cref="MarkupString"/> (see <see cref="TrustedMarkup"/>) is written as it is.
/// </summary>
public static class HtmlPages
{
    /// <summary>
    /// The one HTML encoder: it escapes &lt; &gt; &amp; " ' and + but leaves letters of every script
    /// and typographic marks (— · ≥) as they are, so pages stay readable as source.
    /// </summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var services = new ServiceCollection().AddSingleton(Encoder).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary()));
            return "<!DOCTYPE html>\n" + root.ToHtmlString();
        });
    }

    /// <summary>For the offline report writers, which run synchronously on the CLI's thread.</summary>
    public static string Render<TComponent>(IReadOnlyDictionary<string, object?> parameters) where TComponent : IComponent =>
        RenderAsync<TComponent>(parameters).GetAwaiter().GetResult();
}
