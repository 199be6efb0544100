namespace Cppcc.Dialogs.Framework;

/// <summary>One step of a <see cref="WaterfallDialog{TState}"/>.</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step, CancellationToken cancellationToken)
    where TState : class, new();

/// <summary>
/// A dialog made of steps that run in order, each usually asking one question through a prompt. The step index and
/// the typed state are persisted after every step, so a conversation continues at the same step after a restart.
/// </summary>
/// <typeparam name="TState">The dialog's typed, serializable state.</typeparam>
public abstract class WaterfallDialog<TState> : StatefulDialog<TState> where TState : class, new()
{
    private readonly List<WaterfallStep<TState>> _steps = new();

    /// <summary>Creates the dialog; add steps in the order they run with <see cref="AddStep"/>.</summary>
    protected WaterfallDialog(string id) : base(id)
    {
    }

    /// <summary>Appends a step.</summary>
    protected void AddStep(WaterfallStep<TState> step) => _steps.Add(step);

    /// <summary>Builds the initial state from the options given to <c>BeginDialogAsync</c>.</summary>
    protected virtual TState CreateState(object? options) => new();

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        SaveState(dc, CreateState(options));
        return RunStepAsync(dc, 0, null, cancellationToken);
    }

    /// <summary>A waterfall that waits on its own (no prompt) takes the next message as the step's result.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var activity = dc.Context.Activity;
        if (activity.Type != Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        object? result = activity.Value ?? activity.Text;
        return RunStepAsync(dc, dc.ActiveInstance!.Step + 1, result, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
        => RunStepAsync(dc, dc.ActiveInstance!.Step + 1, result, cancellationToken);

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var instance = dc.ActiveInstance!;
        instance.Step = index;
        var step = new WaterfallStepContext<TState>(dc, instance, LoadState(dc), result, index,
            (next, ct) => RunStepAsync(dc, index + 1, next, ct));
        try
        {
            return await _steps[index](step, cancellationToken);
        }
        finally
        {
            // Save into this waterfall's own entry even when the step pushed a prompt on top of it.
            step.Persist();
        }
    }
}
