using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Prompts;
using Cppcc.Dialogs.Root;
using static Cppcc.Dialogs.DialogsServiceCollectionExtensions;

namespace Cppcc.Dialogs.Reports;

/// <summary>Steps the report and the suggestion dialog share.</summary>
internal static class FilingDialogSteps
{
    public static FilingDialogState CreateState(object? options, ReportKind kind)
    {
        var state = options switch
        {
            FilingDialogOptions o => new FilingDialogState { Draft = o.Prefill?.Clone() ?? new ReportDraft(), ReviseReference = o.ReviseReference },
            string reference when reference.Length > 0 => new FilingDialogState { ReviseReference = ReportFormat.Reference(reference) },
            _ => new FilingDialogState(),
        };
        state.Draft.Kind = kind;
        return state;
    }

    public static Task<DialogTurnResult> AskCategoryAsync(WaterfallStepContext<FilingDialogState> step, ReportRules rules, CancellationToken ct)
        => step.State.Draft.Category is not null
            ? step.NextAsync(null, ct)
            : step.PromptAsync(PromptIds.Choice, new PromptOptions
            {
                Prompt = ReportTexts.AskCategory.For(step.Context),
                Choices = rules.Categories.ToList(),
                CardField = "category",
            }, ct);

    /// <summary>Asks for <paramref name="field"/> unless <paramref name="known"/> already answers it.</summary>
    public static Task<DialogTurnResult> AskAsync(WaterfallStepContext<FilingDialogState> step, string field, string? known, Localized question, CancellationToken ct)
        => known is not null
            ? step.NextAsync(null, ct)
            : step.PromptAsync(ReportPrompts.For(field), new PromptOptions { Prompt = question.For(step.Context), CardField = field }, ct);

    /// <summary>
    /// Checks the whole body's length (each answer passed on its own): when too long, says so and asks the body
    /// questions again, keeping the other answers. Otherwise shows similar reports and the summary, and asks to confirm.
    /// </summary>
    public static async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext<FilingDialogState> step, ReportFiling filing,
        ReportValidator validator, string dialogId, Role viewer, CancellationToken ct)
    {
        var draft = step.State.Draft;
        if (validator.CheckBodyLength(draft) is { } tooLong)
        {
            await step.Context.SendActivityAsync(tooLong.Problem.For(step.Context) + (Localized.IsEnglish(step.Context.Activity.Locale) ? "." : "。"), cancellationToken: ct);
            var again = draft.Clone();
            again.Content = again.Analysis = again.Suggestion = null;
            await step.EndAsync(null, ct);
            return await step.Dialogs.BeginDialogAsync(dialogId, new FilingDialogOptions(again, step.State.ReviseReference), ct);
        }

        await filing.ShowSummaryAsync(step.Context, draft, viewer, ct);
        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions { Prompt = ReportTexts.AskConfirm.For(step.Context) }, ct);
    }

    public static async Task<DialogTurnResult> FileAsync(WaterfallStepContext<FilingDialogState> step, ReportFiling filing, Caller caller, CancellationToken ct)
    {
        if (step.Result is true)
        {
            await filing.FileAsync(step.Context, caller, step.State.Draft, step.State.ReviseReference, ct);
        }
        else
        {
            await step.Context.SendActivityAsync(ReportTexts.NotSubmitted.For(step.Context), cancellationToken: ct);
        }

        return await step.EndAsync(null, ct);
    }
}
