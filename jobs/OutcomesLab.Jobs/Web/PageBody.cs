using Microsoft.AspNetCore.Components;

namespace OutcomesLab.Jobs.Web;

/// <summary>A page body: one component with its parameters, for <see cref="HtmlPageResult"/>.</summary>
public static class PageBody
{
    public static RenderFragment Of<TComponent>(IReadOnlyDictionary<string, object?>? parameters = null) where TComponent : IComponent => builder =>
    {
        builder.OpenComponent<TComponent>(0);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
            builder.AddComponentParameter(1, name, value);
        builder.CloseComponent();
    };

    /// <summary>A heading and one sentence: the page for something missing or refused.</summary>
    public static RenderFragment Message(string heading, string text) =>
        Of<MessagePage>(new Dictionary<string, object?> { [nameof(MessagePage.Heading)] = heading, [nameof(MessagePage.Text)] = text });
}
