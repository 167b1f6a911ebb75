using Hangfire.Dashboard;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// The dashboard's explicit authorization: with users configured, a signed-in admin only; without users
/// (serve then listens on loopback only), a request from this machine only — Hangfire's own default,
/// kept even though serve already refuses to listen elsewhere.
/// </summary>
public sealed class DashboardAdminFilter(bool usersConfigured) : IDashboardAuthorizationFilter
{
    private readonly LocalRequestsOnlyAuthorizationFilter localOnly = new();

    public bool Authorize(DashboardContext context)
    {
        if (!usersConfigured) return localOnly.Authorize(context);
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && AccessRules.Allows(AccessRules.Dashboard, user);
    }
}
