using OutcomesLab.Privacy;

namespace OutcomesLab.Ingest.Tests;

public class IdentifierDetectorTests
{
    [Theory]
    [InlineData("jane.doe@example.org")]
    [InlineData("contact: j_smith+therapy@clinic.co.uk")]
    public void Email_is_detected(string value)
    {
        Assert.True(IdentifierDetectors.IsEmail(value));
        Assert.Equal(IdentifierDetectors.EmailRule, IdentifierDetectors.Detect(value));
    }

    [Theory]
    [InlineData("+44 7700 900123")]
    [InlineData("07700 900 123")]
    [InlineData("(555) 123-4567")]
    [InlineData("555.123.4567")]
    [InlineData("+1-202-555-0143")]
    public void Phone_number_is_detected(string value)
    {
        Assert.True(IdentifierDetectors.IsPhone(value));
        Assert.NotNull(IdentifierDetectors.Detect(value));
    }

    /// <summary>
    /// 943 476 5919 is the NHS's own documented example: weights 10..2 over 9,4,3,4,7,6,5,9,1 give
    /// 90+36+24+28+42+30+20+27+2 = 299; 299 mod 11 = 2; 11 − 2 = 9 = the check digit.
    /// </summary>
    [Theory]
    [InlineData("9434765919")]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    public void Nhs_number_with_a_valid_check_digit_is_detected(string value)
    {
        Assert.True(IdentifierDetectors.IsNhsNumber(value));
        Assert.Equal(IdentifierDetectors.NhsRule, IdentifierDetectors.Detect(value));
    }

    [Theory]
    [InlineData("9434765918")]
    [InlineData("9434765910")]
    public void Nhs_detector_rejects_a_wrong_check_digit(string value) => Assert.False(IdentifierDetectors.IsNhsNumber(value));

    [Fact]
    public void Ten_digits_with_a_wrong_check_digit_are_still_refused_as_a_possible_phone_number() =>
        Assert.Equal(IdentifierDetectors.PhoneRule, IdentifierDetectors.Detect("9434765918"));

    [Theory]
    [InlineData("078-05-1120")]
    [InlineData("219 09 9999")]
    public void Social_security_pattern_is_detected(string value)
    {
        Assert.True(IdentifierDetectors.IsSsn(value));
        Assert.Equal(IdentifierDetectors.SsnRule, IdentifierDetectors.Detect(value));
    }

    [Theory]
    [InlineData("SW1A 1AA")]
    [InlineData("M1 1AE")]
    [InlineData("b338th")]
    [InlineData("CR2 6XH")]
    [InlineData("DN55 1PT")]
    public void Uk_postcode_is_detected(string value)
    {
        Assert.True(IdentifierDetectors.IsUkPostcode(value));
        Assert.Equal(IdentifierDetectors.PostcodeRule, IdentifierDetectors.Detect(value));
    }

    [Theory]
    [InlineData("https://example.org/client/17")]
    [InlineData("http://intranet")]
    [InlineData("www.example.com")]
    public void Url_is_detected(string value) => Assert.Equal(IdentifierDetectors.UrlRule, IdentifierDetectors.Detect(value));

    [Theory]
    [InlineData("192.168.10.4")]
    [InlineData("10.0.0.1")]
    [InlineData("2001:db8:85a3::8a2e:370:7334")]
    [InlineData("fe80::1ff:fe23:4567:890a")]
    public void Ip_address_is_detected(string value) => Assert.Equal(IdentifierDetectors.IpRule, IdentifierDetectors.Detect(value));

    [Theory]
    [InlineData("123456789")]
    [InlineData("000000001234")]
    public void An_id_of_nine_or_more_digits_is_detected(string value)
    {
        Assert.True(IdentifierDetectors.IsLongDigitId(value));
        Assert.NotNull(IdentifierDetectors.Detect(value));
    }

    /// <summary>Everything a clean exchange-format file holds must pass, or clean files would be refused.</summary>
    [Theory]
    [InlineData("EP000001")]
    [InlineData("ep-00000_x")]
    [InlineData("A00000000")]
    [InlineData("12345678")]
    [InlineData("C7142085")]
    [InlineData("2024-09-10")]
    [InlineData("SAT01")]
    [InlineData("COMM11")]
    [InlineData("S02")]
    [InlineData("T017")]
    [InlineData("CP000000")]
    [InlineData("compulsive_sexual_behaviour")]
    [InlineData("75-89")]
    [InlineData("3.5")]
    [InlineData("256.1.1.1")]
    [InlineData("500")]
    [InlineData("")]
    public void Ordinary_exchange_values_are_not_identifiers(string value) => Assert.Null(IdentifierDetectors.Detect(value));
}
