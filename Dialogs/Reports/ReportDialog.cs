using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// A member files an opinion report (社情民意信息): category, title, situation, analysis, suggestion, optional
/// location; then similar earlier reports and a summary card, and nothing is stored unless the member confirms.
/// </summary>
public sealed class ReportDialog : WaterfallDialog<FilingDialogState>
{
    /// <summary>Dialog id.</summary>
    public const string DialogId = "reports.report";

    private readonly ReportFiling _filing;
    private readonly ReportValidator _validator;
    private readonly ICallerResolver _callers;

    /// <summary>Creates the dialog.</summary>
    public ReportDialog(ReportFiling filing, ReportValidator validator, ICallerResolver callers) : base(DialogId)
    {
        _filing = filing;
        _validator = validator;
        _callers = callers;
        AddStep(AskCategoryStepAsync);
        AddStep(AskTitleStepAsync);
        AddStep(AskSituationStepAsync);
        AddStep(AskAnalysisStepAsync);
        AddStep(AskSuggestionStepAsync);
        AddStep(AskLocationStepAsync);
        AddStep(ConfirmStepAsync);
        AddStep(FileStepAsync);
    }

    /// <inheritdoc />
    protected override FilingDialogState CreateState(object? options) => FilingDialogSteps.CreateState(options, ReportKind.Report);

    private async Task<DialogTurnResult> AskCategoryStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        if (step.State.ReviseReference is { } revise && step.State.Draft.Category is null)
        {
            await step.Context.SendActivityAsync(ReportTexts.RevisingIntro.Format(step.Context, revise), cancellationToken: ct);
        }

        return await FilingDialogSteps.AskCategoryAsync(step, _validator.Rules, ct);
    }

    private Task<DialogTurnResult> AskTitleStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.Category ??= step.Result as string;
        return FilingDialogSteps.AskAsync(step, "title", step.State.Draft.Title, ReportTexts.AskTitle(_validator.Rules.MaxTitleLength), ct);
    }

    private Task<DialogTurnResult> AskSituationStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.Title ??= step.Result as string;
        return FilingDialogSteps.AskAsync(step, "content", step.State.Draft.Content, ReportTexts.AskSituation(_validator.Rules.MaxContentLength), ct);
    }

    private Task<DialogTurnResult> AskAnalysisStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.Content ??= step.Result as string;
        return FilingDialogSteps.AskAsync(step, "analysis", step.State.Draft.Analysis, ReportTexts.AskAnalysis, ct);
    }

    private Task<DialogTurnResult> AskSuggestionStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.Analysis ??= step.Result as string;
        return FilingDialogSteps.AskAsync(step, "suggestion", step.State.Draft.Suggestion, ReportTexts.AskSuggestion, ct);
    }

    private Task<DialogTurnResult> AskLocationStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.Suggestion ??= step.Result as string;
        return FilingDialogSteps.AskAsync(step, "location", null, ReportTexts.AskLocation, ct);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
    {
        step.State.Draft.Location = ReportPrompts.IsSkip(step.Result as string) ? null : step.Result as string;
        return FilingDialogSteps.ConfirmAsync(step, _filing, _validator, Id, _callers.Resolve(step.Context.Activity).Role, ct);
    }

    private Task<DialogTurnResult> FileStepAsync(WaterfallStepContext<FilingDialogState> step, CancellationToken ct)
        => FilingDialogSteps.FileAsync(step, _filing, _callers.Resolve(step.Context.Activity), ct);
}
