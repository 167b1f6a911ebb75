using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// Who may open what once users are configured. Every figure shown is aggregated and suppressed, yet
/// the audiences differ: the QI report compares therapists and sites (supervision, not research),
/// pulls and refusal reports are for the people who run the sources, research exports (row-level, if
/// de-identified) for researchers, the job dashboard can trigger and delete jobs.
/// </summary>
public static class AccessRules
{
    public static readonly string[] Home = [Roles.Director, Roles.Researcher, Roles.Supervisor, Roles.Admin];
    public static readonly string[] DirectorReport = [Roles.Director, Roles.Researcher, Roles.Supervisor, Roles.Admin];
    public static readonly string[] QualityReport = [Roles.Supervisor, Roles.Director, Roles.Admin];
    public static readonly string[] Pulls = [Roles.Admin, Roles.Director];
    public static readonly string[] Dashboard = [Roles.Admin];
    /// <summary>Requesting a research export, reading the export log and downloading export files: research data, for researchers.</summary>
    public static readonly string[] Exports = [Roles.Researcher, Roles.Admin];

    public static bool Allows(IReadOnlyCollection<string> rule, System.Security.Claims.ClaimsPrincipal user) => rule.Any(user.IsInRole);
}
