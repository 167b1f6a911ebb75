using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// A cap on sign-in posts per client (<see cref="ClientAddress"/>), whatever they hold: bounds what
/// one address can make serve do, before any form is read. Failed passwords have their own, tighter
/// count (<see cref="SignInThrottle"/>).
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";
    public const int PostsPerMinute = 30;

    public static void AddSignInRateLimit(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.AddPolicy(Policy, ctx => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(ctx), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PostsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
        o.OnRejected = (context, _) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
    });

    public static TBuilder RequireSignInRateLimit<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireRateLimiting(Policy);
}
