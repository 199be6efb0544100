using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// A short line a feature may put before the reply to any message, e.g. telling staff that questions wait for them.
/// Runs on every message, so it must be cheap and say each thing once.
/// </summary>
public interface ITurnNotice
{
    /// <summary>The line to send before this turn's reply, or null for nothing.</summary>
    string? Notice(ITurnContext turn, Caller caller);
}
