using Cppcc.Bot.Limits;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// The web chat's abuse limits, token buckets on the host's <see cref="TimeProvider"/>: requests per client address,
/// new conversations per client address (both keyed by <see cref="ClientAddress"/>), messages per conversation.
/// </summary>
internal sealed class WebChatRateLimits(IOptions<WebChatOptions> options, TimeProvider time)
{
    /// <summary>Every Direct Line request, polls included, keyed by client address.</summary>
    public TokenBucketLimiter ClientRequests { get; } =
        new(options.Value.ClientRequestBurst, options.Value.ClientRequestsPerSecond, TimeSpan.FromSeconds(1), time);

    /// <summary>tokens/generate, keyed by client address.</summary>
    public TokenBucketLimiter ClientConversations { get; } =
        new(options.Value.ClientConversationBurst, options.Value.ClientConversationsPerMinute, TimeSpan.FromMinutes(1), time);

    /// <summary>Activities posted, keyed by conversation id.</summary>
    public TokenBucketLimiter ConversationMessages { get; } =
        new(options.Value.ConversationMessageBurst, options.Value.ConversationMessagesPerMinute, TimeSpan.FromMinutes(1), time);
}
