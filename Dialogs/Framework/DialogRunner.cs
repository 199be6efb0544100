using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Framework;

/// <summary>
/// Loads the caller's dialog stack from <see cref="ConversationState"/> and wraps it in a <see cref="DialogContext"/>.
/// The caller saves conversation state at the end of the turn.
/// </summary>
public sealed class DialogRunner
{
    private const string StackProperty = "dialogStack";

    private readonly DialogSet _dialogs;
    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<DialogStack> _personalStack;

    /// <summary>Creates the runner over the registered dialogs.</summary>
    public DialogRunner(DialogSet dialogs, ConversationState conversationState)
    {
        _dialogs = dialogs;
        _conversationState = conversationState;
        _personalStack = conversationState.CreateProperty<DialogStack>(StackProperty);
    }

    /// <summary>The dialog context for this turn.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var accessor = StackOf(turn);
        var stack = await accessor.GetAsync(turn, () => new DialogStack(), cancellationToken);
        if (stack.Version != DialogStack.CurrentVersion)
        {
            // Written by an incompatible version: start over politely instead of misreading it.
            stack = new DialogStack();
            await accessor.SetAsync(turn, stack, cancellationToken);
        }

        return new DialogContext(turn, _dialogs, stack);
    }

    /// <summary>
    /// A group chat or channel is one conversation for everyone in it, but a dialog belongs to the person who started
    /// it: there each sender has a stack of their own, so nobody answers another's questions (a member finishing a
    /// staff member's notice would send it in their name to every member).
    /// </summary>
    private IStatePropertyAccessor<DialogStack> StackOf(ITurnContext turn)
        => ConversationScope.IsPersonal(turn.Activity.Conversation)
            ? _personalStack
            : _conversationState.CreateProperty<DialogStack>(StackProperty + ":" + turn.Activity.From?.Id);
}
