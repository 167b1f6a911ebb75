using System.Threading.RateLimiting;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// Failed sign-ins, counted per user name and per client (<see cref="ClientAddress"/>) over a sliding
/// window. Once either count is used up every attempt for that name or from that client is refused
/// before the password is hashed — the right password too — until old failures leave the window.
/// Kept in memory: a restart forgets them.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int FailuresPerName = 5;
    public const int FailuresPerClient = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    // Names are only partition keys; a very long one must not become a very large key.
    private const int NameKeyLength = 128;

    private readonly PartitionedRateLimiter<string> byName = Create(FailuresPerName);
    private readonly PartitionedRateLimiter<string> byClient = Create(FailuresPerClient);

    /// <summary>How long to wait when the name or the client has no failures left, else null.</summary>
    public TimeSpan? Refusal(string? name, string client)
    {
        using var forName = byName.AttemptAcquire(NameKey(name), 0);
        using var forClient = byClient.AttemptAcquire(client, 0);
        if (forName.IsAcquired && forClient.IsAcquired) return null;
        var failed = forName.IsAcquired ? forClient : forName;
        return failed.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
    }

    public void Failed(string? name, string client)
    {
        byName.AttemptAcquire(NameKey(name)).Dispose();
        byClient.AttemptAcquire(client).Dispose();
    }

    private static string NameKey(string? name)
    {
        var key = (name ?? "").Trim().ToUpperInvariant();
        return key.Length > NameKeyLength ? key[..NameKeyLength] : key;
    }

    private static PartitionedRateLimiter<string> Create(int failures) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = failures,
            Window = Window,
            SegmentsPerWindow = 15,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public void Dispose()
    {
        byName.Dispose();
        byClient.Dispose();
    }
}
