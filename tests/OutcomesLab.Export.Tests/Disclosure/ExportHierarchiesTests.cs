using OutcomesLab.Export.Disclosure;
using Xunit;

namespace OutcomesLab.Export.Tests.Disclosure;

public sealed class ExportHierarchiesTests
{
    [Theory]
    [InlineData("16-24", "16-34")]
    [InlineData("25-34", "16-34")]
    [InlineData("45-54", "35-54")]
    [InlineData("65-74", "55-74")]
    [InlineData("75-89", "75+")]
    [InlineData("90+", "75+")]
    public void Age_bands_pair_into_twenty_year_bands_then_star(string band, string twenty)
    {
        Assert.Equal(band, ExportHierarchies.Age.Generalise(band, 0));
        Assert.Equal(twenty, ExportHierarchies.Age.Generalise(band, 1));
        Assert.Equal("*", ExportHierarchies.Age.Generalise(band, 2));
    }

    [Theory]
    [InlineData("nonbinary", "another")]
    [InlineData("another", "another")]
    [InlineData("woman", "woman")]
    [InlineData("undisclosed", "undisclosed")]
    public void Rare_gender_identities_become_another_then_star(string value, string level1)
    {
        Assert.Equal(level1, ExportHierarchies.Gender.Generalise(value, 1));
        Assert.Equal("*", ExportHierarchies.Gender.Generalise(value, 2));
    }

    [Theory]
    [InlineData("asexual", "another")]
    [InlineData("pansexual", "another")]
    [InlineData("queer", "another")]
    [InlineData("gay", "gay")]
    [InlineData("heterosexual", "heterosexual")]
    public void Rare_orientations_become_another_then_star(string value, string level1)
    {
        Assert.Equal(level1, ExportHierarchies.Orientation.Generalise(value, 1));
        Assert.Equal("*", ExportHierarchies.Orientation.Generalise(value, 2));
    }

    [Theory]
    [InlineData("2025-01", "2025-Q1")]
    [InlineData("2025-03", "2025-Q1")]
    [InlineData("2025-04", "2025-Q2")]
    [InlineData("2024-12", "2024-Q4")]
    public void Months_become_quarters_then_years_then_star(string month, string quarter)
    {
        Assert.Equal(quarter, ExportHierarchies.QuarterOf(month));
        Assert.Equal(month[..4], ExportHierarchies.Quarter.Generalise(quarter, 1));
        Assert.Equal("*", ExportHierarchies.Quarter.Generalise(quarter, 2));
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-1")]
    [InlineData("25-01-01")]
    public void A_malformed_month_is_refused(string month) =>
        Assert.Throws<InvalidDataException>(() => ExportHierarchies.QuarterOf(month));

    [Fact]
    public void An_unlisted_age_value_is_never_left_rare() => Assert.Equal("*", ExportHierarchies.Age.Generalise("101", 1));

    [Fact]
    public void Therapist_is_a_quasi_identifier_only_when_asked_for()
    {
        Assert.DoesNotContain(ExportHierarchies.For(false), q => q.Name == ExportHierarchies.Therapist);
        Assert.Equal(ExportHierarchies.Therapist, ExportHierarchies.For(true)[^1].Name);
    }
}
