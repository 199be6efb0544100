using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// <see cref="ReportTransition"/> (staff only): moves a report if its state allows it, then shows the updated report
/// card. Adoption needs a <c>level</c> (district/city/province/national/instruction); a level word in the note (区级,
/// 市级, 省级, 全国, 批示) is read too.
/// </summary>
public sealed class ReportTransitionAction(IReportReview review, IReportService reports, OfficeTime office) : CardAction<ReportTransition>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, ReportTransition submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var locale = turn.Activity.Locale;
        var reference = ReportFormat.Field(submit.Ref);
        var note = ReportFormat.Field(submit.Note);
        var errors = new List<FieldError>();
        if (reference is null)
        {
            errors.Add(new FieldError(CardSubmit.Field<ReportTransition>(t => t.Ref), ReportTexts.Required));
        }

        if (!ReportNames.TryParseState(ReportFormat.Field(submit.To), out var to) || to == ReportState.Submitted)
        {
            errors.Add(new FieldError(CardSubmit.Field<ReportTransition>(t => t.To), ReportTexts.BadState));
        }

        AdoptionLevel? level = null;
        if (ReportNames.TryParseLevel(ReportFormat.Field(submit.Level), out var parsed) || LevelInNote(note, out parsed))
        {
            level = parsed;
        }

        if (errors.Count > 0)
        {
            await turn.SendActivityAsync(ReportValidator.Describe(errors, locale), cancellationToken: cancellationToken);
            return;
        }

        var request = new TransitionRequest(ReportFormat.Reference(reference), to, note, ReportFormat.Field(submit.Department), level);
        var result = await review.TransitionAsync(context.Caller, request, cancellationToken);
        switch (result.Status)
        {
            case TransitionStatus.Done:
                var similar = reports.FindSimilar(result.Report!.Draft, result.Report.Reference, Role.Staff);
                var card = ReportCards.Details(turn, result.Report, similar, staffActions: true, Office);
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
