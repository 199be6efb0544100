using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Limits what the public may do per conversation and, separately, per client (the web chat user id), so opening a
/// new conversation does not reset a client's count and many clients cannot flood one conversation. Sliding windows
/// of System.Threading.RateLimiting; a refused attempt stores nothing.
/// </summary>
public sealed class PublicRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(string Conversation, string Client)> _filings;
    private readonly PartitionedRateLimiter<(string Conversation, string Client)> _queries;

    /// <summary>Creates the limiters from <see cref="ReportsOptions"/>.</summary>
    public PublicRateLimiter(IOptions<ReportsOptions> options)
    {
        var o = options.Value;
        _filings = Chained(o.PublicFilingLimit, o.PublicFilingWindow);
        _queries = Chained(o.PublicQueryLimit, o.PublicFilingWindow);
    }

    /// <summary>Takes one filing permit; false when either the conversation or the client has used up its window.</summary>
    public bool TryFile(string conversationId, string clientKey) => TryAcquire(_filings, conversationId, clientKey);

    /// <summary>Takes one status look-up permit.</summary>
    public bool TryQuery(string conversationId, string clientKey) => TryAcquire(_queries, conversationId, clientKey);

    /// <inheritdoc />
    public void Dispose()
    {
        _filings.Dispose();
        _queries.Dispose();
    }

    private static bool TryAcquire(PartitionedRateLimiter<(string, string)> limiter, string conversationId, string clientKey)
    {
        using var lease = limiter.AttemptAcquire((conversationId, clientKey));
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<(string Conversation, string Client)> Chained(int permits, TimeSpan window)
    {
        SlidingWindowRateLimiterOptions Options() => new()
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 10,
            QueueLimit = 0,
            AutoReplenishment = true,
        };

        return PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Conversation, string Client), string>(k => RateLimitPartition.GetSlidingWindowLimiter("c:" + k.Conversation, _ => Options())),
            PartitionedRateLimiter.Create<(string Conversation, string Client), string>(k => RateLimitPartition.GetSlidingWindowLimiter("u:" + k.Client, _ => Options())));
    }
}
