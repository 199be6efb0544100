using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// Refuses replayed callbacks. A plain-mode signature covers only token, timestamp and nonce, not the body, so a
/// captured query could carry any message: the timestamp must be within the tolerance of our clock, and a
/// (timestamp, nonce) pair is accepted for one message only. The same pair with the same message is WeChat's own retry.
/// </summary>
public sealed class WeChatReplayGuard(IOptions<WeChatOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string MessageKey, DateTimeOffset Expires)> _nonces = new(StringComparer.Ordinal);
    private long _lastSweep;

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
    public bool TryUse(string timestamp, string nonce, string messageKey)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        // Entries outlive the timestamp window on both sides, so a pair can never become usable again.
        var expires = now + (2 * options.Value.TimestampTolerance);
        var stored = _nonces.GetOrAdd(timestamp + "|" + nonce, (messageKey, expires));
        return stored.MessageKey == messageKey;
    }

    private void Sweep(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now.UtcTicks - last < TimeSpan.TicksPerMinute || Interlocked.CompareExchange(ref _lastSweep, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (key, value) in _nonces)
        {
            if (value.Expires < now)
            {
                _nonces.TryRemove(key, out _);
            }
        }
    }
}
