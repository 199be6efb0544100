using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// Anyone files a suggestion (建议), a shorter form: category, title, content, optional location; the public also
/// chooses anonymity and otherwise leaves a name and a phone number (staff only). Summary, confirm, then filed.
/// </summary>
public sealed class SuggestionDialog : WaterfallDialog<FilingDialogState>
{
    /// <summary>Dialog id.</summary>
    public const string DialogId = "reports.suggestion";

    private readonly ReportFiling _filing;
    private readonly ReportValidator _validator;
    private readonly ICallerResolver _callers;

    /// <summary>Creates the dialog.</summary>
    public SuggestionDialog(ReportFiling filing, ReportValidator validator, ICallerResolver callers) : base(DialogId)
    {
        _filing = filing;
        _validator = validator;
        _callers = callers;
        AddStep(AskCategoryStepAsync);
        AddStep(AskTitleStepAsync);
        AddStep(AskContentStepAsync);
        AddStep(AskLocationStepAsync);
        AddStep(AskAnonymousStepAsync);
        AddStep(AskContactNameStepAsync);
        AddStep(AskContactPhoneStepAsync);
        AddStep(ConfirmStepAsync);
        AddStep(FileStepAsync);
    }

    /// <inheritdoc />
    protected override FilingDialogState CreateState(object? options) => FilingDialogSteps.CreateState(options, ReportKind.Suggestion);

    private Task<DialogTurnResult> AskCategoryStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
        => FilingDialogSteps.AskCategoryAsync(step, _validator.Rules, ct);

    private Task<DialogTurnResult> AskTitleStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.Category ??= step.Result as string;
        return FilingDialogSteps.AskAsync(step, "title", step.State.Draft.Title, ReportTexts.AskTitle(_validator.Rules.MaxTitleLength), ct);
    }

    private Task<DialogTurnResult> AskContentStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.Title ??= step.Result as string;
        return FilingDialogSteps.AskAsync(step, "content", step.State.Draft.Content, ReportTexts.AskSuggestionContent(_validator.Rules.MaxContentLength), ct);
    }

    private Task<DialogTurnResult> AskLocationStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.Content ??= step.Result as string;
        return FilingDialogSteps.AskAsync(step, "location", null, ReportTexts.AskLocation, ct);
    }

    private Task<DialogTurnResult> AskAnonymousStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.Location = ReportPrompts.IsSkip(step.Result as string) ? null : step.Result as string;
        if (IsMember(step))
        {
            // Members are known by their Teams identity: no anonymity or contact questions.
            return step.NextAsync(null, ct);
        }

        return step.PromptAsync(DialogsServiceCollectionExtensions.PromptIds.Confirm,
            new Framework.Prompts.PromptOptions { Prompt = ReportTexts.AskAnonymous.For(step.Context) }, ct);
    }

    private Task<DialogTurnResult> AskContactNameStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.Anonymous = step.Result is true;
        return NeedsContact(step)
            ? FilingDialogSteps.AskAsync(step, "contactName", null, ReportTexts.AskContactName, ct)
            : step.NextAsync(null, ct);
    }

    private Task<DialogTurnResult> AskContactPhoneStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.ContactName = step.Result as string;
        return NeedsContact(step)
            ? FilingDialogSteps.AskAsync(step, "contactPhone", null, ReportTexts.AskContactPhone, ct)
            : step.NextAsync(null, ct);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.ContactPhone = step.Result as string;
        return FilingDialogSteps.ConfirmAsync(step, _filing, _validator, Id, _callers.Resolve(step.Context.Activity).Role, ct);
    }

    private Task<DialogTurnResult> FileStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
        => FilingDialogSteps.FileAsync(step, _filing, _callers.Resolve(step.Context.Activity), ct);

    private bool IsMember(WaterfallStepContext<FilingDialogState> step) => _callers.Resolve(step.Context.Activity).Has(Role.Member);

    private bool NeedsContact(WaterfallStepContext<FilingDialogState> step) => !IsMember(step) && !step.State.Draft.Anonymous;
}
