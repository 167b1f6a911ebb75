using OutcomesLab.Jobs.Web;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

public class ListenAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.1.2.3:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://LOCALHOST:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("https://127.0.0.1:0", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://outcomes.example.org", false)]
    [InlineData("http://localhost.example.org:5080", false)]
    [InlineData("not a url", false)]
    public void IsLoopback(string url, bool loopback) => Assert.Equal(loopback, ListenAddresses.IsLoopback(url));

    [Fact]
    public void Serve_RefusesToListenBeyondLoopback_WithoutUsers_NamingTheAddress()
    {
        var e = Assert.Throws<SettingsException>(() => ServeHost.CheckExposure(["http://127.0.0.1:5080", "http://0.0.0.0:5080"], new OutcomesLabSettings()));
        Assert.StartsWith("serve refuses to listen on http://0.0.0.0:5080 without users: configure OutcomesLab:Users", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Serve_ListensBeyondLoopback_OnceUsersExist_AndOnLoopbackWithoutThem()
    {
        ServeHost.CheckExposure(["http://127.0.0.1:5080", "http://[::1]:5080"], new OutcomesLabSettings());
        ServeHost.CheckExposure(["http://0.0.0.0:5080"], new OutcomesLabSettings { Users = [new UserSettings { Name = "a", Role = Roles.Admin, PasswordHash = "x" }] });
    }
}
