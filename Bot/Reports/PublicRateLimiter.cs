using Cppcc.Bot.Limits;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Limits on filing and on <c>查询</c> look-ups, counted at once per conversation, per user and per client address
/// (when the channel shows it), so that neither a new conversation nor a new web chat user id (both free for a
/// visitor) starts a fresh count. Look-ups are limited for members too: a member may also guess a suggestion's access
/// code. A refused attempt stores nothing.
/// </summary>
public sealed class PublicRateLimiter
{
    private readonly SlidingWindowLimiter _filings;
    private readonly SlidingWindowLimiter _lookUps;

    /// <summary>Creates the limiters from <see cref="ReportsOptions"/>.</summary>
    public PublicRateLimiter(IOptions<ReportsOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _filings = new SlidingWindowLimiter(o.PublicFilingLimit, o.PublicFilingWindow, time);
        _lookUps = new SlidingWindowLimiter(o.PublicQueryLimit, o.PublicFilingWindow, time);
    }

    /// <summary>Takes one filing permit; false when the conversation, the user or the address has used up its window.</summary>
    public bool TryFile(Caller caller, string conversationId) => _filings.TryAcquire(Keys(caller, conversationId));

    /// <summary>Takes one look-up permit; false when the conversation, the user or the address has used up its window.</summary>
    public bool TryLookUp(Caller caller, string conversationId) => _lookUps.TryAcquire(Keys(caller, conversationId));

    /// <summary>Gives a look-up permit back: the look-up showed the caller a report they may see, so it was no guess.</summary>
    public void ReturnLookUp(Caller caller, string conversationId) => _lookUps.Return(Keys(caller, conversationId));

    private static string?[] Keys(Caller caller, string conversationId) =>
        ["c:" + conversationId, "u:" + caller.UserKey, caller.ClientAddress is { } address ? "a:" + address : null];
}
