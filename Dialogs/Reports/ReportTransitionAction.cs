using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// <c>report.transition</c> (docs/contract.md §4, staff only): moves a report if its state allows it, then shows the
/// updated report card. Adoption needs a <c>level</c> (district/city/province/national/instruction), an addition to
/// the contract's fields; a level word in the note (区级, 市级, 省级, 全国, 批示) is read too.
/// </summary>
public sealed class ReportTransitionAction : ICardAction
{
    private readonly IReportReview _review;
    private readonly IReportService _reports;

    /// <summary>Creates the action.</summary>
    public ReportTransitionAction(IReportReview review, IReportService reports)
    {
        _review = review;
        _reports = reports;
    }

    /// <inheritdoc />
    public string Name => ReportCards.TransitionAction;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var locale = turn.Activity.Locale;
        var reference = ReportSubmitAction.Text(value, "ref");
        var note = ReportSubmitAction.Text(value, "note");
        var errors = new List<FieldError>();
        if (reference is null)
        {
            errors.Add(new FieldError("ref", ReportTexts.Required));
        }

        if (!ReportNames.TryParseState(ReportSubmitAction.Text(value, "to"), out var to) || to == ReportState.Submitted)
        {
            errors.Add(new FieldError("to", ReportTexts.BadState));
        }

        AdoptionLevel? level = null;
        if (ReportNames.TryParseLevel(ReportSubmitAction.Text(value, "level"), out var parsed) || LevelInNote(note, out parsed))
        {
            level = parsed;
        }

        if (errors.Count > 0)
        {
            await turn.SendActivityAsync(ReportValidator.Describe(errors, locale), cancellationToken: cancellationToken);
            return;
        }

        var request = new TransitionRequest(ReportFormat.Reference(reference), to, note, ReportSubmitAction.Text(value, "department"), level);
        var result = await _review.TransitionAsync(context.Caller, request, cancellationToken);
        switch (result.Status)
        {
            case TransitionStatus.Done:
                var similar = await _reports.FindSimilarAsync(result.Report!.Draft, result.Report.Reference, Role.Staff, cancellationToken);
                var card = ReportCards.Details(turn, result.Report, similar, staffActions: true);
                if (await ClickedCard.TryReplaceAsync(turn, card, cancellationToken))
                {
                    // The clicked card now shows the new state and the next steps; only a failed notice needs words.
                    if (!result.AuthorNotified)
                    {
                        await turn.SendActivityAsync(ReportTexts.MovedNotNotified.For(locale), cancellationToken: cancellationToken);
                    }

                    break;
                }

                var text = ReportTexts.Moved.Format(turn, request.Reference, to.Label().For(locale));
                if (!result.AuthorNotified)
                {
                    text += "\n\n" + ReportTexts.MovedNotNotified.For(locale);
                }

                await turn.SendActivityAsync(text, cancellationToken: cancellationToken);
                await turn.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken);
                break;
            case TransitionStatus.NotFound:
                await turn.SendActivityAsync(ReportTexts.UnknownReference.Format(turn, ReportFormat.Markdown(request.Reference)), cancellationToken: cancellationToken);
                break;
            case TransitionStatus.Illegal:
                var allowed = ReportLifecycle.AllowedFrom(result.Current!.Value).Select(s => s.Label().For(locale)).ToList();
                var hint = allowed.Count == 0 ? ReportTexts.NoMoreActions.For(locale) : ReportTexts.AllowedMoves.Format(turn, string.Join("、", allowed));
                await turn.SendActivityAsync(ReportTexts.IllegalMove.Format(turn, request.Reference, result.Current.Value.Label().For(locale), to.Label().For(locale), hint),
                    cancellationToken: cancellationToken);
                break;
            default:
                await turn.SendActivityAsync(ReportValidator.Describe(new[] { result.Error! }, locale), cancellationToken: cancellationToken);
                break;
        }
    }

    private static bool LevelInNote(string? note, out AdoptionLevel level)
    {
        level = default;
        if (note is null)
        {
            return false;
        }

        foreach (var (key, word) in new[] { (AdoptionLevel.Instruction, "批示"), (AdoptionLevel.National, "全国"), (AdoptionLevel.Province, "省级"), (AdoptionLevel.City, "市级"), (AdoptionLevel.District, "区级") })
        {
            if (note.Contains(word, StringComparison.Ordinal))
            {
                level = key;
                return true;
            }
        }

        return false;
    }
}
