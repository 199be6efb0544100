using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Framework;

/// <summary>
/// Loads a conversation's dialog stack from <see cref="ConversationState"/> and wraps it in a
/// <see cref="DialogContext"/>. The caller saves conversation state at the end of the turn.
/// </summary>
public sealed class DialogRunner
{
    private readonly DialogSet _dialogs;
    private readonly IStatePropertyAccessor<DialogStack> _stack;

    /// <summary>Creates the runner over the registered dialogs.</summary>
    public DialogRunner(DialogSet dialogs, ConversationState conversationState)
    {
        _dialogs = dialogs;
        _stack = conversationState.CreateProperty<DialogStack>("dialogStack");
    }

    /// <summary>The dialog context for this turn.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var stack = await _stack.GetAsync(turn, () => new DialogStack(), cancellationToken);
        if (stack.Version != DialogStack.CurrentVersion)
        {
            // Written by an incompatible version: start over politely instead of misreading it.
            stack = new DialogStack();
            await _stack.SetAsync(turn, stack, cancellationToken);
        }

        return new DialogContext(turn, _dialogs, stack);
    }
}
