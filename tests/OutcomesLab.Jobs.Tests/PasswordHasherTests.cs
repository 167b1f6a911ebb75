using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

public class PasswordHasherTests
{
    // Provenance: Python's hashlib.pbkdf2_hmac('sha256', password.encode('utf-8'), salt, iterations, 32),
    // an implementation independent of .NET's, with the salts written out here.
    [Theory]
    [InlineData("correct horse battery staple", "pbkdf2-sha256$600000$AAECAwQFBgcICQoLDA0ODw==$7xdxRO7JQgy8EJPSqLNEqSvFBtDU7JwCjdGfgyTYweY=")]
    [InlineData("Grüße, Welt", "pbkdf2-sha256$100000$MDEyMzQ1Njc4OWFiY2RlZg==$WlulSKcTe7yAXEvpo2oysEijP8KYRvRg2uCvJGKSlPc=")]
    public void Verify_AcceptsAHashComputedIndependently(string password, string encoded)
    {
        Assert.True(PasswordHasher.Verify(password, encoded));
        Assert.False(PasswordHasher.Verify(password + " ", encoded));
        Assert.False(PasswordHasher.Verify(password.ToUpperInvariant(), encoded));
    }

    [Fact]
    public void Hash_IsSaltedAndVerifies()
    {
        var a = PasswordHasher.Hash("a long enough passphrase");
        var b = PasswordHasher.Hash("a long enough passphrase");
        Assert.NotEqual(a, b);
        Assert.StartsWith("pbkdf2-sha256$600000$", a, StringComparison.Ordinal);
        Assert.DoesNotContain("passphrase", a, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("a long enough passphrase", a));
        Assert.True(PasswordHasher.Verify("a long enough passphrase", b));
        Assert.False(PasswordHasher.Verify("a long enough passphrasE", a));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("plaintext-password", "is not a pbkdf2-sha256 hash")]
    [InlineData("pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$7xdxRO7JQgy8EJPSqLNEqSvFBtDU7JwCjdGfgyTYweY=", "fewer than the minimum")]
    [InlineData("pbkdf2-sha256$600000$not base64!$7xdxRO7JQgy8EJPSqLNEqSvFBtDU7JwCjdGfgyTYweY=", "no valid salt")]
    [InlineData("pbkdf2-sha256$600000$AAECAwQFBgcICQoLDA0ODw==$AAAA", "no valid key")]
    public void Problem_NamesWhatIsWrong_AndAMalformedHashNeverMatches(string encoded, string problem)
    {
        Assert.Contains(problem, PasswordHasher.Problem(encoded), StringComparison.Ordinal);
        Assert.False(PasswordHasher.Verify("plaintext-password", encoded));
    }
}
