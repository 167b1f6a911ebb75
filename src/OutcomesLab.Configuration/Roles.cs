namespace OutcomesLab.Configuration;

/// <summary>The roles of the people who use <c>serve</c> (docs/operations.md, "Users, roles and sign-in", says what each may open).</summary>
public static class Roles
{
    public const string Director = "director";
    public const string Researcher = "researcher";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Director, Researcher, Supervisor, Admin];
}
