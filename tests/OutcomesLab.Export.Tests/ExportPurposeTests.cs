using OutcomesLab.TestSupport;
using Xunit;
using OutcomesLab.Privacy;

namespace OutcomesLab.Export.Tests;

/// <summary>The purpose screen sees identifiers written with look-alike characters, and refuses invisible ones.</summary>
public sealed class ExportPurposeTests
{
    [Theory]
    [InlineData("contact jane\uFF20example.com")]                       // full-width @
    [InlineData("contact jane\uFE6Bexample.com")]                       // small commercial at
    [InlineData("\uFF4A\uFF41\uFF4E\uFF45\uFF20\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E\uFF43\uFF4F\uFF4D")]  // all full-width
    [InlineData("jane@ex\u0430mple.com")]                               // Cyrillic a in the domain
    [InlineData("write to jane [at] example [dot] com")]
    [InlineData("jane (at) example.com")]
    [InlineData("NHS \uFF19\uFF14\uFF13 \uFF14\uFF17\uFF16 \uFF15\uFF19\uFF11\uFF19")]  // full-width digits
    [InlineData("NHS \u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669")]    // Arabic-Indic digits
    [InlineData("\U0001D423\U0001D41A\U0001D427\U0001D41E@example.com")]                // mathematical bold letters
    public void A_look_alike_identifier_is_refused(string purpose)
    {
        var problem = ExportPurpose.Problem(purpose, IdentifierDetectors.Detect);
        Assert.NotNull(problem);
        Assert.Contains("identifier", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jane\u200B@example.com")]      // zero-width space before the @
    [InlineData("jane@ex\u00ADample.com")]      // soft hyphen
    [InlineData("study \u202Emoc.elpmaxe@enaj")] // right-to-left override
    public void Invisible_formatting_characters_are_refused(string purpose)
    {
        var problem = ExportPurpose.Problem(purpose, IdentifierDetectors.Detect);
        Assert.NotNull(problem);
        Assert.Contains("invisible", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sensate focus vs CBT for low desire, outcomes at six months")]
    [InlineData("Effect of couple format on satisfaction (DPIA approved)")]
    [InlineData("Ｑuarterly review of reliable change")]
    public void An_ordinary_purpose_passes(string purpose) => Assert.Null(ExportPurpose.Problem(purpose, IdentifierDetectors.Detect));

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task The_cli_refuses_a_full_width_at_without_echoing_it()
    {
        using var folder = new TempFolder();
        var result = await CliProcess.RunAsync(folder.Path, "export", "--store", folder.File("s.db"), "--out", folder.File("x"),
            "--purpose", "send to jane\uFF20example.com");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("identifier", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("x")));
    }
}
