using Cppcc.Dialogs.Framework.Prompts;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Framework;

/// <summary>What a waterfall step sees: the turn, its typed state, the previous step's result.</summary>
public sealed class WaterfallStepContext<TState> where TState : class, new()
{
    private readonly DialogInstance _instance;
    private readonly Func<object?, CancellationToken, Task<DialogTurnResult>> _next;

    internal WaterfallStepContext(DialogContext dc, DialogInstance instance, TState state, object? result, int index,
        Func<object?, CancellationToken, Task<DialogTurnResult>> next)
    {
        Dialogs = dc;
        _instance = instance;
        State = state;
        Result = result;
        Index = index;
        _next = next;
    }

    /// <summary>The dialog context (to begin child dialogs).</summary>
    public DialogContext Dialogs { get; }

    /// <summary>The current turn.</summary>
    public ITurnContext Context => Dialogs.Context;

    /// <summary>The dialog's state; changes are saved when the step returns.</summary>
    public TState State { get; }

    /// <summary>The previous step's result: a prompt's value, or the user's text / card value.</summary>
    public object? Result { get; }

    /// <summary>Zero-based index of this step.</summary>
    public int Index { get; }

    /// <summary>Skips straight to the next step with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken)
    {
        Persist();
        return _next(result, cancellationToken);
    }

    /// <summary>Starts a prompt (or any child dialog); its result arrives in the next step.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken)
    {
        Persist();
        return Dialogs.BeginDialogAsync(promptId, options, cancellationToken);
    }

    /// <summary>Starts any child dialog.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        Persist();
        return Dialogs.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Ends this dialog with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> EndAsync(object? result, CancellationToken cancellationToken)
        => Dialogs.EndDialogAsync(result, cancellationToken);

    /// <summary>Waits for the user's next message without a prompt (e.g. after sending a card); it arrives as <see cref="Result"/>.</summary>
    public DialogTurnResult Wait() => DialogTurnResult.Waiting;

    internal void Persist() => _instance.State = JObject.FromObject(State);
}
