using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// Refuses replayed callbacks. A plain-mode signature covers only token, timestamp and nonce, not the body, so a
/// captured query could carry any message: the timestamp must be within the tolerance of our clock, and a
/// (timestamp, nonce) pair is accepted for one message only, on every instance (<see cref="WeChatMessageLedger"/>).
/// The same pair with the same message is WeChat's own retry.
/// </summary>
public sealed class WeChatReplayGuard(WeChatMessageLedger ledger, IOptions<WeChatOptions> options, TimeProvider time)
{
    public bool IsFresh(string? timestamp)
    {
        if (!long.TryParse(timestamp, out var seconds))
        {
            return false;
        }

        // In doubles: "now - seconds" overflows a long for a timestamp near long.MinValue, and Math.Abs of that throws.
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return Math.Abs((double)now - seconds) <= options.Value.TimestampTolerance.TotalSeconds;
    }

    /// <summary>False when this (timestamp, nonce) already came with a different message.</summary>
    public bool TryUse(string timestamp, string nonce, string messageKey) => ledger.TryUseNonce(timestamp, nonce, messageKey);
}
