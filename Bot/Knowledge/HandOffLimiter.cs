using Cppcc.Bot.Limits;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// How often one caller may pass questions to staff (<see cref="KnowledgeOptions.HandOffLimit"/>): counted per user
/// and per client address at once, so a visitor cannot flood staff's chats by opening new conversations (each one
/// is a new web chat user). Staff are not limited.
/// </summary>
public sealed class HandOffLimiter(IOptions<KnowledgeOptions> options, TimeProvider time)
{
    private readonly SlidingWindowLimiter _limiter = new(options.Value.HandOffLimit, options.Value.HandOffWindow, time);

    /// <summary>Takes one permit for a new ticket; false when any of the caller's counts is used up.</summary>
    public bool TryTake(Caller asker) => asker.Has(Role.Staff) || _limiter.TryAcquire(Keys(asker));

    /// <summary>Gives the permit back: the question was already open, so no new ticket reached staff.</summary>
    public void Return(Caller asker)
    {
        if (!asker.Has(Role.Staff))
        {
            _limiter.Return(Keys(asker));
        }
    }

    private static string?[] Keys(Caller asker) =>
        ["u:" + asker.UserKey, asker.ClientAddress is { } address ? "a:" + address : null];
}
