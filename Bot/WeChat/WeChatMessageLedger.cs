using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// The callbacks taken, on the shared <see cref="IWeChatCallbackStore"/>: each message is processed once although WeChat
/// sends it up to three more times (within about 15 seconds) when our answer is slow or lost, and a (timestamp, nonce)
/// pair carries one message only. Behind a load balancer a retry may reach another instance than the first delivery;
/// the claims are in the storage every instance uses, so that instance recognises it too.
/// </summary>
public sealed class WeChatMessageLedger(IWeChatCallbackStore store, IOptions<WeChatOptions> options, TimeProvider time)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private long _nextSweep;

    /// <summary>
    /// How long a claim is kept. A callback is taken only while its timestamp is within the tolerance of our clock,
    /// either way, so a claim made then and kept twice the tolerance outlives every request that could repeat it:
    /// WeChat's retries (15 seconds) and a replay of the same signed query (refused as stale after that). Shorter, a
    /// replay of a message's exact callback, which the nonce lets through as a retry, would be answered again.
    /// </summary>
    public TimeSpan KeptFor => 2 * options.Value.TimestampTolerance;

    /// <summary>True for the first delivery of the message with <paramref name="deduplicationKey"/>; false for a retry.</summary>
    public bool TryBegin(string deduplicationKey)
    {
        // A value only this call has: it comes back only when this call made the claim.
        var mine = Guid.NewGuid().ToString("N");
        return Claim("message|" + deduplicationKey, mine) == mine;
    }

    /// <summary>
    /// False when this (timestamp, nonce) already came with a different message; the same message again is WeChat's
    /// own retry (it repeats the whole request).
    /// </summary>
    public bool TryUseNonce(string timestamp, string nonce, string deduplicationKey)
        => Claim("nonce|" + timestamp + "|" + nonce, deduplicationKey) == deduplicationKey;

    private string Claim(string key, string value)
    {
        var now = time.GetUtcNow();
        SweepIfDue(now);
        return store.Claim(key, value, now, now + KeptFor);
    }

    /// <summary>Expired claims are deleted at most once a minute per instance, by whichever callback comes first.</summary>
    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        store.RemoveExpired(now);
    }
}
