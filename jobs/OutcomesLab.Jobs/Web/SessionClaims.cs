namespace OutcomesLab.Jobs.Web;

/// <summary>Claim types of a signed-in session beyond the name (the role is never stored: it is read from the settings on each request).</summary>
public static class SessionClaims
{
    public const string Stamp = "outcomeslab:stamp";
}
