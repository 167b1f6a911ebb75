namespace OutcomesLab.Jobs.Hosting;

/// <summary>The roles of the people who use <c>serve</c> (see README for what each may open).</summary>
public static class Roles
{
    public const string Director = "director";
    public const string Researcher = "researcher";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Director, Researcher, Supervisor, Admin];
}
