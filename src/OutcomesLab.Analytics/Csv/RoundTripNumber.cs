using System.Globalization;
using System.Text;

namespace OutcomesLab.Analytics.Csv;

/// <summary>
/// Writes a double at full precision in the invariant form the reference outputs use: the shortest
/// digit string that reads back to the same double ("R"), positional for decimal exponents −4…15
/// with at least one decimal (<c>0.0</c>, <c>100.0</c>, <c>62.99999999999999</c>), otherwise
/// scientific with a signed two-digit exponent (<c>1e-05</c>, <c>1.5e+16</c>) — the repr() rules of
/// the independent implementation. Counts are written as integers elsewhere, never through here.
/// </summary>
public static class RoundTripNumber
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), "only finite figures are published");
        // Shortest round-trip digits and the decimal exponent, from .NET's "E16"-free shortest form.
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, pointPos) = Decompose(r);
        var sign = value < 0 || (value == 0 && double.IsNegative(value)) ? "-" : "";
        if (digits.Length == 0 || digits.All(c => c == '0')) return sign + "0.0";
        var exponent = pointPos - 1; // value = 0.d1d2… × 10^pointPos = d1.d2… × 10^(pointPos−1)
        var sb = new StringBuilder(sign);
        if (exponent is >= -4 and < 16)
        {
            if (pointPos <= 0)
            {
                sb.Append("0.").Append('0', -pointPos).Append(digits);
            }
            else if (pointPos >= digits.Length)
            {
                sb.Append(digits).Append('0', pointPos - digits.Length).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, digits.Length - pointPos);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Significant digits without leading/trailing zeros, and where the decimal point sits relative to them.</summary>
    private static (string Digits, int PointPos) Decompose(string r)
    {
        var e = r.IndexOfAny(['E', 'e']);
        var exp = 0;
        var mantissa = r;
        if (e >= 0)
        {
            exp = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r[..e];
        }
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        var all = intPart + fracPart;
        var pointPos = intPart.Length + exp;
        var lead = 0;
        while (lead < all.Length && all[lead] == '0') lead++;
        all = all[lead..];
        pointPos -= lead;
        return (all.TrimEnd('0'), pointPos);
    }
}
