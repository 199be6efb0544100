using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// The web chat's abuse limits (issue 6), all token buckets from System.Threading.RateLimiting: requests per client
/// address, new conversations per client address, messages per conversation. Partitioned limiters share one
/// replenishment timer and forget idle partitions on their own.
/// </summary>
internal sealed class WebChatRateLimits : IDisposable
{
    public WebChatRateLimits(IOptions<WebChatOptions> options)
    {
        var o = options.Value;
        ClientRequests = PerKey(o.ClientRequestBurst, o.ClientRequestsPerSecond, TimeSpan.FromSeconds(1));
        ClientConversations = PerKey(o.ClientConversationBurst, o.ClientConversationsPerMinute, TimeSpan.FromMinutes(1));
        ConversationMessages = PerKey(o.ConversationMessageBurst, o.ConversationMessagesPerMinute, TimeSpan.FromMinutes(1));
    }

    /// <summary>Every Direct Line request, polls included, keyed by client address.</summary>
    public PartitionedRateLimiter<string> ClientRequests { get; }

    /// <summary>tokens/generate, keyed by client address.</summary>
    public PartitionedRateLimiter<string> ClientConversations { get; }

    /// <summary>Activities posted, keyed by conversation id.</summary>
    public PartitionedRateLimiter<string> ConversationMessages { get; }

    public void Dispose()
    {
        ClientRequests.Dispose();
        ClientConversations.Dispose();
        ConversationMessages.Dispose();
    }

    private static PartitionedRateLimiter<string> PerKey(int burst, int perPeriod, TimeSpan period)
    {
        // Replenish in tenths of the period so that a bucket refills smoothly rather than all at once.
        var tokensPerTick = Math.Max(1, perPeriod / 10);
        var tick = period * tokensPerTick / perPeriod;
        return PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = tokensPerTick,
                ReplenishmentPeriod = tick,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }
}
