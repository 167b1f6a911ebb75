using OutcomesLab.Jobs.Web;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

public class AllowedHostNamesTests
{
    [Fact]
    public void ALoopbackListen_AllowsTheLoopbackNamesAndTheConfiguredOnes_Only()
    {
        var hosts = AllowedHostNames.For(["http://127.0.0.1:5080"], new WebSettings { AllowedHosts = ["outcomes.example.org"] });
        Assert.Equal(["127.0.0.1", "[::1]", "localhost", "outcomes.example.org"], hosts.Order(StringComparer.Ordinal));
        Assert.False(AllowedHostNames.AnyWildcard(["http://127.0.0.1:5080", "http://outcomes.internal:5080"]));
    }

    [Fact]
    public void ANamedListen_AllowsThatName()
    {
        Assert.Contains("outcomes.internal", AllowedHostNames.For(["https://outcomes.internal:5443"], new WebSettings()));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    public void AWildcardListen_AllowsThisMachinesNameAndAddresses_NotAnyHost(string url)
    {
        var hosts = AllowedHostNames.For([url], new WebSettings());
        Assert.True(AllowedHostNames.AnyWildcard([url]));
        Assert.Contains(Environment.MachineName, hosts);
        Assert.DoesNotContain("*", hosts);
        Assert.DoesNotContain("0.0.0.0", hosts);
    }
}
