using Microsoft.Extensions.Configuration;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

public class SettingsTests
{
    private static readonly string GoodHash = "pbkdf2-sha256$600000$AAECAwQFBgcICQoLDA0ODw==$7xdxRO7JQgy8EJPSqLNEqSvFBtDU7JwCjdGfgyTYweY=";

    private static OutcomesLabSettings Bind(Dictionary<string, string?> values) =>
        SettingsLoader.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void Defaults_AreProductionValues()
    {
        var s = Bind([]);
        Assert.Equal("*/15 * * * *", s.Schedules.Pull);
        Assert.Equal("0 2 * * *", s.Schedules.Aggregate);
        Assert.Equal("0 6 * * 1", s.Schedules.QualityReport);
        Assert.Equal(WebSettings.DefaultUrls, s.Web.Urls);
        Assert.Empty(s.Users);
        Assert.Equal(5, s.Jobs.RetryAttempts);
        Assert.Equal(JobSettings.DefaultRetryDelaysSeconds, s.Jobs.EffectiveRetryDelaysSeconds());
        Assert.Equal(15, s.Jobs.PollIntervalSeconds);
    }

    [Fact]
    public void ConfiguredRetryDelays_ReplaceTheDefaults_RatherThanAppend()
    {
        var s = Bind(new() { ["OutcomesLab:Jobs:RetryDelaysSeconds:0"] = "1", ["OutcomesLab:Jobs:RetryDelaysSeconds:1"] = "4", ["OutcomesLab:Jobs:RetryAttempts"] = "2" });
        Assert.Equal([1, 4], s.Jobs.EffectiveRetryDelaysSeconds());
        Assert.Equal(2, s.Jobs.RetryAttempts);
    }

    [Fact]
    public void Users_BindFromConfiguration()
    {
        var s = Bind(new() { ["OutcomesLab:Users:0:Name"] = "ada", ["OutcomesLab:Users:0:Role"] = "admin", ["OutcomesLab:Users:0:PasswordHash"] = GoodHash });
        Assert.Equal("ada", Assert.Single(s.Users).Name);
    }

    [Theory]
    [InlineData("", "admin", "OutcomesLab:Users:0:Name is required")]
    [InlineData("ada", "owner", "OutcomesLab:Users:0:Role 'owner' is not one of director, researcher, supervisor, admin")]
    [InlineData("ada", "Admin", "OutcomesLab:Users:0:Role 'Admin' is not one of")]
    public void A_BadUser_StopsStartUp_NamingTheKey(string name, string role, string message)
    {
        var e = Assert.Throws<SettingsException>(() => Bind(new()
        {
            ["OutcomesLab:Users:0:Name"] = name, ["OutcomesLab:Users:0:Role"] = role, ["OutcomesLab:Users:0:PasswordHash"] = GoodHash,
        }));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PlainPassword_InTheHashField_IsRefused_WithoutRepeatingIt()
    {
        var e = Assert.Throws<SettingsException>(() => Bind(new()
        {
            ["OutcomesLab:Users:0:Name"] = "ada", ["OutcomesLab:Users:0:Role"] = "admin", ["OutcomesLab:Users:0:PasswordHash"] = "hunter2-but-longer",
        }));
        Assert.Contains("OutcomesLab:Users:0:PasswordHash is not a pbkdf2-sha256 hash", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SameName_Twice_IsRefused()
    {
        var e = Assert.Throws<SettingsException>(() => Bind(new()
        {
            ["OutcomesLab:Users:0:Name"] = "ada", ["OutcomesLab:Users:0:Role"] = "admin", ["OutcomesLab:Users:0:PasswordHash"] = GoodHash,
            ["OutcomesLab:Users:1:Name"] = "ADA", ["OutcomesLab:Users:1:Role"] = "director", ["OutcomesLab:Users:1:PasswordHash"] = GoodHash,
        }));
        Assert.Equal("OutcomesLab:Users:1:Name 'ADA' appears more than once", e.Message);
    }

    [Theory]
    [InlineData("PollIntervalSeconds", "0")]
    [InlineData("InvisibilityTimeoutSeconds", "-1")]
    [InlineData("LockTimeoutSeconds", "0")]
    [InlineData("ShutdownTimeoutSeconds", "0")]
    public void Intervals_MustBePositive(string key, string value)
    {
        var e = Assert.Throws<SettingsException>(() => Bind(new() { [$"OutcomesLab:Jobs:{key}"] = value }));
        Assert.Equal($"OutcomesLab:Jobs:{key} must be a positive number of seconds", e.Message);
    }

    [Fact]
    public void No_Exports_AreScheduled_ByDefault_AndAConfiguredOne_Binds()
    {
        Assert.Empty(Bind([]).Exports);
        var s = Bind(new()
        {
            ["OutcomesLab:Exports:0:Purpose"] = "Monthly outcomes dataset for the sensate focus study",
            ["OutcomesLab:Exports:0:Cron"] = "0 3 1 * *", ["OutcomesLab:Exports:0:K"] = "15", ["OutcomesLab:Exports:0:Items"] = "true",
        });
        var e = Assert.Single(s.Exports);
        Assert.Equal(("0 3 1 * *", 15, true, false), (e.Cron, e.K, e.Items, e.WithTherapist));
    }

    [Theory]
    [InlineData(null, "0 3 1 * *", null, "OutcomesLab:Exports:0:Purpose is required: say what the export is for (it is logged)")]
    [InlineData("   ", "0 3 1 * *", null, "OutcomesLab:Exports:0:Purpose is required")]
    [InlineData("Monthly dataset", null, null, "OutcomesLab:Exports:0:Cron is required (five fields, UTC)")]
    [InlineData("Monthly dataset", "0 3 1 * *", "10", "OutcomesLab:Exports:0:K 10 is below OutcomesLab:MinCell 11")]
    public void A_BadExport_StopsStartUp_NamingTheKey(string? purpose, string? cron, string? k, string message)
    {
        var e = Assert.Throws<SettingsException>(() => Bind(new()
        {
            ["OutcomesLab:Exports:0:Purpose"] = purpose, ["OutcomesLab:Exports:0:Cron"] = cron, ["OutcomesLab:Exports:0:K"] = k,
        }));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_ExportPurpose_HoldingAnIdentifier_IsRefused_WithoutRepeatingIt()
    {
        var e = Assert.Throws<SettingsException>(() => Bind(new()
        {
            ["OutcomesLab:Exports:0:Purpose"] = "dataset for jane.doe@example.org", ["OutcomesLab:Exports:0:Cron"] = "0 3 1 * *",
        }));
        Assert.StartsWith("OutcomesLab:Exports:0:Purpose looks like it holds an identifier (e-mail address)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OutcomesLab:Web:AllowedHosts:0", "https://outcomes.example.org", "OutcomesLab:Web:AllowedHosts:0 must be a host name")]
    [InlineData("OutcomesLab:Web:AllowedHosts:0", "outcomes.example.org/x", "OutcomesLab:Web:AllowedHosts:0 must be a host name")]
    [InlineData("OutcomesLab:Web:TrustedProxies:0", "proxy.internal", "OutcomesLab:Web:TrustedProxies:0 must be an IP address or a CIDR network")]
    [InlineData("OutcomesLab:Web:TrustedProxies:0", "10.0.0.0/33", "OutcomesLab:Web:TrustedProxies:0 must be an IP address or a CIDR network")]
    public void BadWebSettings_AreRefusedNamingTheKey(string key, string value, string expected)
    {
        var e = Assert.Throws<SettingsException>(() => Bind(new() { [key] = value }));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WebSettings_BindFromConfiguration()
    {
        var s = Bind(new()
        {
            ["OutcomesLab:Web:AllowedHosts:0"] = "outcomes.example.org", ["OutcomesLab:Web:TrustedProxies:0"] = "10.0.0.5",
            ["OutcomesLab:Web:TrustedProxies:1"] = "10.1.0.0/16", ["OutcomesLab:Web:StateFolder"] = "/var/lib/outcomeslab/serve",
        });
        Assert.Equal(["outcomes.example.org"], s.Web.AllowedHosts);
        Assert.Equal(["10.0.0.5", "10.1.0.0/16"], s.Web.TrustedProxies);
        Assert.Equal("/var/lib/outcomeslab/serve", s.Web.StateFolder);
    }
}
