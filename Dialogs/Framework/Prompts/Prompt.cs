using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Framework.Prompts;

/// <summary>
/// Checks a recognized answer; returns null when it is acceptable, otherwise the message (in the user's language)
/// that explains what is wrong. The prompt then asks again.
/// </summary>
public delegate string? PromptValidator<in T>(T value, ITurnContext turn);

/// <summary>
/// Base of all prompts: asks a question, recognizes the answer (typed or from an Adaptive Card submit), validates it,
/// re-prompts with the reason on failure and gives up after <see cref="PromptOptions.MaxAttempts"/>.
/// </summary>
/// <typeparam name="T">The type of the recognized value, which becomes the dialog's result.</typeparam>
public abstract class Prompt<T> : StatefulDialog<PromptState>
{
    private readonly PromptValidator<T>? _validator;

    /// <summary>Creates a prompt with an optional validator.</summary>
    protected Prompt(string id, PromptValidator<T>? validator) : base(id) => _validator = validator;

    /// <summary>Recognizes an answer in the current activity.</summary>
    protected abstract bool TryRecognize(ITurnContext turn, PromptOptions options, out T value);

    /// <summary>The message used when nothing was recognized and no retry prompt was given.</summary>
    protected abstract Localized NotRecognized { get; }

    /// <summary>The choices shown as suggested actions with the question.</summary>
    protected virtual IReadOnlyList<string> ChoicesFor(ITurnContext turn, PromptOptions options) => options.Choices;

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        SaveState(dc, new PromptState { Options = promptOptions });
        await SendQuestionAsync(dc.Context, promptOptions, promptOptions.Prompt, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var state = LoadState(dc);
        string? problem;
        if (TryRecognize(dc.Context, state.Options, out var value))
        {
            problem = _validator?.Invoke(value, dc.Context);
            if (problem is null)
            {
                return await dc.EndDialogAsync(value, cancellationToken);
            }
        }
        else
        {
            problem = string.IsNullOrWhiteSpace(state.Options.RetryPrompt) ? NotRecognized.For(dc.Context) : state.Options.RetryPrompt;
        }

        state.Attempts++;
        SaveState(dc, state);
        if (state.Attempts >= Math.Max(1, state.Options.MaxAttempts))
        {
            await dc.Context.SendActivityAsync(PromptTexts.TooManyAttempts.For(dc.Context), cancellationToken: cancellationToken);
            return dc.CancelAllDialogs();
        }

        await SendQuestionAsync(dc.Context, state.Options, problem + "\n\n" + state.Options.Prompt, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <inheritdoc />
    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var options = LoadState(dc).Options;
        return SendQuestionAsync(dc.Context, options, options.Prompt, cancellationToken);
    }

    private Task SendQuestionAsync(ITurnContext turn, PromptOptions options, string text, CancellationToken cancellationToken)
    {
        var choices = ChoicesFor(turn, options);
        var activity = choices.Count == 0 ? MessageFactory.Text(text) : MessageFactory.SuggestedActions(choices, text, null, null);
        activity.InputHint = InputHints.ExpectingInput;
        return turn.SendActivityAsync(activity, cancellationToken);
    }
}
