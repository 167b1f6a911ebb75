"""Independent reference values for BinomialFunnelTests.

Exact binomial funnel limits with Spiegelhalter's interpolation (Spiegelhalter 2005, "Funnel plots for
comparing institutional performance", Stat Med 24:1185-1202, appendix A.1.1), computed here in exact
rational arithmetic (fractions + math.comb) so that no floating-point CDF is shared with the C# code:

    r_p   = smallest r with P(R <= r) >= p,   R ~ Binomial(n, theta)
    alpha = (P(R <= r_p) - p) / (P(R <= r_p) - P(R <= r_p - 1))
    limit = (r_p - alpha) / n

Run: python3 funnel_limits.py
"""
from fractions import Fraction
from math import comb


def cdf(r, n, theta):
    return sum(Fraction(comb(n, k)) * theta**k * (1 - theta) ** (n - k) for k in range(0, r + 1)) if r >= 0 else Fraction(0)


def limit(theta, n, p):
    theta, p = Fraction(theta), Fraction(p)
    r = 0
    while cdf(r, n, theta) < p:
        r += 1
    hi, lo = cdf(r, n, theta), cdf(r - 1, n, theta)
    alpha = (hi - p) / (hi - lo)
    return float((r - alpha) / n), r


for theta, n in [("1/2", 20), ("7/20", 50), ("3/5", 200), ("1/10", 11)]:
    for p in ["1/1000", "1/40", "39/40", "999/1000"]:
        value, r = limit(Fraction(theta), n, Fraction(p))
        print(f"theta={theta:>5} n={n:>4} p={p:>8}  r_p={r:>4}  limit={value!r}")
