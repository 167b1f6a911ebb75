using OutcomesLab.Domain;
using Xunit;

namespace OutcomesLab.Reporting.Tests;

public sealed class TestCatalogTests
{
    [Fact]
    public void The_in_memory_catalog_of_these_tests_matches_the_embedded_default()
    {
        var embedded = Catalog.Default;
        Assert.Equal(embedded.PresentingConcerns, TestCatalog.Default.PresentingConcerns);
        Assert.Equal(embedded.Approaches, TestCatalog.Default.Approaches);
        Assert.Equal(embedded.Fingerprint(), TestCatalog.Default.Fingerprint());
        foreach (var (code, expected) in embedded.Instruments)
        {
            var actual = TestCatalog.Instrument(code);
            Assert.Equal((expected.Construct, expected.HigherIsBetter, expected.Reliability, expected.ReferenceSd, expected.ClinicalCutoff, expected.AllianceAlertBelow),
                (actual.Construct, actual.HigherIsBetter, actual.Reliability, actual.ReferenceSd, actual.ClinicalCutoff, actual.AllianceAlertBelow));
        }
    }
}
